import { runPost } from '../actions/train.js';
void runPost();
