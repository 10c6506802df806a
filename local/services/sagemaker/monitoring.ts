/**
 * Model Monitor schedules: Create/Describe/Update/Delete/Start/Stop MonitoringSchedule, validated
 * as the service model constrains them (sagemaker.md §7). A Scheduled schedule runs executions
 * (local/monitoring/: the scheduler on the emulator's clock, each execution a processing job of
 * the schedule's job definition); a NOW schedule runs one at once. Listings: monitoring-lists.ts.
 * Believed (unverified) wordings: the duplicate-name, not-found and schedule-expression messages.
 */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { sortBy } from '../../pagination.js';
import { Checker, ENTITY_NAME_RE, ENV_KEY_RE, ROLE_ARN_RE, S3_URI_RE, isObject } from '../../validate.js';
import { stopMonitoringExecutions } from '../../monitoring/execution.js';
import { runIfDue } from '../../monitoring/scheduler.js';
import { offsetProblem, parseScheduleExpression } from '../../monitoring/schedule-expression.js';
import { publicFields, toWire } from './common.js';
import { couldNotFindEndpoint } from './endpoints.js';
import { INSTANCE_TYPES } from './instance-types.js';
import { EXECUTION_STATUSES, MONITORING_TYPES } from './monitoring-lists.js';

type Obj = Record<string, unknown>;

function checkJobDefinition(c: Checker, path: string, d: Obj): void {
  if (c.list(`${path}.MonitoringInputs`, d['MonitoringInputs'], { required: true, min: 1, max: 1 })) {
    (d['MonitoringInputs'] as unknown[]).forEach((raw, i) => {
      const p = `${path}.MonitoringInputs.${i + 1}`;
      const o = (isObject(raw) ? raw : {}) as Obj;
      if (!o['EndpointInput'] && !o['BatchTransformInput'])
        c.errors.push(
          `Value null at '${p}' failed to satisfy constraint: EndpointInput or BatchTransformInput must be provided`,
        );
      if (c.object(`${p}.EndpointInput`, o['EndpointInput'])) {
        const e = o['EndpointInput'] as Obj;
        c.string(`${p}.EndpointInput.EndpointName`, e['EndpointName'], {
          required: true,
          max: 63,
          pattern: ENTITY_NAME_RE,
        });
        c.string(`${p}.EndpointInput.LocalPath`, e['LocalPath'], { required: true, max: 256 });
        c.enumOf(`${p}.EndpointInput.S3InputMode`, e['S3InputMode'], ['Pipe', 'File']);
      }
    });
  }
  if (c.object(`${path}.MonitoringOutputConfig`, d['MonitoringOutputConfig'], true)) {
    const outs = (d['MonitoringOutputConfig'] as Obj)['MonitoringOutputs'];
    if (
      c.list(`${path}.MonitoringOutputConfig.MonitoringOutputs`, outs, { required: true, min: 1, max: 1 })
    ) {
      (outs as unknown[]).forEach((raw, i) => {
        const p = `${path}.MonitoringOutputConfig.MonitoringOutputs.${i + 1}.S3Output`;
        const s3 = (isObject(raw) ? raw['S3Output'] : undefined) as Obj | undefined;
        if (!c.object(p, s3, true)) return;
        c.string(`${p}.S3Uri`, s3!['S3Uri'], { required: true, max: 512, pattern: S3_URI_RE });
        c.string(`${p}.LocalPath`, s3!['LocalPath'], { required: true, max: 256 });
        c.enumOf(`${p}.S3UploadMode`, s3!['S3UploadMode'], ['Continuous', 'EndOfJob']);
      });
    }
  }
  if (c.object(`${path}.MonitoringResources`, d['MonitoringResources'], true)) {
    const cc = (d['MonitoringResources'] as Obj)['ClusterConfig'];
    const p = `${path}.MonitoringResources.ClusterConfig`;
    if (c.object(p, cc, true)) {
      const o = cc as Obj;
      c.integer(`${p}.InstanceCount`, o['InstanceCount'], { required: true, min: 1, max: 100 });
      c.enumOf(`${p}.InstanceType`, o['InstanceType'], INSTANCE_TYPES.processing, true);
      c.integer(`${p}.VolumeSizeInGB`, o['VolumeSizeInGB'], { required: true, min: 1, max: 16384 });
    }
  }
  if (c.object(`${path}.MonitoringAppSpecification`, d['MonitoringAppSpecification'], true)) {
    const a = d['MonitoringAppSpecification'] as Obj;
    c.string(`${path}.MonitoringAppSpecification.ImageUri`, a['ImageUri'], { required: true, max: 255 });
    c.list(`${path}.MonitoringAppSpecification.ContainerEntrypoint`, a['ContainerEntrypoint'], {
      min: 1,
      max: 100,
    });
    c.list(`${path}.MonitoringAppSpecification.ContainerArguments`, a['ContainerArguments'], {
      min: 1,
      max: 50,
    });
  }
  if (c.object(`${path}.StoppingCondition`, d['StoppingCondition'])) {
    c.integer(
      `${path}.StoppingCondition.MaxRuntimeInSeconds`,
      (d['StoppingCondition'] as Obj)['MaxRuntimeInSeconds'],
      {
        required: true,
        min: 1,
        max: 86400,
      },
    );
  }
  c.stringMap(`${path}.Environment`, d['Environment'], {
    maxEntries: 50,
    keyMax: 256,
    valueMax: 256,
    keyPattern: ENV_KEY_RE,
  });
  c.string(`${path}.RoleArn`, d['RoleArn'], { required: true, min: 20, max: 2048, pattern: ROLE_ARN_RE });
}

function checkScheduleConfig(c: Checker, config: unknown): void {
  if (!c.object('MonitoringScheduleConfig', config, true)) return;
  const cfg = config as Obj;
  c.enumOf('MonitoringScheduleConfig.MonitoringType', cfg['MonitoringType'], MONITORING_TYPES);
  c.string('MonitoringScheduleConfig.MonitoringJobDefinitionName', cfg['MonitoringJobDefinitionName'], {
    min: 1,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
  if (c.object('MonitoringScheduleConfig.ScheduleConfig', cfg['ScheduleConfig'])) {
    const sc = cfg['ScheduleConfig'] as Obj;
    c.string('MonitoringScheduleConfig.ScheduleConfig.ScheduleExpression', sc['ScheduleExpression'], {
      required: true,
      min: 1,
      max: 512,
    });
  }
  if (c.object('MonitoringScheduleConfig.MonitoringJobDefinition', cfg['MonitoringJobDefinition']))
    checkJobDefinition(
      c,
      'MonitoringScheduleConfig.MonitoringJobDefinition',
      cfg['MonitoringJobDefinition'] as Obj,
    );
}

/** Rules beyond the model's constraints (one definition source; a known schedule expression). */
function checkScheduleRules(cfg: Obj): void {
  const hasDef = cfg['MonitoringJobDefinition'] !== undefined;
  const defName = cfg['MonitoringJobDefinitionName'];
  if (hasDef === (defName !== undefined))
    throw new AwsError(
      'ValidationException',
      'Exactly one of MonitoringJobDefinition or MonitoringJobDefinitionName must be provided.',
    );
  if (defName !== undefined)
    throw new AwsError(
      'ValidationException',
      `Could not find job definition ${String(defName)} (sagemaker-local serves schedules with an inline MonitoringJobDefinition only).`,
    );
  const sc = cfg['ScheduleConfig'] as Obj | undefined;
  const expr = sc?.['ScheduleExpression'] as string | undefined;
  if (expr !== undefined && !parseScheduleExpression(expr))
    throw new AwsError(
      'ValidationException',
      `Invalid ScheduleExpression '${expr}'. Supported: cron(0 * ? * * *) hourly, cron(0 H ? * * *) daily, cron(0 H/N ? * * *) every N hours, or NOW.`,
    );
  if (
    expr === 'NOW' &&
    (sc?.['DataAnalysisStartTime'] === undefined || sc['DataAnalysisEndTime'] === undefined)
  )
    throw new AwsError(
      'ValidationException',
      'DataAnalysisStartTime and DataAnalysisEndTime are required when ScheduleExpression is NOW.',
    );
  // Offsets: ISO 8601 durations (pattern ^.?P.*), the end at most 24 h after the start (API
  // reference); the wording of the error is a guess.
  const problem = offsetProblem(
    sc?.['DataAnalysisStartTime'] as string | undefined,
    sc?.['DataAnalysisEndTime'] as string | undefined,
  );
  if (problem) throw new AwsError('ValidationException', problem);
}

const endpointOf = (cfg: Obj): string | undefined => {
  const inputs = ((cfg['MonitoringJobDefinition'] as Obj | undefined)?.['MonitoringInputs'] ?? []) as Obj[];
  return (inputs[0]?.['EndpointInput'] as Obj | undefined)?.['EndpointName'] as string | undefined;
};

/**
 * AWS checks that the monitored endpoint exists in the account when a schedule is created or
 * updated (aws/sagemaker-python-sdk#4873: cross-account schedules need a stand-in endpoint). The
 * error wording is a guess: DescribeEndpoint's "Could not find endpoint" ValidationException.
 */
function checkEndpointExists(ctx: LocalContext, cfg: Obj): void {
  const endpoint = endpointOf(cfg);
  if (endpoint !== undefined && !ctx.state.endpoints.has(endpoint)) throw couldNotFindEndpoint(ctx, endpoint);
}

const notFound = (ctx: LocalContext, name: string): AwsError =>
  new AwsError(
    'ResourceNotFound',
    `Monitoring schedule ${ctx.arn(`monitoring-schedule/${name.toLowerCase()}`)} does not exist.`,
  );

function checkScheduleName(c: Checker, req: Obj): void {
  c.string('MonitoringScheduleName', req['MonitoringScheduleName'], {
    required: true,
    min: 1,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
}

function getSchedule(ctx: LocalContext, req: Obj): Rec {
  const c = new Checker();
  checkScheduleName(c, req);
  c.done();
  const rec = ctx.state.monitoringSchedules.get(req['MonitoringScheduleName'] as string);
  if (!rec) throw notFound(ctx, req['MonitoringScheduleName'] as string);
  return rec;
}

export function createMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkScheduleName(c, req);
  checkScheduleConfig(c, req['MonitoringScheduleConfig']);
  c.list('Tags', req['Tags'], { max: 50 });
  c.done();
  const cfg = req['MonitoringScheduleConfig'] as Obj;
  checkScheduleRules(cfg);
  const name = req['MonitoringScheduleName'] as string;
  checkEndpointExists(ctx, cfg);
  const arn = ctx.arn(`monitoring-schedule/${name.toLowerCase()}`);
  if (ctx.state.monitoringSchedules.has(name))
    throw new AwsError('ResourceInUse', `Monitoring schedule ${arn} already exists.`);
  const now = ctx.now();
  const endpoint = endpointOf(cfg);
  ctx.state.monitoringSchedules.put(name, {
    seq: ctx.nextSeq(),
    MonitoringScheduleArn: arn,
    MonitoringScheduleName: name,
    // Pending only while AWS provisions; nothing to provision here.
    MonitoringScheduleStatus: 'Scheduled',
    MonitoringType: (cfg['MonitoringType'] as string | undefined) ?? 'DataQuality',
    CreationTime: now,
    LastModifiedTime: now,
    MonitoringScheduleConfig: cfg,
    ...(endpoint ? { EndpointName: endpoint } : {}),
    ...(req['Tags'] ? { _tags: req['Tags'] } : {}),
    // Only scheduled times after this count (the scheduler's bookkeeping; never on the wire).
    _scheduleFrom: now,
  });
  // A NOW schedule runs its one execution at once; cron ones wait for their hour.
  runIfDue(ctx, ctx.state.monitoringSchedules.get(name)!, now);
  return { MonitoringScheduleArn: arn };
}

export function describeMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const rec = getSchedule(ctx, req);
  const name = rec['MonitoringScheduleName'] as string;
  const last = sortBy(
    ctx.state.monitoringExecutions.values().filter((e) => e['MonitoringScheduleName'] === name),
    (e) => e['ScheduledTime'] as number,
    true,
  )[0];
  return toWire({
    ...publicFields(rec),
    ...(last ? { LastMonitoringExecutionSummary: publicFields(last) } : {}),
  }) as Obj;
}

export function updateMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const rec = getSchedule(ctx, req);
  const c = new Checker();
  checkScheduleConfig(c, req['MonitoringScheduleConfig']);
  c.done();
  const cfg = req['MonitoringScheduleConfig'] as Obj;
  checkScheduleRules(cfg);
  checkEndpointExists(ctx, cfg);
  const endpoint = endpointOf(cfg);
  const now = ctx.now();
  const next: Rec = {
    ...rec,
    MonitoringScheduleConfig: cfg,
    MonitoringType: (cfg['MonitoringType'] as string | undefined) ?? rec['MonitoringType'],
    LastModifiedTime: now,
    // Guess: an update counts from now (a NOW schedule updated runs once more).
    _scheduleFrom: now,
  };
  if (endpoint) next['EndpointName'] = endpoint;
  else delete next['EndpointName'];
  ctx.state.monitoringSchedules.put(rec['MonitoringScheduleName'] as string, next);
  runIfDue(ctx, next, now);
  return { MonitoringScheduleArn: rec['MonitoringScheduleArn'] };
}

/**
 * DeleteMonitoringSchedule "also stops the schedule had not already been stopped" and keeps the
 * execution history (API reference): running executions are stopped, their records stay listed.
 */
export function deleteMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const rec = getSchedule(ctx, req);
  const name = rec['MonitoringScheduleName'] as string;
  ctx.state.monitoringSchedules.delete(name);
  stopMonitoringExecutions(ctx, name);
  return {};
}

/**
 * StopMonitoringSchedule: the schedule reads Stopped and starts nothing more; its running
 * executions are stopped (a guess: AWS documents only the schedule's status).
 */
export function stopMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const rec = getSchedule(ctx, req);
  const name = rec['MonitoringScheduleName'] as string;
  ctx.state.monitoringSchedules.put(name, {
    ...rec,
    MonitoringScheduleStatus: 'Stopped',
    LastModifiedTime: ctx.now(),
  });
  stopMonitoringExecutions(ctx, name);
  return {};
}

/**
 * StartMonitoringSchedule: Scheduled again ("By default, when you successfully create a new
 * schedule, the status of a monitoring schedule is scheduled"). Guess: times that passed while
 * it was stopped are not run; a started NOW schedule runs once more.
 */
export function startMonitoringSchedule(ctx: LocalContext, req: Obj): Obj {
  const rec = getSchedule(ctx, req);
  if (rec['MonitoringScheduleStatus'] === 'Scheduled') return {};
  const now = ctx.now();
  const next: Rec = {
    ...rec,
    MonitoringScheduleStatus: 'Scheduled',
    LastModifiedTime: now,
    _scheduleFrom: now,
  };
  ctx.state.monitoringSchedules.put(rec['MonitoringScheduleName'] as string, next);
  runIfDue(ctx, next, now);
  return {};
}

export interface MonitoringExecutionInput {
  MonitoringScheduleName: string;
  MonitoringExecutionStatus: (typeof EXECUTION_STATUSES)[number];
  /** epoch ms (default: now). */
  ScheduledTime?: number;
  ProcessingJobArn?: string;
  FailureReason?: string;
}

/** Records one execution of an existing schedule (what a runner, or a test, would write). */
export function recordMonitoringExecution(ctx: LocalContext, input: MonitoringExecutionInput): Rec {
  const schedule = ctx.state.monitoringSchedules.get(input.MonitoringScheduleName);
  if (!schedule) throw notFound(ctx, input.MonitoringScheduleName);
  const now = ctx.now();
  const seq = ctx.nextSeq();
  const rec: Rec = {
    seq,
    MonitoringScheduleName: input.MonitoringScheduleName,
    ScheduledTime: input.ScheduledTime ?? now,
    CreationTime: now,
    LastModifiedTime: now,
    MonitoringExecutionStatus: input.MonitoringExecutionStatus,
    MonitoringType: schedule['MonitoringType'],
    ...(schedule['EndpointName'] ? { EndpointName: schedule['EndpointName'] } : {}),
    ...(input.ProcessingJobArn ? { ProcessingJobArn: input.ProcessingJobArn } : {}),
    ...(input.FailureReason ? { FailureReason: input.FailureReason } : {}),
  };
  ctx.state.monitoringExecutions.put(`${input.MonitoringScheduleName}-${seq}`, rec);
  return rec;
}
