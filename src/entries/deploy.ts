import { run } from '../actions/deploy.js';
void run();
