/**
 * A pipeline definition (the JSON the SageMaker Python SDK's `pipeline.definition()` writes),
 * parsed and checked the way CreatePipeline would reject it: unknown step types, duplicate or
 * malformed names, DependsOn and Get references to steps or parameters that do not exist,
 * JsonGet on a property file the step does not declare, dependency cycles.
 *
 * Steps inside a ConditionStep's IfSteps/ElseSteps are flattened into the same list, each
 * carrying the branch it belongs to; every step's `deps` are its DependsOn, the steps its
 * arguments reference, and its condition step.
 */
import { parseExpireAfter } from './cache.js';
import { checkCondition } from './conditions.js';
import { EXECUTION_VARIABLES, ExpressionError, collectReferences, type GetTarget } from './expressions.js';

type Obj = Record<string, unknown>;
export type Primitive = string | number | boolean;
export type ParamType = 'String' | 'Integer' | 'Float' | 'Boolean';
export const PARAM_TYPES: readonly ParamType[] = ['String', 'Integer', 'Float', 'Boolean'];

/** Step types sagemaker-local runs; others (Tuning, Lambda, Callback, EMR, ...) are refused at create time. */
export const STEP_TYPES = [
  'Training',
  'Processing',
  'Transform',
  'Model',
  'RegisterModel',
  'Condition',
  'Fail',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

const NAME_RE = /^[A-Za-z0-9\-_]{1,64}$/;

export class DefinitionError extends Error {}

export interface ParameterDef {
  name: string;
  type: ParamType;
  default?: Primitive;
}

export interface PropertyFileDef {
  name: string;
  outputName: string;
  filePath: string;
}

export interface StepDef {
  name: string;
  type: StepType;
  displayName?: string;
  description?: string;
  arguments: Obj;
  /** DependsOn + referenced steps + the condition step of its branch; no duplicates. */
  deps: string[];
  /** Set for steps listed in a ConditionStep's IfSteps (outcome true) or ElseSteps (false). */
  branch?: { condition: string; outcome: boolean };
  cache?: { enabled: boolean; expireAfter?: string };
  propertyFiles: PropertyFileDef[];
}

export interface PipelineDefinition {
  version?: string;
  parameters: ParameterDef[];
  steps: StepDef[];
  experimentConfig?: Obj;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a parameter value given as text (StartPipelineExecution sends strings) into its type. */
export function parseParameterValue(type: ParamType, text: string): Primitive | undefined {
  switch (type) {
    case 'String':
      return text;
    case 'Integer':
      return /^[-+]?\d+$/.test(text.trim()) ? Number(text) : undefined;
    case 'Float': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'Boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}

function checkDefault(p: ParameterDef, value: unknown, where: string): Primitive | undefined {
  if (value === undefined || value === null) return undefined;
  const ok =
    (p.type === 'String' && typeof value === 'string') ||
    (p.type === 'Integer' && typeof value === 'number' && Number.isInteger(value)) ||
    (p.type === 'Float' && typeof value === 'number' && Number.isFinite(value)) ||
    (p.type === 'Boolean' && typeof value === 'boolean');
  if (!ok)
    throw new DefinitionError(`${where}.DefaultValue ${JSON.stringify(value)} is not a valid ${p.type}`);
  return value as Primitive;
}

function parseParameters(raw: unknown): ParameterDef[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new DefinitionError('Parameters must be a list');
  const seen = new Set<string>();
  return raw.map((p, i) => {
    const where = `Parameters[${i}]`;
    if (!isObj(p)) throw new DefinitionError(`${where} must be an object`);
    const name = p['Name'];
    if (typeof name !== 'string' || !NAME_RE.test(name))
      throw new DefinitionError(`${where}.Name ${JSON.stringify(name)} must match ${NAME_RE.source}`);
    if (seen.has(name)) throw new DefinitionError(`parameter '${name}' is declared twice`);
    seen.add(name);
    // The SDK always writes Type; the public JSON schema lets a String parameter omit it.
    const type = p['Type'] ?? 'String';
    if (!PARAM_TYPES.includes(type as ParamType))
      throw new DefinitionError(
        `${where}.Type ${JSON.stringify(type)} is not one of ${PARAM_TYPES.join(', ')}`,
      );
    const def: ParameterDef = { name, type: type as ParamType };
    const d = checkDefault(def, p['DefaultValue'], where);
    if (d !== undefined) def.default = d;
    return def;
  });
}

function optionalString(step: Obj, key: string, where: string): string | undefined {
  const v = step[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new DefinitionError(`${where}.${key} must be a string`);
  return v;
}

function parseCache(raw: unknown, where: string): StepDef['cache'] {
  if (raw === undefined) return undefined;
  if (!isObj(raw) || typeof raw['Enabled'] !== 'boolean')
    throw new DefinitionError(
      `${where}.CacheConfig must be {"Enabled": true|false, "ExpireAfter": "<ISO 8601 duration>"}`,
    );
  const expire = raw['ExpireAfter'];
  if (expire !== undefined && (typeof expire !== 'string' || parseExpireAfter(expire) === undefined))
    throw new DefinitionError(
      `${where}.CacheConfig.ExpireAfter ${JSON.stringify(expire)} is not an ISO 8601 duration like "PT1H", "P30D" or "30d"`,
    );
  return expire === undefined
    ? { enabled: raw['Enabled'] }
    : { enabled: raw['Enabled'], expireAfter: expire };
}

function parsePropertyFiles(raw: unknown, where: string, type: string): PropertyFileDef[] {
  if (raw === undefined) return [];
  if (type !== 'Processing')
    throw new DefinitionError(`${where}.PropertyFiles: only Processing steps have property files`);
  if (!Array.isArray(raw)) throw new DefinitionError(`${where}.PropertyFiles must be a list`);
  return raw.map((f, i) => {
    const w = `${where}.PropertyFiles[${i}]`;
    if (!isObj(f)) throw new DefinitionError(`${w} must be an object`);
    for (const k of ['PropertyFileName', 'OutputName', 'FilePath'])
      if (typeof f[k] !== 'string' || f[k] === '')
        throw new DefinitionError(`${w}.${k} must be a non-empty string`);
    return {
      name: f['PropertyFileName'] as string,
      outputName: f['OutputName'] as string,
      filePath: f['FilePath'] as string,
    };
  });
}

interface RawStep {
  def: StepDef;
  dependsOn: string[];
  refs: GetTarget[];
}

function parseStep(raw: unknown, where: string, out: RawStep[], branch?: StepDef['branch']): void {
  if (!isObj(raw)) throw new DefinitionError(`${where} must be an object`);
  const name = raw['Name'];
  if (typeof name !== 'string' || !NAME_RE.test(name))
    throw new DefinitionError(`${where}.Name ${JSON.stringify(name)} must match ${NAME_RE.source}`);
  const w = `step '${name}'`;
  const type = raw['Type'];
  if (typeof type !== 'string') throw new DefinitionError(`${w}: Type is required`);
  if (!(STEP_TYPES as readonly string[]).includes(type))
    throw new DefinitionError(
      `${w}: step type '${type}' is not supported by sagemaker-local (supported: ${STEP_TYPES.join(', ')})`,
    );
  const args = raw['Arguments'] ?? {};
  if (!isObj(args)) throw new DefinitionError(`${w}: Arguments must be an object`);
  const dependsOn = raw['DependsOn'] ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string'))
    throw new DefinitionError(`${w}: DependsOn must be a list of step names`);
  const def: StepDef = {
    name,
    type: type as StepType,
    arguments: args,
    deps: [],
    propertyFiles: parsePropertyFiles(raw['PropertyFiles'], w, type),
  };
  const displayName = optionalString(raw, 'DisplayName', w);
  const description = optionalString(raw, 'Description', w);
  const cache = parseCache(raw['CacheConfig'], w);
  if (displayName !== undefined) def.displayName = displayName;
  if (description !== undefined) def.description = description;
  if (cache) def.cache = cache;
  if (branch) def.branch = branch;

  let refSource: unknown = args;
  if (type === 'Condition') {
    const conds = args['Conditions'];
    if (!Array.isArray(conds) || conds.length === 0)
      throw new DefinitionError(`${w}: Arguments.Conditions must be a non-empty list`);
    try {
      refSource = conds.flatMap((c, i) => checkCondition(c, `Conditions[${i}]`));
    } catch (e) {
      throw new DefinitionError(`${w}: ${(e as Error).message}`);
    }
  } else if (type === 'Fail') {
    const msg = args['ErrorMessage'];
    if (msg !== undefined && typeof msg !== 'string' && !isObj(msg))
      throw new DefinitionError(`${w}: Arguments.ErrorMessage must be a string or an expression`);
  }
  let refs: GetTarget[];
  try {
    refs = collectReferences(refSource);
  } catch (e) {
    throw new DefinitionError(`${w}: ${(e as Error).message}`);
  }
  out.push({ def, dependsOn: dependsOn as string[], refs });
  if (type === 'Condition') {
    for (const [key, outcome] of [
      ['IfSteps', true],
      ['ElseSteps', false],
    ] as const) {
      const list = args[key] ?? [];
      if (!Array.isArray(list)) throw new DefinitionError(`${w}: Arguments.${key} must be a list of steps`);
      list.forEach((s, i) => parseStep(s, `${w} ${key}[${i}]`, out, { condition: name, outcome }));
    }
  }
}

function checkRefs(raw: RawStep, byName: Map<string, RawStep>, params: Set<string>): string[] {
  const w = `step '${raw.def.name}'`;
  const deps = new Set<string>();
  for (const d of raw.dependsOn) {
    if (!byName.has(d))
      throw new DefinitionError(`${w}: DependsOn names step '${d}', which is not in the pipeline`);
    deps.add(d);
  }
  for (const r of raw.refs) {
    if (r.kind === 'parameter' && !params.has(r.name))
      throw new DefinitionError(
        `${w}: references parameter '${r.name}', which is not declared in Parameters`,
      );
    if (r.kind === 'execution' && !(EXECUTION_VARIABLES as readonly string[]).includes(r.name))
      throw new DefinitionError(
        `${w}: Execution.${r.name} is not an execution variable (${EXECUTION_VARIABLES.join(', ')})`,
      );
    if (r.kind === 'step' || r.kind === 'propertyFile') {
      const target = byName.get(r.step);
      if (!target)
        throw new DefinitionError(`${w}: references step '${r.step}', which is not in the pipeline`);
      if (r.kind === 'propertyFile' && !target.def.propertyFiles.some((f) => f.name === r.file))
        throw new DefinitionError(
          `${w}: JsonGet reads property file '${r.file}', which step '${r.step}' does not declare in PropertyFiles`,
        );
      if (r.kind === 'step' && target.def.type === 'Fail')
        throw new DefinitionError(`${w}: a Fail step ('${r.step}') has no properties`);
      deps.add(r.step);
    }
  }
  if (raw.def.branch) deps.add(raw.def.branch.condition);
  deps.delete(raw.def.name);
  return [...deps];
}

/** Throws DefinitionError naming a cycle, if the dependencies have one. */
function checkAcyclic(steps: StepDef[]): void {
  const state = new Map<string, 1 | 2>();
  const byName = new Map(steps.map((s) => [s.name, s]));
  const visit = (name: string, path: string[]): void => {
    const st = state.get(name);
    if (st === 2) return;
    if (st === 1)
      throw new DefinitionError(`steps depend on each other in a cycle: ${[...path, name].join(' -> ')}`);
    state.set(name, 1);
    for (const d of byName.get(name)!.deps) visit(d, [...path, name]);
    state.set(name, 2);
  };
  for (const s of steps) visit(s.name, []);
}

export function parseDefinition(text: string): PipelineDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DefinitionError(`the pipeline definition is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObj(raw)) throw new DefinitionError('the pipeline definition must be a JSON object');
  const parameters = parseParameters(raw['Parameters']);
  const stepsRaw = raw['Steps'];
  if (!Array.isArray(stepsRaw) || stepsRaw.length === 0)
    throw new DefinitionError('Steps must be a non-empty list');
  const flat: RawStep[] = [];
  stepsRaw.forEach((s, i) => parseStep(s, `Steps[${i}]`, flat));
  const byName = new Map<string, RawStep>();
  for (const r of flat) {
    if (byName.has(r.def.name))
      throw new DefinitionError(`step name '${r.def.name}' is used twice; step names must be unique`);
    byName.set(r.def.name, r);
  }
  const params = new Set(parameters.map((p) => p.name));
  for (const r of flat) r.def.deps = checkRefs(r, byName, params);
  let experimentRefs: GetTarget[] = [];
  const experiment = raw['PipelineExperimentConfig'];
  if (experiment !== undefined && experiment !== null) {
    if (!isObj(experiment)) throw new DefinitionError('PipelineExperimentConfig must be an object');
    try {
      experimentRefs = collectReferences(experiment);
    } catch (e) {
      throw new DefinitionError(`PipelineExperimentConfig: ${(e as Error).message}`);
    }
    if (experimentRefs.some((r) => r.kind !== 'execution' && r.kind !== 'parameter'))
      throw new DefinitionError(
        'PipelineExperimentConfig may only reference parameters and execution variables',
      );
  }
  const steps = flat.map((r) => r.def);
  checkAcyclic(steps);
  const out: PipelineDefinition = { parameters, steps };
  if (typeof raw['Version'] === 'string') out.version = raw['Version'];
  if (isObj(experiment)) out.experimentConfig = experiment;
  return out;
}

export { ExpressionError };
