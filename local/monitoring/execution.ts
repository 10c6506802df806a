/**
 * One monitoring execution, run for real: recorded Pending at its scheduled time; the endpoint's
 * capture for the analysis window looked up (none: Failed "Job inputs had no data", no job);
 * a processing job started with the schedule's job definition and Model Monitor's container
 * contract (job-request.ts; the analyzer image runs runtimes/model-monitor); InProgress while it
 * runs; then Completed / CompletedWithViolations (from the job's ExitMessage, which the analyzer
 * container writes), Failed with the job's FailureReason, or Stopped.
 */
import type { LocalContext, Rec, State } from '../context.js';
import { parseS3Uri } from '../s3store.js';
import { insertProcessingJob, stopProcessingJob } from '../services/sagemaker/processing.js';
import { monitoringJobName, monitoringJobRequest, type CaptureFolder } from './job-request.js';
import { analysisWindow, hourPath, windowHours, type AnalysisWindow } from './schedule-expression.js';

type Obj = Record<string, unknown>;

/** The FailureReason AWS gives an execution whose window holds no capture (seen in public code). */
export const NO_DATA_REASON = 'Job inputs had no data';
export const RESTART_REASON =
  'InternalServerError: sagemaker-local restarted while the monitoring execution was running; it did not finish.';
const ACTIVE = new Set(['Pending', 'InProgress', 'Stopping']);
const POLL_MS = 200;

const keyOf = (e: Rec): string => String(e['_key'] ?? `${String(e['MonitoringScheduleName'])}-${e.seq}`);

export const executionsOf = (ctx: LocalContext, schedule: string): Rec[] =>
  ctx.state.monitoringExecutions.values().filter((e) => e['MonitoringScheduleName'] === schedule);

function update(ctx: LocalContext, key: string, patch: Obj): Rec | undefined {
  if (ctx.closing) return undefined;
  const rec = ctx.state.monitoringExecutions.get(key);
  if (!rec) return undefined;
  const next = { ...rec, ...patch, LastModifiedTime: ctx.now() } as Rec;
  ctx.state.monitoringExecutions.put(key, next);
  return next;
}

function end(ctx: LocalContext, key: string, status: string, reason?: string): void {
  const rec = update(ctx, key, {
    MonitoringExecutionStatus: status,
    ...(reason ? { FailureReason: reason } : {}),
  });
  if (rec)
    ctx.logger.info(
      `monitoring execution ${String(rec['MonitoringScheduleName'])} ${new Date(rec['ScheduledTime'] as number).toISOString()}: ${status}${reason ? `: ${reason.split('\n')[0]}` : ''}`,
    );
}

/** The capture hour folders (of any variant) of `endpoint` the window touches that hold objects. */
async function captureFolders(
  ctx: LocalContext,
  destination: string,
  endpoint: string,
  window: AnalysisWindow,
): Promise<CaptureFolder[]> {
  const { bucket, key } = parseS3Uri(destination);
  const prefix = `${key.replace(/\/+$/, '')}${key ? '/' : ''}${endpoint}/`;
  let objects: { key: string }[];
  try {
    objects = await ctx.s3.list(bucket, prefix);
  } catch {
    return []; // no bucket: nothing was captured
  }
  const hours = new Map(windowHours(window).map((h) => [hourPath(h), h]));
  const found = new Map<string, CaptureFolder>();
  for (const o of objects) {
    const m = /^([^/]+)\/(\d{4}\/\d{2}\/\d{2}\/\d{2})\/[^/]+$/.exec(o.key.slice(prefix.length));
    const hour = m ? hours.get(m[2]!) : undefined;
    if (!m || hour === undefined) continue;
    const folder = `${prefix}${m[1]}/${m[2]}`;
    if (!found.has(folder)) found.set(folder, { s3Uri: `s3://${bucket}/${folder}`, variant: m[1]!, hour });
  }
  return [...found.values()].sort((a, b) => a.hour - b.hour || (a.variant < b.variant ? -1 : 1));
}

/** Maps the finished processing job to the execution's terminal status and reason. */
export function executionOutcome(job: Rec): { status: string; reason?: string } {
  const status = job['ProcessingJobStatus'];
  const exit = String(job['ExitMessage'] ?? '');
  if (status === 'Completed')
    return { status: exit.startsWith('CompletedWithViolations') ? 'CompletedWithViolations' : 'Completed' };
  if (status === 'Failed')
    return { status: 'Failed', reason: String(job['FailureReason'] ?? 'the processing job failed') };
  // Guess: a job stopped at MaxRuntimeInSeconds fails its execution; one stopped on request reads Stopped.
  if (/MaxRuntimeInSeconds/.test(exit)) return { status: 'Failed', reason: exit };
  return { status: 'Stopped' };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(ctx: LocalContext, key: string, schedule: Rec): Promise<void> {
  const name = String(schedule['MonitoringScheduleName']);
  const exec = ctx.state.monitoringExecutions.get(key)!;
  const scheduledTime = exec['ScheduledTime'] as number;
  const cfg = schedule['MonitoringScheduleConfig'] as Obj;
  const definition = cfg['MonitoringJobDefinition'] as Obj;
  const endpoint = schedule['EndpointName'] as string | undefined;
  if (schedule['MonitoringType'] !== 'DataQuality')
    return end(
      ctx,
      key,
      'Failed',
      `ClientError: sagemaker-local runs DataQuality monitoring executions only, not ${String(schedule['MonitoringType'])}.`,
    );
  if (!endpoint)
    return end(ctx, key, 'Failed', 'ClientError: sagemaker-local monitors endpoints only (EndpointInput).');
  const ep = ctx.state.endpoints.get(endpoint);
  // Guesses (AWS documents neither reason): the endpoint is gone, or it captures nothing.
  if (!ep) return end(ctx, key, 'Failed', `ClientError: Endpoint ${endpoint} does not exist.`);
  const destination = (ep['DataCaptureConfig'] as Obj | undefined)?.['DestinationS3Uri'] as
    string | undefined;
  if (!destination) return end(ctx, key, 'Failed', NO_DATA_REASON);
  const sc = (cfg['ScheduleConfig'] ?? {}) as Obj;
  const window = analysisWindow(scheduledTime, {
    start: sc['DataAnalysisStartTime'] as string | undefined,
    end: sc['DataAnalysisEndTime'] as string | undefined,
  });
  // What the endpoint has buffered is in S3 before the window is looked at.
  await ctx.endpoints.capture.flush();
  const folders = await captureFolders(ctx, destination, endpoint, window);
  if (ctx.closing) return;
  // A stop (or delete) of the schedule meanwhile: no job is started.
  if (ctx.state.monitoringExecutions.get(key)?.['MonitoringExecutionStatus'] !== 'Pending')
    return end(ctx, key, 'Stopped');
  if (folders.length === 0) return end(ctx, key, 'Failed', NO_DATA_REASON);
  const jobName = monitoringJobName(scheduledTime);
  const req = monitoringJobRequest(
    {
      scheduleName: name,
      scheduleArn: String(schedule['MonitoringScheduleArn']),
      endpointName: endpoint,
      definition,
      scheduledTime,
      window,
      folders,
      captureDestination: destination,
    },
    jobName,
  );
  let arn: string;
  try {
    arn = String(
      insertProcessingJob(ctx, req, { MonitoringScheduleArn: schedule['MonitoringScheduleArn'] })[
        'ProcessingJobArn'
      ],
    );
  } catch (err) {
    return end(ctx, key, 'Failed', `InternalServerError: ${(err as Error).message}`);
  }
  update(ctx, key, { MonitoringExecutionStatus: 'InProgress', ProcessingJobArn: arn, _jobName: jobName });
  for (;;) {
    if (ctx.closing) return;
    const job = ctx.state.processingJobs.get(jobName);
    if (!job) return end(ctx, key, 'Failed', 'InternalServerError: the processing job disappeared');
    if (['Completed', 'Failed', 'Stopped'].includes(String(job['ProcessingJobStatus']))) {
      const o = executionOutcome(job);
      return end(ctx, key, o.status, o.reason);
    }
    await sleep(POLL_MS);
  }
}

/** Records an execution of `schedule` scheduled at `scheduledTime` and starts running it. */
export function startMonitoringExecution(ctx: LocalContext, schedule: Rec, scheduledTime: number): Rec {
  const name = String(schedule['MonitoringScheduleName']);
  const now = ctx.now();
  const seq = ctx.nextSeq();
  const key = `${name}-${seq}`;
  const rec: Rec = {
    seq,
    MonitoringScheduleName: name,
    ScheduledTime: scheduledTime,
    CreationTime: now,
    LastModifiedTime: now,
    MonitoringExecutionStatus: 'Pending',
    MonitoringType: schedule['MonitoringType'],
    ...(schedule['EndpointName'] ? { EndpointName: schedule['EndpointName'] } : {}),
    _key: key,
  };
  ctx.state.monitoringExecutions.put(key, rec);
  const flow = run(ctx, key, schedule).catch((err: unknown) => {
    ctx.logger.error(`monitoring execution ${key}: ${(err as Error).stack ?? String(err)}`);
    end(ctx, key, 'Failed', `InternalServerError: ${(err as Error).message}`);
  });
  ctx.flows.add(flow);
  void flow.finally(() => ctx.flows.delete(flow));
  return rec;
}

/**
 * Stops the schedule's running executions (StopMonitoringSchedule, DeleteMonitoringSchedule):
 * their processing jobs are stopped and they end Stopped. Guess: AWS documents only that
 * deleting a schedule stops it; stopping the running job keeps nothing running after either.
 */
export function stopMonitoringExecutions(ctx: LocalContext, schedule: string): void {
  for (const e of executionsOf(ctx, schedule)) {
    if (!ACTIVE.has(String(e['MonitoringExecutionStatus']))) continue;
    const key = keyOf(e);
    update(ctx, key, { MonitoringExecutionStatus: 'Stopping' });
    const jobName = e['_jobName'] as string | undefined;
    if (jobName && ctx.state.processingJobs.get(jobName)?.['ProcessingJobStatus'] === 'InProgress')
      stopProcessingJob(ctx, { ProcessingJobName: jobName });
  }
}

/** Executions that were running when the server stopped read Failed after a restart. */
export function recoverInterruptedMonitoringExecutions(state: State, now: number): void {
  for (const e of state.monitoringExecutions.values()) {
    if (!ACTIVE.has(String(e['MonitoringExecutionStatus']))) continue;
    state.monitoringExecutions.put(keyOf(e), {
      ...e,
      MonitoringExecutionStatus: 'Failed',
      FailureReason: RESTART_REASON,
      LastModifiedTime: now,
    });
  }
}
