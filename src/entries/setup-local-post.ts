import { runPost } from '../actions/setup-local.js';
void runPost();
