import { run } from '../actions/evaluate.js';
void run();
