/**
 * Runs one job (one matrix combination) as the runner does: each step's `if:` against the job's
 * status, env from workflow → job → GITHUB_ENV → step, `continue-on-error`, step timeouts, post
 * steps in reverse order under their `post-if`, then the job's `outputs:` from the steps context.
 */
import { RehearsalError } from './errors.js';
import {
  evaluate,
  evaluateIf,
  evaluateString,
  evaluateStringMap,
  type Scope,
  type Status,
} from './expressions.js';
import type { JobModel, StepModel } from './model.js';
import { stepsContext, type StepContextEntry } from './steps-context.js';
import { runNodeAction, runScript, type StepRun } from './step-runners.js';
import { Expression, type Tmpl } from './template.js';
import type { JobRecord, Result, RunContext, StepRecord } from './types.js';
import { resolveAction, undeclaredInputs, type ResolvedAction } from './uses.js';

export interface JobScope {
  /** The needs context (a tracked dictionary whose misses go to `problems`). */
  needs: (problems: string[]) => unknown;
  matrix: Record<string, unknown>;
  strategy: Record<string, unknown>;
  /** workflow-level env, already evaluated. */
  workflowEnv: Record<string, string>;
}

interface PostStep {
  name: string;
  resolved: Extract<ResolvedAction, { kind: 'node' }>;
  inputs: Record<string, string>;
  env: Record<string, string>;
  state: Record<string, string>;
  postIf: string;
  cwd: string;
}

interface JobState {
  entries: StepContextEntry[];
  addedEnv: Record<string, string>;
  addedPath: string[];
  status: Status;
  posts: PostStep[];
}

function stepLabel(step: StepModel, name: unknown): string {
  if (typeof name === 'string' && name !== '') return name;
  if (step.uses) return `Run ${step.uses.replace(/@([0-9a-f]{7})[0-9a-f]{33}$/, '@$1…')}`;
  const run = step.run instanceof Expression ? (step.run.source ?? step.run.expr) : String(step.run ?? '');
  const first = run.split('\n').find((l) => l.trim() !== '') ?? '';
  return `Run ${first.trim().slice(0, 70)}`;
}

function truthyFlag(v: unknown): boolean {
  return v === true || v === 'true';
}

function minutes(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new RehearsalError(`${what}: ${JSON.stringify(v)} is not a positive number of minutes`);
  return n * 60_000;
}

export async function runJob(
  job: JobModel,
  ctx: RunContext,
  js: JobScope,
  label: string,
): Promise<JobRecord> {
  const started = Date.now();
  const depth = ctx.depth;
  ctx.printer.job(depth, label);
  const record: JobRecord = { id: job.id, label, result: 'success', ms: 0, steps: [], outputs: {} };
  const state: JobState = {
    entries: [],
    addedEnv: {},
    addedPath: [],
    status: { failed: false, cancelled: false },
    posts: [],
  };

  const baseContexts = (problems: string[] = []): Record<string, unknown> => ({
    github: { ...ctx.github, job: job.id },
    inputs: ctx.inputs,
    vars: ctx.vars,
    secrets: ctx.secrets,
    needs: js.needs(problems),
    matrix: js.matrix,
    strategy: js.strategy,
    runner: {
      os: 'Linux',
      arch: 'X64',
      name: 'sagemaker-local-rehearsal',
      temp: ctx.baseEnv['RUNNER_TEMP'],
      environment: 'self-hosted',
    },
    job: { status: state.status.failed ? 'failure' : 'success', container: {}, services: {} },
  });

  let jobEnv: Record<string, string> = {};
  try {
    if (job.unsupported.length)
      throw new RehearsalError(
        `job keys ${job.unsupported.join(', ')} are not rehearsable (no containers here)`,
      );
    const envProblems: string[] = [];
    jobEnv = evaluateStringMap(
      job.env,
      { contexts: { ...baseContexts(envProblems), env: js.workflowEnv } },
      `jobs.${job.id}.env`,
    );
    if (envProblems.length) throw new RehearsalError(`jobs.${job.id}.env: ${envProblems.join('; ')}`);
    if (job.environment !== undefined) {
      const env = evaluate(job.environment, { contexts: baseContexts() });
      const name = typeof env === 'string' ? env : (env as { name?: string } | null)?.name;
      ctx.printer.note(
        depth,
        `environment '${name}': protection rules (reviewers, wait timers) are not rehearsed; treated as approved`,
      );
    }
  } catch (err) {
    return finish(record, started, ctx, depth, 'failure', (err as Error).message);
  }

  const defaults = (key: 'shell' | 'working-directory'): string | undefined => {
    for (const d of [job.defaults, ctx.workflow.defaults]) {
      const run = d?.['run'];
      const v =
        run && typeof run === 'object' && !Array.isArray(run) && !(run instanceof Expression)
          ? run[key]
          : undefined;
      if (typeof v === 'string') return v;
    }
    return undefined;
  };

  for (const step of job.steps ?? []) {
    const stepRecord = await runStep(step, job, ctx, js, state, jobEnv, baseContexts, defaults);
    record.steps.push(stepRecord);
    ctx.printer.step(depth, stepRecord);
    if (stepRecord.summary)
      ctx.summaries.push({ job: label, step: stepRecord.name, markdown: stepRecord.summary });
  }

  for (const post of state.posts.reverse()) {
    const rec = await runPost(post, ctx, state, baseContexts);
    record.steps.push(rec);
    ctx.printer.step(depth, rec);
    if (rec.summary) ctx.summaries.push({ job: label, step: rec.name, markdown: rec.summary });
  }

  // Job outputs: evaluated after every step, from the steps context.
  const problems: string[] = [];
  const scope: Scope = {
    contexts: {
      ...baseContexts(),
      env: { ...js.workflowEnv, ...jobEnv },
      steps: stepsContext(state.entries, problems),
    },
    status: state.status,
  };
  try {
    for (const [name, t] of Object.entries(job.outputs ?? {}))
      record.outputs[name] = evaluateString(t, scope, `jobs.${job.id}.outputs.${name}`);
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (problems.length)
    return finish(record, started, ctx, depth, 'failure', `outputs: ${problems.join('; ')}`);
  return finish(record, started, ctx, depth, state.status.failed ? 'failure' : 'success');
}

function finish(
  record: JobRecord,
  started: number,
  ctx: RunContext,
  depth: number,
  result: Result,
  detail?: string,
): JobRecord {
  record.result = result;
  record.ms = Date.now() - started;
  if (detail) record.detail = detail;
  ctx.printer.jobDone(depth, record);
  return record;
}

function envFor(
  ctx: RunContext,
  state: JobState,
  ...layers: Record<string, string>[]
): Record<string, string> {
  const env: Record<string, string> = { ...ctx.baseEnv };
  for (const layer of layers) Object.assign(env, layer);
  if (state.addedPath.length)
    env['PATH'] = [...state.addedPath].reverse().join(':') + ':' + (env['PATH'] ?? '');
  return env;
}

async function runStep(
  step: StepModel,
  job: JobModel,
  ctx: RunContext,
  js: JobScope,
  state: JobState,
  jobEnv: Record<string, string>,
  baseContexts: (problems?: string[]) => Record<string, unknown>,
  defaults: (key: 'shell' | 'working-directory') => string | undefined,
): Promise<StepRecord> {
  const started = Date.now();
  const id = step.id ?? `__step${step.index + 1}`;
  const what = step.uses ?? 'run';
  const problems: string[] = [];
  const envSoFar = { ...js.workflowEnv, ...jobEnv, ...state.addedEnv };
  const scopeWith = (env: Record<string, string>): Scope => ({
    contexts: { ...baseContexts(problems), env, steps: stepsContext(state.entries, problems) },
    status: state.status,
  });
  const rec: StepRecord = {
    name: stepLabel(step, undefined),
    phase: 'main',
    outcome: 'success',
    conclusion: 'success',
    ms: 0,
    outputs: {},
  };
  const done = (outcome: Result, detail?: string, extra: Partial<StepContextEntry> = {}): StepRecord => {
    let continueOnError = false;
    try {
      continueOnError = truthyFlag(evaluate(step.continueOnError, scopeWith(envSoFar)));
    } catch {
      continueOnError = false;
    }
    rec.outcome = outcome;
    rec.conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
    rec.ms = Date.now() - started;
    if (detail) rec.detail = detail;
    if (rec.conclusion === 'failure') state.status.failed = true;
    state.entries.push({
      id,
      what,
      outputs: rec.outputs,
      outcome: rec.outcome,
      conclusion: rec.conclusion,
      ...extra,
    });
    return rec;
  };

  if (typeof step.name === 'string') rec.name = step.name;
  let run: boolean;
  try {
    run = evaluateIf(step.if, scopeWith(envSoFar));
    rec.name = stepLabel(step, evaluate(step.name, scopeWith(envSoFar)));
  } catch (err) {
    return done('failure', (err as Error).message);
  }
  let resolved: ResolvedAction | undefined;
  let resolveError: string | undefined;
  try {
    if (step.uses) resolved = resolveAction(step.uses, ctx.workspace, ctx.kitRoot, ctx.kitPaths);
  } catch (err) {
    resolveError = (err as Error).message;
  }
  const declared =
    resolved?.kind === 'node'
      ? Object.keys(resolved.meta.outputs ?? {})
      : resolved?.kind === 'builtin'
        ? resolved.action.outputs
        : undefined;
  const withDeclared = declared ? { declared } : {};
  if (!run) return done('skipped', undefined, withDeclared);
  if (resolveError !== undefined) return done('failure', resolveError);

  let env: Record<string, string>;
  try {
    env = { ...envSoFar, ...evaluateStringMap(step.env, scopeWith(envSoFar), `${rec.name}: env`) };
  } catch (err) {
    return done('failure', (err as Error).message, withDeclared);
  }
  const scope = scopeWith(env);
  let result: StepRun | undefined;
  try {
    const timeoutMs = minutes(evaluate(step.timeoutMinutes, scope), `${rec.name}: timeout-minutes`);
    const common = {
      env: envFor(ctx, state, env, { GITHUB_ACTION: id, GITHUB_JOB: job.id }),
      cwd: ctx.workspace,
      runDir: ctx.runDir,
      masks: ctx.masks,
      log: (line: string) => ctx.printer.log(ctx.depth, line),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
    if (resolved) {
      if (resolved.kind === 'unsupported') throw new RehearsalError(resolved.reason);
      const inputs = evaluateStringMap(step.with as Tmpl | undefined, scope, `${rec.name}: with`);
      if (resolved.kind === 'builtin') {
        const extra = undeclaredInputs(Object.keys(inputs), resolved.action.inputs);
        if (extra.length)
          throw new RehearsalError(`${step.uses} does not declare input(s) ${extra.join(', ')}`);
        if (problems.length) throw new RehearsalError(problems.join('; '));
        const missing = (resolved.action.required ?? []).filter((r) => !inputs[r]);
        if (missing.length) throw new RehearsalError(`${step.uses} needs input(s) ${missing.join(', ')}`);
        ctx.printer.note(ctx.depth, resolved.label);
        const out = resolved.action.run({
          inputs,
          workspace: ctx.workspace,
          repository: String(ctx.github['repository']),
          kitPaths: ctx.kitPaths,
          artifactsDir: ctx.artifactsDir,
          log: common.log,
        });
        for (const s of out.secrets ?? []) ctx.masks.add(s);
        Object.assign(state.addedEnv, out.env ?? {});
        rec.outputs = out.outputs ?? {};
        return done('success', undefined, { declared: resolved.action.outputs });
      }
      const meta = resolved.meta;
      const extra = undeclaredInputs(Object.keys(inputs), Object.keys(meta.inputs ?? {}));
      if (extra.length)
        throw new RehearsalError(
          `${step.uses} does not declare input(s) ${extra.join(', ')} (it declares: ${Object.keys(meta.inputs ?? {}).join(', ')})`,
        );
      const withDefaults: Record<string, string> = {};
      for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
        if (spec?.default === undefined) continue;
        const d = spec.default;
        const m = typeof d === 'string' ? /^\$\{\{(.*)\}\}$/s.exec(d.trim()) : null;
        withDefaults[name] = m
          ? evaluateString(new Expression(m[1]!.trim()), scope, `${step.uses} default of ${name}`)
          : String(d);
      }
      Object.assign(withDefaults, inputs);
      if (problems.length) throw new RehearsalError(problems.join('; '));
      result = await runNodeAction({
        ...common,
        dir: resolved.dir,
        entry: meta.runs!.main!,
        inputs: withDefaults,
      });
      if (meta.runs?.post)
        state.posts.push({
          name: `Post ${rec.name}`,
          resolved,
          inputs: withDefaults,
          env: common.env,
          state: result.state,
          postIf: meta.runs['post-if'] ?? 'always()',
          cwd: ctx.workspace,
        });
    } else {
      const script = evaluateString(step.run, scope, `${rec.name}: run`);
      const shellT =
        step.shell !== undefined ? evaluateString(step.shell, scope, 'shell') : defaults('shell');
      const wd =
        step.workingDirectory !== undefined
          ? evaluateString(step.workingDirectory, scope, 'working-directory')
          : defaults('working-directory');
      if (problems.length) throw new RehearsalError(problems.join('; '));
      result = await runScript({
        ...common,
        script,
        explicitShell: shellT !== undefined,
        ...(shellT !== undefined ? { shell: shellT } : {}),
        ...(wd !== undefined ? { workingDirectory: wd } : {}),
      });
    }
  } catch (err) {
    return done('failure', (err as Error).message, declared ? { declared } : {});
  }
  if (problems.length) return done('failure', problems.join('; '), declared ? { declared } : {});
  Object.assign(state.addedEnv, result.env);
  state.addedPath.push(...result.path);
  rec.outputs = result.outputs;
  if (result.summary.trim()) rec.summary = result.summary;
  const p = result.process;
  if (p.code === 0) return done('success', undefined, declared ? { declared } : {});
  const why = p.timedOut
    ? 'timed out (timeout-minutes)'
    : (p.errors[0] ?? (p.signal ? `killed by ${p.signal}` : `exit code ${p.code}`));
  return done('failure', why, declared ? { declared } : {});
}

async function runPost(
  post: PostStep,
  ctx: RunContext,
  state: JobState,
  baseContexts: (problems?: string[]) => Record<string, unknown>,
): Promise<StepRecord> {
  const started = Date.now();
  const rec: StepRecord = {
    name: post.name,
    phase: 'post',
    outcome: 'success',
    conclusion: 'success',
    ms: 0,
    outputs: {},
  };
  const problems: string[] = [];
  let run: boolean;
  try {
    run = evaluateIf(post.postIf, {
      contexts: { ...baseContexts(), env: {}, steps: stepsContext(state.entries, problems) },
      status: state.status,
    });
  } catch (err) {
    return Object.assign(rec, {
      outcome: 'failure',
      conclusion: 'failure',
      detail: (err as Error).message,
      ms: Date.now() - started,
    });
  }
  if (!run) return Object.assign(rec, { outcome: 'skipped', conclusion: 'skipped' });
  let result;
  try {
    result = await runNodeAction({
      env: post.env,
      cwd: post.cwd,
      runDir: ctx.runDir,
      masks: ctx.masks,
      log: (line) => ctx.printer.log(ctx.depth, line),
      dir: post.resolved.dir,
      entry: post.resolved.meta.runs!.post!,
      inputs: post.inputs,
      state: post.state,
    });
  } catch (err) {
    state.status.failed = true;
    return Object.assign(rec, {
      outcome: 'failure',
      conclusion: 'failure',
      detail: (err as Error).message,
      ms: Date.now() - started,
    });
  }
  rec.ms = Date.now() - started;
  if (result.summary.trim()) rec.summary = result.summary;
  if (result.process.code !== 0) {
    state.status.failed = true;
    return Object.assign(rec, {
      outcome: 'failure',
      conclusion: 'failure',
      detail: result.process.errors[0] ?? `exit code ${result.process.code}`,
    });
  }
  return rec;
}
