/** Worker-thread entry for the capture scan when running from source (tests, tsx). */
import { serveScanWorker } from './scan-pool.js';

serveScanWorker();
