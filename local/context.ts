/** What every service and job shares: identity, state, logs, metrics, S3, processes. */
import type { LocalConfig } from './config.js';
import type { LogStore } from './services/logs.js';
import type { MetricStore } from './services/cloudwatch.js';
import type { AlarmStore } from './services/cloudwatch-alarms.js';
import type { EndpointEngine } from './endpoints/engine.js';
import type { S3Store } from './s3store.js';
import type { ProcessTracker } from './jobs/process.js';
import type { PythonResolver } from './jobs/python.js';
import type { Collection } from './store.js';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`sagemaker-local: ${m}\n`),
  warn: (m) => process.stderr.write(`sagemaker-local: warning: ${m}\n`),
  error: (m) => process.stderr.write(`sagemaker-local: error: ${m}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Every stored record carries a creation sequence number (stable ordering across restarts). */
export type Rec = Record<string, unknown> & { seq: number };

export interface State {
  trainingJobs: Collection<Rec>;
  processingJobs: Collection<Rec>;
  transformJobs: Collection<Rec>;
  models: Collection<Rec>;
  packageGroups: Collection<Rec>;
  packages: Collection<Rec>;
  pipelines: Collection<Rec>;
  pipelineExecutions: Collection<Rec>;
  monitoringSchedules: Collection<Rec>;
  monitoringExecutions: Collection<Rec>;
  endpointConfigs: Collection<Rec>;
  endpoints: Collection<Rec>;
  /** Tags by resource ARN. */
  tags: Collection<Rec>;
}

export interface LocalContext {
  region: string;
  accountId: string;
  /** The emulator's own URL (jobs get it as AWS_ENDPOINT_URL). */
  url: string;
  dataDir: string;
  config: LocalConfig;
  state: State;
  logs: LogStore;
  metrics: MetricStore;
  alarms: AlarmStore;
  /** Endpoint fleets, deployments and data capture. */
  endpoints: EndpointEngine;
  s3: S3Store;
  processes: ProcessTracker;
  python: PythonResolver;
  logger: Logger;
  now(): number;
  nextSeq(): number;
  /** Set when the server is stopping: job flows stop writing state (a restart marks them Failed). */
  closing: boolean;
  /** Running job flows (awaited on stop). */
  flows: Set<Promise<void>>;
  /** Stop handles of running jobs by `<kind>/<name>`. */
  stoppers: Map<string, () => void>;
  arn(resource: string): string;
  /** Time limit of one log line's MetricDefinitions evaluation (default 5 s). */
  metricRegexTimeoutMs?: number;
}
