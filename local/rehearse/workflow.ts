/**
 * Runs a workflow's jobs in dependency order (one at a time: a 2-core machine gains nothing from
 * parallel jobs): job `if:` against the results of the jobs it needs, matrices, and reusable
 * workflows called with `uses:` (typed inputs, secrets, outputs wired from the called jobs'
 * outputs exactly as the runner wires them).
 */
import { RehearsalError } from './errors.js';
import { evaluate, evaluateIf, evaluateString, evaluateStringMap, type Status } from './expressions.js';
import { runJob } from './job.js';
import { expandMatrix } from './matrix.js';
import { loadWorkflow, literalText, type InputDef, type JobModel, type WorkflowModel } from './model.js';
import { jobsContext } from './steps-context.js';
import { Expression, type Tmpl } from './template.js';
import type { JobRecord, Result, RunContext } from './types.js';
import { resolveWorkflowRef } from './uses.js';

export interface WorkflowRun {
  result: Result;
  jobs: JobRecord[];
  outputs: Record<string, string>;
  detail?: string;
}

/** Jobs in an order that respects needs; throws on an unknown job or a cycle. */
export function orderJobs(jobs: JobModel[]): JobModel[] {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const out: JobModel[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (j: JobModel, path: string[]): void => {
    if (state.get(j.id) === 'done') return;
    if (state.get(j.id) === 'visiting')
      throw new RehearsalError(`jobs depend on each other in a cycle: ${[...path, j.id].join(' → ')}`);
    state.set(j.id, 'visiting');
    for (const n of j.needs) {
      const dep = byId.get(n);
      if (!dep) throw new RehearsalError(`job '${j.id}' needs '${n}', which is not a job of this workflow`);
      visit(dep, [...path, j.id]);
    }
    state.set(j.id, 'done');
    out.push(j);
  };
  for (const j of jobs) visit(j, []);
  return out;
}

/** The job ids a job needs, transitively. */
function ancestors(job: JobModel, byId: Map<string, JobModel>): Set<string> {
  const seen = new Set<string>();
  const stack = [...job.needs];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.needs ?? []));
  }
  return seen;
}

/**
 * Coerces and checks inputs against their definitions (workflow_call or workflow_dispatch).
 *
 * `from` says where the values come from. 'command line' (--input, like a workflow_dispatch
 * form): strings, so a boolean input takes 'true'/'false'. 'caller' (the `with:` of a job that
 * calls the workflow): values as the expressions gave them, checked as GitHub checks them. A null
 * (an unset `vars.X`, a missing property) is the empty string for a string or choice input, and
 * it overrides the input's default (actions/runner#2907); a boolean input takes only a boolean
 * (GitHub refuses '' and the string 'false' alike: "Unexpected type of value '', expected type:
 * Boolean", actions/runner#2206). A number input given null is refused too (a guess by analogy:
 * nothing documents it).
 */
export function typedInputs(
  defs: Record<string, InputDef>,
  given: Record<string, unknown>,
  defaultScope: Record<string, unknown>,
  where: string,
  from: 'command line' | 'caller' = 'command line',
): Record<string, unknown> {
  const unknown = Object.keys(given).filter((k) => !(k in defs));
  if (unknown.length)
    throw new RehearsalError(
      `${where}: input(s) ${unknown.join(', ')} are not declared (declared: ${Object.keys(defs).join(', ') || 'none'})`,
    );
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    let v = given[name];
    if (v === undefined && def.default !== undefined) v = evaluate(def.default, { contexts: defaultScope });
    if (v === undefined) {
      if (def.required) throw new RehearsalError(`${where}: input '${name}' is required`);
      v = def.type === 'boolean' ? false : def.type === 'number' ? 0 : '';
    }
    if (v === null) {
      if (def.type === 'boolean' || def.type === 'number')
        throw new RehearsalError(
          `${where}: input '${name}' is a ${def.type}; got null (an unset value, such as a vars.X that is not set), which GitHub refuses ("Unexpected type of value '', expected type: ${def.type === 'boolean' ? 'Boolean' : 'Number'}")${def.type === 'boolean' ? "; compare instead, e.g. ${{ vars.X == 'true' }}" : ''}`,
        );
      v = '';
    }
    if (def.type === 'boolean') {
      if (v === true || (from === 'command line' && v === 'true')) v = true;
      else if (v === false || (from === 'command line' && v === 'false')) v = false;
      else
        throw new RehearsalError(
          from === 'caller'
            ? `${where}: input '${name}' is a boolean; got ${JSON.stringify(v)}, which GitHub refuses ("Unexpected value"); pass a boolean, e.g. \${{ x == 'true' }}`
            : `${where}: input '${name}' is a boolean; got ${JSON.stringify(v)} (use true or false)`,
        );
    } else if (def.type === 'number') {
      const n = typeof v === 'number' ? v : Number(v);
      if (typeof v === 'boolean' || v === '' || !Number.isFinite(n))
        throw new RehearsalError(`${where}: input '${name}' is a number; got ${JSON.stringify(v)}`);
      v = n;
    } else {
      if (typeof v === 'object')
        throw new RehearsalError(
          `${where}: input '${name}' is a ${def.type}; got a ${Array.isArray(v) ? 'list' : 'mapping'}`,
        );
      v = String(v);
      if (def.type === 'choice' && def.options && !def.options.includes(v as string))
        throw new RehearsalError(
          `${where}: input '${name}' must be one of ${def.options.join(', ')}; got ${JSON.stringify(v)}`,
        );
    }
    out[name] = v;
  }
  return out;
}

const workflowEnvOf = (ctx: RunContext): Record<string, string> =>
  evaluateStringMap(
    ctx.workflow.env,
    { contexts: { github: ctx.github, inputs: ctx.inputs, vars: ctx.vars, secrets: ctx.secrets } },
    'env',
  );

/** Runs every job (or `only` and what it needs) of the workflow in ctx. */
export async function runWorkflow(ctx: RunContext, only?: string): Promise<WorkflowRun> {
  const wf = ctx.workflow;
  const ordered = orderJobs(wf.jobs);
  const byId = new Map(wf.jobs.map((j) => [j.id, j]));
  let selected = ordered;
  if (only !== undefined) {
    const target = byId.get(only);
    if (!target)
      throw new RehearsalError(`--job ${only}: no such job (jobs: ${wf.jobs.map((j) => j.id).join(', ')})`);
    const keep = ancestors(target, byId).add(only);
    selected = ordered.filter((j) => keep.has(j.id));
  }
  const workflowEnv = workflowEnvOf(ctx);
  const done = new Map<string, JobRecord>();
  const records: JobRecord[] = [];
  for (const job of selected) {
    const rec = await runOneJob(job, ctx, byId, done, workflowEnv);
    done.set(job.id, rec);
    records.push(rec);
  }
  const failed = records.filter((r) => r.result === 'failure' && !jobContinuesOnError(byId.get(r.id)!, ctx));
  const result: Result = failed.length ? 'failure' : 'success';
  // workflow_call outputs: from the jobs context.
  const outputs: Record<string, string> = {};
  const problems: string[] = [];
  if (only === undefined) {
    const jobs = jobsContext(
      'jobs',
      records.map((r) => ({
        id: r.id,
        result: r.result,
        outputs: r.outputs,
        declared: declaredOutputs(byId.get(r.id)!, ctx),
      })),
      problems,
    );
    for (const [name, t] of Object.entries(wf.callOutputs)) {
      try {
        outputs[name] = evaluateString(
          t,
          { contexts: { github: ctx.github, inputs: ctx.inputs, vars: ctx.vars, jobs } },
          `on.workflow_call.outputs.${name}`,
        );
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
  }
  if (problems.length)
    return { result: 'failure', jobs: records, outputs, detail: `workflow outputs: ${problems.join('; ')}` };
  return {
    result,
    jobs: records,
    outputs,
    ...(failed.length ? { detail: `failed: ${failed.map((f) => f.label).join(', ')}` } : {}),
  };
}

function jobContinuesOnError(job: JobModel, ctx: RunContext): boolean {
  if (job.continueOnError === undefined) return false;
  try {
    const v = evaluate(job.continueOnError, {
      contexts: { github: ctx.github, inputs: ctx.inputs, vars: ctx.vars },
    });
    return v === true || v === 'true';
  } catch {
    return false;
  }
}

/** Output names a job declares: its `outputs:` keys, or a called workflow's workflow_call outputs. */
const calledOutputs = new Map<string, string[]>();
function declaredOutputs(job: JobModel, ctx: RunContext): string[] {
  if (job.uses) return calledOutputs.get(`${ctx.workflow.file}#${job.id}`) ?? [];
  return Object.keys(job.outputs ?? {});
}

async function runOneJob(
  job: JobModel,
  ctx: RunContext,
  byId: Map<string, JobModel>,
  done: Map<string, JobRecord>,
  workflowEnv: Record<string, string>,
): Promise<JobRecord> {
  const problems: string[] = [];
  const needsFor = (sink: string[]): unknown =>
    jobsContext(
      'needs',
      job.needs.map((n) => {
        const r = done.get(n);
        return {
          id: n,
          result: r?.result ?? 'skipped',
          outputs: r?.outputs ?? {},
          declared: declaredOutputs(byId.get(n)!, ctx),
        };
      }),
      sink,
    );
  const needs = needsFor(problems);
  const anc = [...ancestors(job, byId)].map((id) => done.get(id)?.result ?? 'skipped');
  const status: Status & { blocked?: boolean } = {
    failed: anc.includes('failure'),
    cancelled: anc.includes('cancelled'),
  };
  const skippedNeed = anc.includes('skipped');
  const label0 = literalText(job.name) ?? job.id;
  const base = { github: ctx.github, inputs: ctx.inputs, vars: ctx.vars, needs };
  const skip = (detail: string): JobRecord => {
    const rec: JobRecord = {
      id: job.id,
      label: label0,
      result: 'skipped',
      ms: 0,
      steps: [],
      outputs: {},
      detail,
    };
    ctx.printer.jobDone(ctx.depth, rec);
    return rec;
  };
  let run: boolean;
  /** The job failed before any step ran (its `if:` or `strategy` could not be evaluated). */
  const failedBeforeStart = (err: unknown): JobRecord => {
    const rec: JobRecord = {
      id: job.id,
      label: label0,
      result: 'failure',
      ms: 0,
      steps: [],
      outputs: {},
      detail: (err as Error).message,
    };
    ctx.printer.jobDone(ctx.depth, rec);
    return rec;
  };
  try {
    // A job whose needed job was skipped is skipped unless its if: asks for always()/failure().
    const ifT = job.if;
    const statusCall =
      ifT !== undefined &&
      /\b(always|failure|cancelled|success)\s*\(/i.test(ifT instanceof Expression ? ifT.expr : String(ifT));
    run = evaluateIf(job.if, {
      contexts: base,
      status: { ...status, failed: status.failed || (skippedNeed && !statusCall) },
    });
    if (problems.length) throw new RehearsalError(problems.join('; '));
  } catch (err) {
    return failedBeforeStart(err);
  }
  if (!run) return skip('if: condition is false');

  let combos: Record<string, unknown>[];
  let strategy: Record<string, unknown> = {};
  try {
    const s = evaluate(job.strategy, { contexts: base }) as Record<string, unknown> | undefined;
    combos = expandMatrix(s?.['matrix']);
    strategy = {
      'fail-fast': s?.['fail-fast'] ?? true,
      'job-total': combos.length,
      'max-parallel': s?.['max-parallel'] ?? combos.length,
    };
  } catch (err) {
    return failedBeforeStart(err);
  }

  const runs: JobRecord[] = [];
  for (const [i, matrix] of combos.entries()) {
    const strat = { ...strategy, 'job-index': i };
    let label = label0;
    try {
      const named =
        job.name !== undefined
          ? evaluateString(
              job.name,
              { contexts: { ...base, matrix, strategy: strat } },
              `jobs.${job.id}.name`,
            )
          : '';
      const values = Object.values(matrix).map((v) =>
        typeof v === 'object' ? JSON.stringify(v) : String(v),
      );
      label = named || (values.length ? `${job.id} (${values.join(', ')})` : job.id);
    } catch {
      /* keep the literal label */
    }
    if (job.uses) runs.push(await runCall(job, ctx, { ...base, matrix, strategy: strat }, label, problems));
    else runs.push(await runJob(job, ctx, { needs: needsFor, matrix, strategy: strat, workflowEnv }, label));
    if (runs.at(-1)!.result === 'failure' && strategy['fail-fast'] !== false && i < combos.length - 1) {
      ctx.printer.note(
        ctx.depth,
        `fail-fast: the remaining ${combos.length - i - 1} matrix job(s) of ${job.id} are cancelled`,
      );
      break;
    }
  }
  if (runs.length === 1) return runs[0]!;
  // A matrix: the job's outputs are the last combination's that set them (the runner keeps the last writer).
  const outputs: Record<string, string> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.outputs)) if (v !== '') outputs[k] = v;
  const result: Result = runs.some((r) => r.result === 'failure')
    ? 'failure'
    : runs.length < combos.length
      ? 'cancelled'
      : 'success';
  return {
    id: job.id,
    label: label0,
    result,
    ms: runs.reduce((s, r) => s + r.ms, 0),
    steps: [],
    outputs,
    children: runs,
  };
}

/** A job that calls a reusable workflow. */
async function runCall(
  job: JobModel,
  ctx: RunContext,
  contexts: Record<string, unknown>,
  label: string,
  /** Where misses of the needs context in `contexts` are recorded. */
  problems: string[],
): Promise<JobRecord> {
  const started = Date.now();
  ctx.printer.job(ctx.depth, `${label} → ${job.uses}`);
  const fail = (detail: string): JobRecord => {
    const rec: JobRecord = {
      id: job.id,
      label,
      result: 'failure',
      ms: Date.now() - started,
      steps: [],
      outputs: {},
      detail,
    };
    ctx.printer.jobDone(ctx.depth, rec);
    return rec;
  };
  if (ctx.depth >= 9) return fail('reusable workflows nest more than 10 levels deep');
  let called: WorkflowModel;
  let inputs: Record<string, unknown>;
  let secrets: Record<string, string>;
  try {
    const file = resolveWorkflowRef(job.uses!, ctx.workspace, ctx.kitRoot);
    called = await loadWorkflow(file, ctx.workspace);
    if (!('workflow_call' in called.on))
      throw new RehearsalError(`${job.uses} has no 'on: workflow_call' trigger`);
    calledOutputs.set(`${ctx.workflow.file}#${job.id}`, Object.keys(called.callOutputs));
    const given = evaluate(job.with ?? {}, { contexts }) as Record<string, unknown>;
    if (problems.length) throw new RehearsalError(problems.join('; '));
    inputs = typedInputs(called.callInputs, given, { github: ctx.github }, `${job.uses}`, 'caller');
    if (job.secrets === 'inherit') secrets = { ...ctx.secrets };
    else {
      const s = evaluateStringMap(
        job.secrets as Tmpl | undefined,
        { contexts: { ...contexts, secrets: ctx.secrets } },
        `jobs.${job.id}.secrets`,
      );
      const undeclared = Object.keys(s).filter((k) => !(k in called.callSecrets));
      if (undeclared.length)
        throw new RehearsalError(`${job.uses} does not declare secret(s) ${undeclared.join(', ')}`);
      secrets = { GITHUB_TOKEN: ctx.secrets['GITHUB_TOKEN'] ?? '', ...s };
    }
    const missing = Object.entries(called.callSecrets)
      .filter(([k, d]) => d.required && !secrets[k])
      .map(([k]) => k);
    if (missing.length) throw new RehearsalError(`${job.uses} requires secret(s) ${missing.join(', ')}`);
  } catch (err) {
    return fail((err as Error).message);
  }
  const inner: RunContext = { ...ctx, workflow: called, inputs, secrets, depth: ctx.depth + 1 };
  const run = await runWorkflow(inner);
  const rec: JobRecord = {
    id: job.id,
    label,
    result: run.result,
    ms: Date.now() - started,
    steps: [],
    outputs: run.outputs,
    children: run.jobs,
    ...(run.detail ? { detail: run.detail } : {}),
  };
  ctx.printer.jobDone(ctx.depth, rec);
  return rec;
}
