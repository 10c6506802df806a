import { start } from './index.js';
await start("setup-local-post");
