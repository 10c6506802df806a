/**
 * Loads a workflow file with GitHub's own parser (schema validation, `${{ }}` parsing) and its
 * converter (semantic checks: needs, step ids, reusable-workflow references), then reads what the
 * runner needs into plain structures whose leaves are {@link Tmpl} values.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { RehearsalError } from './errors.js';
import { Expression, fromToken, isTmplMap, type Tmpl, type TmplMap } from './template.js';

export interface InputDef {
  type: 'string' | 'number' | 'boolean' | 'choice' | 'environment';
  required: boolean;
  default?: Tmpl;
  options?: string[];
}

export interface StepModel {
  /** Index in the job (0-based), for default names and step ids. */
  index: number;
  id?: string;
  name?: Tmpl;
  if?: Tmpl;
  uses?: string;
  run?: Tmpl;
  with?: TmplMap;
  env?: Tmpl;
  shell?: Tmpl;
  workingDirectory?: Tmpl;
  continueOnError?: Tmpl;
  timeoutMinutes?: Tmpl;
}

export interface JobModel {
  id: string;
  name?: Tmpl;
  needs: string[];
  if?: Tmpl;
  strategy?: Tmpl;
  outputs?: TmplMap;
  env?: Tmpl;
  defaults?: TmplMap;
  continueOnError?: Tmpl;
  timeoutMinutes?: Tmpl;
  environment?: Tmpl;
  /** Present on a normal job. */
  steps?: StepModel[];
  /** Present on a reusable-workflow call. */
  uses?: string;
  with?: TmplMap;
  secrets?: 'inherit' | TmplMap;
  /** Keys the rehearsal cannot honour (container, services): reported as not rehearsable. */
  unsupported: string[];
}

export interface WorkflowModel {
  file: string;
  name?: string;
  /** Event name → its configuration (plain). */
  on: Record<string, unknown>;
  env?: Tmpl;
  defaults?: TmplMap;
  jobs: JobModel[];
  callInputs: Record<string, InputDef>;
  callSecrets: Record<string, { required: boolean }>;
  callOutputs: Record<string, Tmpl>;
  dispatchInputs: Record<string, InputDef>;
}

function asMap(t: Tmpl | undefined): TmplMap | undefined {
  return isTmplMap(t) ? t : undefined;
}

function asString(t: Tmpl | undefined): string | undefined {
  return typeof t === 'string' ? t : undefined;
}

function inputDefs(t: Tmpl | undefined): Record<string, InputDef> {
  const out: Record<string, InputDef> = {};
  for (const [name, spec] of Object.entries(asMap(t) ?? {})) {
    const s = asMap(spec) ?? {};
    out[name] = {
      type: (asString(s['type']) ?? 'string') as InputDef['type'],
      required: s['required'] === true,
      ...(s['default'] !== undefined ? { default: s['default'] } : {}),
      ...(Array.isArray(s['options']) ? { options: s['options'].map(String) } : {}),
    };
  }
  return out;
}

function readStep(t: Tmpl, index: number): StepModel {
  const s = asMap(t) ?? {};
  const step: StepModel = { index };
  if (typeof s['id'] === 'string') step.id = s['id'];
  if (s['name'] !== undefined) step.name = s['name'];
  if (s['if'] !== undefined) step.if = s['if'];
  if (typeof s['uses'] === 'string') step.uses = s['uses'];
  if (s['run'] !== undefined) step.run = s['run'];
  if (asMap(s['with'])) step.with = asMap(s['with'])!;
  if (s['env'] !== undefined) step.env = s['env'];
  if (s['shell'] !== undefined) step.shell = s['shell'];
  if (s['working-directory'] !== undefined) step.workingDirectory = s['working-directory'];
  if (s['continue-on-error'] !== undefined) step.continueOnError = s['continue-on-error'];
  if (s['timeout-minutes'] !== undefined) step.timeoutMinutes = s['timeout-minutes'];
  return step;
}

function readNeeds(t: Tmpl | undefined): string[] {
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function readJob(id: string, t: Tmpl): JobModel {
  const j = asMap(t) ?? {};
  const job: JobModel = { id, needs: readNeeds(j['needs']), unsupported: [] };
  if (j['name'] !== undefined) job.name = j['name'];
  if (j['if'] !== undefined) job.if = j['if'];
  if (j['strategy'] !== undefined) job.strategy = j['strategy'];
  if (asMap(j['outputs'])) job.outputs = asMap(j['outputs'])!;
  if (j['env'] !== undefined) job.env = j['env'];
  if (asMap(j['defaults'])) job.defaults = asMap(j['defaults'])!;
  if (j['continue-on-error'] !== undefined) job.continueOnError = j['continue-on-error'];
  if (j['timeout-minutes'] !== undefined) job.timeoutMinutes = j['timeout-minutes'];
  if (j['environment'] !== undefined) job.environment = j['environment'];
  for (const key of ['container', 'services']) if (j[key] !== undefined) job.unsupported.push(key);
  if (typeof j['uses'] === 'string') {
    job.uses = j['uses'];
    job.with = asMap(j['with']) ?? {};
    job.secrets = j['secrets'] === 'inherit' ? 'inherit' : (asMap(j['secrets']) ?? {});
  } else {
    job.steps = (Array.isArray(j['steps']) ? j['steps'] : []).map(readStep);
  }
  return job;
}

/** Parses and checks a workflow; throws a RehearsalError listing every problem GitHub would report. */
export async function loadWorkflow(path: string, displayRoot = process.cwd()): Promise<WorkflowModel> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new RehearsalError(`cannot read workflow ${path}: ${(err as Error).message}`);
  }
  const name = relative(displayRoot, path) || path;
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value || errors.length)
    throw new RehearsalError(`${name} is not a valid workflow:\n  ${errors.join('\n  ') || 'empty file'}`);
  const converted = await convertWorkflowTemplate(parsed.context, parsed.value);
  const semantic = [
    ...(converted.errors ?? []).map((e) => e.Message),
    ...parsed.context.errors.getErrors().map((e) => e.message),
  ];
  if (semantic.length)
    throw new RehearsalError(`${name} is not a valid workflow:\n  ${[...new Set(semantic)].join('\n  ')}`);

  const root = asMap(fromToken(parsed.value, name)) ?? {};
  const on = normaliseOn(root['on']);
  const call = asMap(on['workflow_call'] as Tmpl) ?? {};
  const dispatch = asMap(on['workflow_dispatch'] as Tmpl) ?? {};
  const callOutputs: Record<string, Tmpl> = {};
  for (const [k, v] of Object.entries(asMap(call['outputs']) ?? {}))
    callOutputs[k] = asMap(v)?.['value'] ?? null;
  const callSecrets: Record<string, { required: boolean }> = {};
  for (const [k, v] of Object.entries(asMap(call['secrets']) ?? {}))
    callSecrets[k] = { required: asMap(v)?.['required'] === true };
  const model: WorkflowModel = {
    file: path,
    on,
    jobs: Object.entries(asMap(root['jobs']) ?? {}).map(([id, j]) => readJob(id, j)),
    callInputs: inputDefs(call['inputs']),
    callSecrets,
    callOutputs,
    dispatchInputs: inputDefs(dispatch['inputs']),
  };
  if (typeof root['name'] === 'string') model.name = root['name'];
  if (root['env'] !== undefined) model.env = root['env'];
  if (asMap(root['defaults'])) model.defaults = asMap(root['defaults'])!;
  return model;
}

/** `on: push`, `on: [push, pull_request]` and the mapping form → event → config. */
function normaliseOn(t: Tmpl | undefined): Record<string, unknown> {
  if (typeof t === 'string') return { [t]: {} };
  if (Array.isArray(t)) return Object.fromEntries(t.map((e) => [String(e), {}]));
  const m = asMap(t) ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) out[k] = v ?? {};
  return out;
}

/** The literal text of a template (for names shown before evaluation). */
export function literalText(t: Tmpl | undefined): string | undefined {
  if (typeof t === 'string') return t;
  if (t instanceof Expression) return `\${{ ${t.expr} }}`;
  return undefined;
}
