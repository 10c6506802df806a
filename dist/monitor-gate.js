import { start } from './index.js';
await start("monitor-gate");
