import { run } from '../actions/monitor-gate.js';
void run();
