/**
 * sagemaker-local: SageMaker, S3 and CloudWatch on one loopback port, jobs really running on
 * this machine. `startLocal(options)` is the programmatic entry (tests, scripts); `cli.ts` is
 * `npx sagemaker-local start`.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { LocalConfig } from './config.js';
import {
  silentLogger,
  stderrLogger,
  type LocalContext,
  type Logger,
  type Rec,
  type State,
} from './context.js';
import { FaultInjector, NO_FAULTS, parseFaults, type FaultSpec } from './faults.js';
import { ProcessTracker } from './jobs/process.js';
import { RunLedger } from './jobs/ledger.js';
import { PythonResolver, pythonCandidates } from './jobs/python.js';
import { addTransition, type Transition } from './jobs/status.js';
import { recoverInterruptedExecutions } from './pipelines/execution.js';
import { recoverInterruptedMonitoringExecutions } from './monitoring/execution.js';
import { MonitoringScheduler } from './monitoring/scheduler.js';
import { S3Store, type FilesystemStore } from './s3store.js';
import { loadS3rver } from './s3rver-compat.js';
import { hardenFilesystemStore, type RawFilesystemStore } from './s3fs-store.js';
import { createRequestHandler } from './server.js';
import { allowedHostnames, type GuardConfig } from './guard.js';
import { MetricStore } from './services/cloudwatch.js';
import { DashboardStore } from './services/dashboards.js';
import { AlarmStore } from './services/cloudwatch-alarms.js';
import { EndpointEngine, recoverEndpoints } from './endpoints/engine.js';
import { LogStore } from './services/logs.js';
import { Collection, stateDir } from './store.js';

export interface StartLocalOptions {
  /** 0 picks a free port (default 4566). */
  port?: number;
  /** Default 127.0.0.1. Anything else is reachable from other machines (a warning is logged). */
  host?: string;
  /** Default .sagemaker-local in the working directory. */
  dataDir?: string;
  /** Parsed sagemaker-local.yml. */
  config?: LocalConfig;
  /** FaultSpec or its text form `throttle=0.3,error=0.05,latency=50ms`. */
  faults?: FaultSpec | string;
  /** Seed of the fault generator (default 1). */
  seed?: number;
  /** Reject requests signed with any other access key id. */
  accessKey?: string;
  /** Python to run XGBoost and scripts with (else SAGEMAKER_LOCAL_PYTHON, /usr/bin/python3, python3). */
  python?: string;
  logger?: Logger | 'silent';
  /** Resolve before s3rver has loaded (the CLI: a faster 'listening' line; S3 calls wait for it). */
  lazyS3?: boolean;
  /** SIGTERM-to-SIGKILL grace when a job is stopped (default 10 s; AWS gives 120 s). */
  stopGraceMs?: number;
  /** Time limit of MetricDefinitions regexes on one log line (default 5 s); the job fails beyond it. */
  metricRegexTimeoutMs?: number;
  /** How often CloudWatch alarms are evaluated (default 1000 ms; AWS: every minute / 10 s). */
  alarmEvaluationIntervalMs?: number;
  /**
   * The emulator's clock (default Date.now): timestamps, data-capture times and monitoring
   * schedules follow it, so a test can move time to the next hour instead of waiting for it.
   */
  clock?: () => number;
  /**
   * How often the monitoring scheduler looks for due schedules (default 10 s; AWS starts an
   * execution 0-20 minutes after its time). 0: no timer (tests that record executions by hand,
   * or call `monitoring.tick()`); NOW schedules still run at once.
   */
  monitoringIntervalMs?: number;
}

export interface LocalHandle {
  url: string;
  port: number;
  dataDir: string;
  /** For tests: the live context (state, logs, metrics). */
  context: LocalContext;
  /** The monitoring scheduler: `tick(at?)` runs its check at once (at the clock, or at `at`). */
  monitoring: MonitoringScheduler;
  stop(): Promise<void>;
}

/** Loopback hosts need no warning; anything else exposes the emulator to the network. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export const RESTART_FAILURE_REASON =
  'InternalServerError: sagemaker-local restarted while the job was running; the job did not finish.';

/** Jobs that were running when the process died read Failed after a restart. */
function recoverInterruptedJobs(state: State, now: number): void {
  const kinds: [Collection<Rec>, string, string][] = [
    [state.trainingJobs, 'TrainingJobStatus', 'TrainingEndTime'],
    [state.processingJobs, 'ProcessingJobStatus', 'ProcessingEndTime'],
    [state.transformJobs, 'TransformJobStatus', 'TransformEndTime'],
  ];
  for (const [coll, statusKey, endKey] of kinds) {
    for (const rec of coll.values()) {
      if (rec[statusKey] !== 'InProgress' && rec[statusKey] !== 'Stopping') continue;
      const next: Rec = {
        ...rec,
        [statusKey]: 'Failed',
        FailureReason: RESTART_FAILURE_REASON,
        [endKey]: now,
        LastModifiedTime: now,
      };
      if (statusKey === 'TrainingJobStatus') {
        next['SecondaryStatus'] = 'Failed';
        next['SecondaryStatusTransitions'] = addTransition(
          (rec['SecondaryStatusTransitions'] as Transition[]) ?? [],
          'Failed',
          'Training job failed: sagemaker-local restarted',
          now,
        );
        if (!rec['TrainingStartTime']) delete next['TrainingEndTime'];
      }
      const key = String(rec['TrainingJobName'] ?? rec['ProcessingJobName'] ?? rec['TransformJobName']);
      coll.put(key, next);
    }
  }
}

export async function startLocal(options: StartLocalOptions = {}): Promise<LocalHandle> {
  const logger = options.logger === 'silent' ? silentLogger : (options.logger ?? stderrLogger);
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    logger.warn(
      `listening on ${host}: the emulator has no real authentication; anyone who can reach this address can use it`,
    );
  }
  const config = options.config ?? {};
  const dataDir = resolve(options.dataDir ?? '.sagemaker-local');
  const region = config.region ?? process.env['AWS_REGION'] ?? 'us-east-1';
  const accountId = config.accountId ?? '000000000000';
  const s3Dir = join(dataDir, 's3');
  mkdirSync(s3Dir, { recursive: true });

  const warn = (m: string): void => logger.warn(m);
  const state: State = {
    trainingJobs: new Collection(stateDir(dataDir, 'training-jobs'), warn),
    processingJobs: new Collection(stateDir(dataDir, 'processing-jobs'), warn),
    transformJobs: new Collection(stateDir(dataDir, 'transform-jobs'), warn),
    models: new Collection(stateDir(dataDir, 'models'), warn),
    packageGroups: new Collection(stateDir(dataDir, 'model-package-groups'), warn),
    packages: new Collection(stateDir(dataDir, 'model-packages'), warn),
    monitoringSchedules: new Collection(stateDir(dataDir, 'monitoring-schedules'), warn),
    monitoringExecutions: new Collection(stateDir(dataDir, 'monitoring-executions'), warn),
    endpointConfigs: new Collection(stateDir(dataDir, 'endpoint-configs'), warn),
    endpoints: new Collection(stateDir(dataDir, 'endpoints'), warn),
    tags: new Collection(stateDir(dataDir, 'tags'), warn),
    pipelines: new Collection(stateDir(dataDir, 'pipelines'), warn),
    pipelineExecutions: new Collection(stateDir(dataDir, 'pipeline-executions'), warn),
  };
  // Job process groups and temp roots a killed earlier run left behind are cleaned up first.
  const ledger = new RunLedger(join(dataDir, 'running.json'));
  for (const line of ledger.reap()) logger.warn(line);
  recoverInterruptedJobs(state, Date.now());
  recoverInterruptedExecutions(state, Date.now());
  recoverInterruptedMonitoringExecutions(state, Date.now());
  let seq = Math.max(
    0,
    ...Object.values(state).flatMap((c: Collection<Rec>) => c.values().map((r) => r.seq ?? 0)),
  );

  // s3rver (Koa, winston, lodash...) takes a few hundred ms to load: it is loaded right after the
  // port listens, and S3 requests or jobs that arrive before that simply wait for it.
  type S3App = {
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    store: FilesystemStore;
    on(event: 'error', cb: (err: Error) => void): void;
  };
  let releaseS3: () => void = () => {};
  const s3Gate = new Promise<void>((r) => (releaseS3 = r));
  const s3App: Promise<S3App> = s3Gate.then(() => {
    const S3rver = loadS3rver() as new (opts: Record<string, unknown>) => S3App;
    // Path-style only: the Host names this server (guard.ts), never a bucket.
    const app = new S3rver({ directory: s3Dir, silent: true, configureBuckets: [], vhostBuckets: false });
    hardenFilesystemStore(app.store as unknown as RawFilesystemStore);
    app.on('error', (e: Error) => {
      // s3rver reports every S3 error response (NoSuchKey, ...) here; the client already got it.
      if (process.env['SML_DEBUG']) logger.error(String(e.stack ?? e));
    });
    return app;
  });
  const s3Handler = s3App.then((app) => app.callback());

  const metrics = new MetricStore(
    join(dataDir, 'metrics.jsonl'),
    new DashboardStore(stateDir(dataDir, 'dashboards'), () => accountId),
  );
  const ctx: LocalContext = {
    region,
    accountId,
    url: '',
    dataDir,
    config,
    state,
    logs: new LogStore(join(dataDir, 'logs'), region, accountId, Date.now, warn),
    metrics,
    alarms: new AlarmStore(
      stateDir(dataDir, 'alarms'),
      join(dataDir, 'alarm-history.jsonl'),
      metrics,
      `arn:aws:cloudwatch:${region}:${accountId}`,
    ),
    endpoints: undefined as unknown as EndpointEngine,
    s3: new S3Store(s3App.then((app) => app.store)),
    processes: new ProcessTracker(options.stopGraceMs ?? 10_000, undefined, ledger),
    python: new PythonResolver(pythonCandidates(options.python ?? config.python)),
    logger,
    now: options.clock ?? Date.now,
    nextSeq: () => ++seq,
    closing: false,
    flows: new Set(),
    stoppers: new Map(),
    arn: (resource) => `arn:aws:sagemaker:${region}:${accountId}:${resource}`,
    ...(options.metricRegexTimeoutMs !== undefined
      ? { metricRegexTimeoutMs: options.metricRegexTimeoutMs }
      : {}),
  };

  ctx.endpoints = new EndpointEngine(ctx);

  const faultSpec =
    typeof options.faults === 'string' ? parseFaults(options.faults) : (options.faults ?? NO_FAULTS);
  const faults =
    faultSpec.throttle > 0 || faultSpec.error > 0 || faultSpec.latencyMs > 0
      ? new FaultInjector(faultSpec, options.seed ?? 1)
      : undefined;
  // Answers only requests addressed to this server; the port is filled in once it listens.
  const guard: GuardConfig = { hostnames: allowedHostnames(host), port: -1 };
  const server: Server = createServer(
    createRequestHandler({
      ctx,
      guard,
      faults,
      accessKey: options.accessKey,
      s3Handler: (req, res) => void s3Handler.then((h) => h(req, res)),
    }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  setImmediate(releaseS3);
  if (!options.lazyS3) await s3App;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.url = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`;
  // Alarms are evaluated on a clock. AWS evaluates once a minute (every 10 s for high-resolution
  // alarms); locally the default is every second so rollbacks happen in test time (option).
  const alarmClock = setInterval(() => {
    try {
      ctx.alarms.tick();
    } catch (err) {
      logger.error(`alarm evaluation: ${(err as Error).message}`);
    }
  }, options.alarmEvaluationIntervalMs ?? 1000);
  alarmClock.unref();
  recoverEndpoints(ctx, ctx.endpoints);
  const monitoring = new MonitoringScheduler(ctx, options.monitoringIntervalMs);
  monitoring.start();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      ctx.closing = true;
      clearInterval(alarmClock);
      monitoring.stop();
      await ctx.endpoints.shutdown();
      await ctx.processes.stopAll();
      await Promise.allSettled([...ctx.flows]);
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    })();
    return stopping;
  };
  return { url: ctx.url, port, dataDir, context: ctx, monitoring, stop };
}

export { parseFaults } from './faults.js';
export { loadLocalConfig, parseLocalConfig } from './config.js';
