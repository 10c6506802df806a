import { run } from '../actions/setup-local.js';
void run();
