/**
 * A pipeline execution on sagemaker-local: its record (state/pipeline-executions/), the flow that
 * runs its steps through the scheduler, step caching, and the scope expressions resolve against.
 */
import { randomBytes } from 'node:crypto';
import type { LocalContext, Rec, State } from '../context.js';
import { cacheKey, findCacheHit, parseExpireAfter, type CacheCandidate } from './cache.js';
import { parseDefinition, type Primitive, type StepDef } from './definition.js';
import { ExpressionError, resolveValue, type Scope } from './expressions.js';
import { runSchedule, type StepResult } from './scheduler.js';
import { runStep, tryResolveArguments, type StepOutcome } from './steps.js';

type Obj = Record<string, unknown>;

export const EXECUTION_STATUSES = ['Executing', 'Stopping', 'Stopped', 'Failed', 'Succeeded'] as const;
export const isExecutionDone = (s: unknown): boolean =>
  s === 'Stopped' || s === 'Failed' || s === 'Succeeded';

/**
 * The execution's FailureReason when a step failed. Text reported by users of the real service
 * (AWS re:Post); the step's own reason is in ListPipelineExecutionSteps.
 */
export const STEP_FAILURE_REASON = 'Step failure: One or multiple steps failed.';
export const RESTART_REASON =
  'InternalServerError: sagemaker-local restarted while the pipeline execution was running; it did not finish.';

/** A step of an execution as stored (wire fields + internal `_` fields). */
export interface StepRec extends Obj {
  StepName: string;
  StepStatus: string;
  StartTime: number;
  EndTime?: number;
  _type: string;
  _properties?: Obj;
  _propertyFiles?: Record<string, unknown>;
  _propertyFileErrors?: Record<string, string>;
  _cacheKey?: string;
}

/** 12 lower-case alphanumerics, the shape of real execution ids. */
export function newExecutionId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

export function getExecution(ctx: LocalContext, arn: string): Rec | undefined {
  return ctx.state.pipelineExecutions.get(arn);
}

function updateExecution(ctx: LocalContext, arn: string, fn: (rec: Rec) => Rec): void {
  if (ctx.closing) return;
  const rec = getExecution(ctx, arn);
  if (rec) ctx.state.pipelineExecutions.put(arn, fn(rec));
}

function updateStep(ctx: LocalContext, arn: string, name: string, patch: Partial<StepRec>): void {
  updateExecution(ctx, arn, (rec) => ({
    ...rec,
    LastModifiedTime: ctx.now(),
    Steps: (rec['Steps'] as StepRec[]).map((s) => (s.StepName === name ? { ...s, ...patch } : s)),
  }));
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** What `Get` and `Std:JsonGet` read while this execution runs. */
export function executionScope(ctx: LocalContext, rec: Rec): Scope {
  const steps = new Map(((rec['Steps'] as StepRec[] | undefined) ?? []).map((s) => [s.StepName, s]));
  const params = (rec['_parameters'] ?? {}) as Record<string, Primitive>;
  const id = String(rec['PipelineExecutionArn']).split('/').pop()!;
  const vars: Record<string, () => string> = {
    PipelineExecutionId: () => id,
    PipelineExecutionArn: () => String(rec['PipelineExecutionArn']),
    StartDateTime: () => iso(rec['CreationTime'] as number),
    CurrentDateTime: () => iso(ctx.now()),
    PipelineName: () => String(rec['_pipelineName']),
    PipelineArn: () => String(rec['PipelineArn']),
  };
  const experiment = (rec['PipelineExperimentConfig'] ?? {}) as Record<string, string>;
  return {
    parameter: (name) => params[name],
    execution: (name) => vars[name]?.(),
    experiment: (name) => experiment[name],
    stepProperties: (name) => {
      const s = steps.get(name);
      return s && s.StepStatus === 'Succeeded' ? s._properties : undefined;
    },
    propertyFile: (step, file) => {
      const s = steps.get(step);
      const err = s?._propertyFileErrors?.[file];
      if (err) throw new ExpressionError(`property file '${file}' of step '${step}': ${err}`);
      return s?._propertyFiles?.[file];
    },
  };
}

/** PipelineExperimentConfig of the definition, resolved for a new execution (undefined if none). */
export function resolveExperimentConfig(
  ctx: LocalContext,
  rec: Rec,
  config: Obj | undefined,
): Obj | undefined {
  if (!config) return undefined;
  return resolveValue(config, executionScope(ctx, rec)) as Obj;
}

function cacheCandidates(ctx: LocalContext, rec: Rec): CacheCandidate[] {
  const arn = rec['PipelineExecutionArn'];
  return ctx.state.pipelineExecutions
    .values()
    .filter((e) => e['_pipelineName'] === rec['_pipelineName'] && e['PipelineExecutionArn'] !== arn)
    .flatMap((e) =>
      ((e['Steps'] as StepRec[] | undefined) ?? []).map((s) => {
        const source = (s['CacheHitResult'] as Obj | undefined)?.['SourcePipelineExecutionArn'];
        const c: CacheCandidate = {
          executionArn: String(source ?? e['PipelineExecutionArn']),
          stepName: s.StepName,
          status: s.StepStatus,
        };
        if (s._cacheKey) c.cacheKey = s._cacheKey;
        if (s.EndTime !== undefined) c.endTime = s.EndTime;
        return c;
      }),
    );
}

function findStepRec(ctx: LocalContext, executionArn: string, name: string): StepRec | undefined {
  return ((getExecution(ctx, executionArn)?.['Steps'] as StepRec[] | undefined) ?? []).find(
    (s) => s.StepName === name,
  );
}

/** Runs one step: a cache hit copies the earlier run's results, else the step really runs. */
async function runOne(
  ctx: LocalContext,
  arn: string,
  step: StepDef,
  signal: AbortSignal,
): Promise<StepResult> {
  const now = ctx.now();
  const stepRec: StepRec = {
    StepName: step.name,
    StepStatus: 'Starting',
    StartTime: now,
    AttemptCount: 1,
    _type: step.type,
    ...(step.displayName ? { StepDisplayName: step.displayName } : {}),
    ...(step.description ? { StepDescription: step.description } : {}),
  };
  updateExecution(ctx, arn, (rec) => ({
    ...rec,
    LastModifiedTime: now,
    Steps: [...(rec['Steps'] as StepRec[]), stepRec],
  }));
  const rec = getExecution(ctx, arn)!;
  const scope = executionScope(ctx, rec);
  let key: string | undefined;
  if (step.cache?.enabled) {
    const args = tryResolveArguments(step, scope);
    key = args ? cacheKey(step.type, args) : undefined;
    const expire =
      step.cache.expireAfter === undefined ? undefined : parseExpireAfter(step.cache.expireAfter);
    const hit = key ? findCacheHit(cacheCandidates(ctx, rec), step.name, key, now, expire) : undefined;
    const source = hit && findStepRec(ctx, hit.executionArn, step.name);
    if (hit && source) {
      updateStep(ctx, arn, step.name, {
        StepStatus: 'Succeeded',
        EndTime: ctx.now(),
        CacheHitResult: { SourcePipelineExecutionArn: hit.executionArn },
        _cacheKey: key,
        ...(source['Metadata'] ? { Metadata: source['Metadata'] } : {}),
        ...(source._properties ? { _properties: source._properties } : {}),
        ...(source._propertyFiles ? { _propertyFiles: source._propertyFiles } : {}),
        ...(source._propertyFileErrors ? { _propertyFileErrors: source._propertyFileErrors } : {}),
      });
      return { status: 'Succeeded' };
    }
  }
  const outcome: StepOutcome = await runStep(step, {
    ctx,
    executionId: String(arn).split('/').pop()!,
    executionArn: arn,
    scope,
    signal,
    onExecuting: (metadata) =>
      updateStep(ctx, arn, step.name, {
        StepStatus: signal.aborted ? 'Stopping' : 'Executing',
        Metadata: metadata,
      }),
  });
  updateStep(ctx, arn, step.name, {
    StepStatus: outcome.status,
    EndTime: ctx.now(),
    ...(outcome.failureReason !== undefined ? { FailureReason: outcome.failureReason } : {}),
    ...(outcome.metadata ? { Metadata: outcome.metadata } : {}),
    ...(outcome.properties ? { _properties: outcome.properties } : {}),
    ...(outcome.propertyFiles ? { _propertyFiles: outcome.propertyFiles } : {}),
    ...(outcome.propertyFileErrors ? { _propertyFileErrors: outcome.propertyFileErrors } : {}),
    ...(key && outcome.status === 'Succeeded' ? { _cacheKey: key } : {}),
  });
  return outcome.outcome === undefined
    ? { status: outcome.status }
    : { status: outcome.status, outcome: outcome.outcome };
}

const stopperKey = (arn: string): string => `pipeline/${arn}`;

/** Requests a stop: the flow stops running steps' jobs and ends the execution Stopped. */
export function requestStop(ctx: LocalContext, arn: string): void {
  ctx.stoppers.get(stopperKey(arn))?.();
}

/** Starts the execution's flow in the background (tracked in ctx.flows). */
export function startExecution(ctx: LocalContext, arn: string): void {
  const controller = new AbortController();
  ctx.stoppers.set(stopperKey(arn), () => controller.abort());
  const flow = (async () => {
    const rec = getExecution(ctx, arn)!;
    const def = parseDefinition(String(rec['_definition']));
    const parallel = (rec['ParallelismConfiguration'] as Obj | undefined)?.['MaxParallelExecutionSteps'];
    const end = await runSchedule(
      def.steps,
      { runStep: (step, signal) => runOne(ctx, arn, step, signal) },
      {
        maxParallel: typeof parallel === 'number' ? parallel : Number.POSITIVE_INFINITY,
        stop: controller.signal,
      },
    );
    updateExecution(ctx, arn, (r) => ({
      ...r,
      PipelineExecutionStatus: end,
      LastModifiedTime: ctx.now(),
      ...(end === 'Failed' ? { FailureReason: STEP_FAILURE_REASON } : {}),
    }));
    if (!ctx.closing) ctx.logger.info(`pipeline execution ${arn}: ${end}`);
  })()
    .catch((err: unknown) => {
      ctx.logger.error(`pipeline execution ${arn}: ${(err as Error).stack ?? String(err)}`);
      updateExecution(ctx, arn, (r) => ({
        ...r,
        PipelineExecutionStatus: 'Failed',
        FailureReason: `InternalServerError: ${(err as Error).message}`.slice(0, 1300),
        LastModifiedTime: ctx.now(),
      }));
    })
    .finally(() => ctx.stoppers.delete(stopperKey(arn)));
  ctx.flows.add(flow);
  void flow.finally(() => ctx.flows.delete(flow));
}

/** Executions that were running when the process died read Failed after a restart. */
export function recoverInterruptedExecutions(state: State, now: number): void {
  for (const rec of state.pipelineExecutions.values()) {
    if (isExecutionDone(rec['PipelineExecutionStatus'])) continue;
    state.pipelineExecutions.put(String(rec['PipelineExecutionArn']), {
      ...rec,
      PipelineExecutionStatus: 'Failed',
      FailureReason: RESTART_REASON,
      LastModifiedTime: now,
      Steps: ((rec['Steps'] as StepRec[] | undefined) ?? []).map((s) =>
        ['Succeeded', 'Failed', 'Stopped'].includes(s.StepStatus)
          ? s
          : { ...s, StepStatus: 'Failed', FailureReason: RESTART_REASON, EndTime: now },
      ),
    });
  }
}
