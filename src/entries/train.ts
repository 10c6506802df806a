import { run } from '../actions/train.js';
void run();
