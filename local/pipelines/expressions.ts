/**
 * Pipeline definition expressions, the way the SageMaker Python SDK writes them:
 *   {"Get": "Parameters.AucThreshold"}
 *   {"Get": "Execution.PipelineExecutionId"}
 *   {"Get": "Steps.Train.ModelArtifacts.S3ModelArtifacts"}
 *   {"Get": "Steps.Eval.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri"}
 *   {"Std:Join": {"On": "/", "Values": ["s3://bucket", {"Get": "Execution.PipelineExecutionId"}]}}
 *   {"Std:JsonGet": {"PropertyFile": {"Get": "Steps.Eval.PropertyFiles.Report"}, "Path": "a.b[0].c"}}
 * Pure: values come from a Scope; reading property files from S3 happens before (scheduler).
 */
type Obj = Record<string, unknown>;
export type Primitive = string | number | boolean;

export class ExpressionError extends Error {}

export const EXECUTION_VARIABLES = [
  'PipelineExecutionId',
  'PipelineExecutionArn',
  'StartDateTime',
  'CurrentDateTime',
  'PipelineName',
  'PipelineArn',
] as const;

export type Segment = { prop: string } | { index: number } | { key: string };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `a.b[0]['c'].d` -> segments; throws on anything else. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  const fail = (): never => {
    throw new ExpressionError(`'${path}' is not a valid property path (expected names, [n] or ['key'])`);
  };
  if (path.length === 0) fail();
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      if (i === 0 || /^[.[\]]?$/.test(path[i + 1] ?? '')) fail();
      i++;
      continue;
    }
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail();
      const inner = path.slice(i + 1, close).trim();
      const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(inner);
      if (quoted) out.push({ key: quoted[1] ?? quoted[2]! });
      else if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else fail();
      i = close + 1;
      continue;
    }
    const m = /^[^.[\]]+/.exec(path.slice(i));
    if (!m) fail();
    out.push({ prop: m![0] });
    i += m![0].length;
  }
  return out;
}

const showSegment = (s: Segment): string =>
  'prop' in s ? `.${s.prop}` : 'index' in s ? `[${s.index}]` : `['${s.key}']`;

/**
 * Walks a value along a path. A string key on a list picks the element whose `...Name` field has
 * that value (Outputs['evaluation'] is the output named evaluation), as SDK property paths mean.
 */
export function walk(value: unknown, segments: Segment[], what: string): unknown {
  let cur = value;
  let where = what;
  for (const s of segments) {
    let next: unknown;
    if ('index' in s) next = Array.isArray(cur) ? cur[s.index] : undefined;
    else if ('key' in s && Array.isArray(cur))
      next = cur.find(
        (el) => isObj(el) && Object.entries(el).some(([k, v]) => k.endsWith('Name') && v === s.key),
      );
    else {
      const k = 'key' in s ? s.key : s.prop;
      next = isObj(cur) && Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
    }
    where += showSegment(s);
    if (next === undefined || next === null) throw new ExpressionError(`${where} does not exist`);
    cur = next;
  }
  return cur;
}

/** Where resolved values come from. */
export interface Scope {
  parameter(name: string): Primitive | undefined;
  execution(name: string): string | undefined;
  /** PipelineExperimentConfig.ExperimentName / TrialName. */
  experiment(name: string): string | undefined;
  /** Describe-shaped properties of a finished step, or undefined if it has not run. */
  stepProperties(step: string): Obj | undefined;
  /** Parsed JSON of a step's property file, or undefined if not loaded. */
  propertyFile(step: string, file: string): unknown;
}

/** What a `Get` path points at, before any value is looked up. */
export type GetTarget =
  | { kind: 'parameter'; name: string }
  | { kind: 'execution'; name: string }
  | { kind: 'experiment'; name: string }
  | { kind: 'step'; step: string; path: Segment[] }
  | { kind: 'propertyFile'; step: string; file: string };

export function parseGet(path: string): GetTarget {
  const segments = parsePath(path);
  const head = segments[0];
  const name = (i: number): string | undefined => {
    const s = segments[i];
    return s && 'prop' in s ? s.prop : undefined;
  };
  const root = head && 'prop' in head ? head.prop : '';
  if (root === 'Parameters' && segments.length === 2 && name(1)) return { kind: 'parameter', name: name(1)! };
  if (root === 'Execution' && segments.length === 2 && name(1)) return { kind: 'execution', name: name(1)! };
  if (root === 'PipelineExperimentConfig' && segments.length === 2 && name(1))
    return { kind: 'experiment', name: name(1)! };
  if (root === 'Steps' && name(1)) {
    const step = name(1)!;
    if (name(2) === 'PropertyFiles' && segments.length === 4 && name(3))
      return { kind: 'propertyFile', step, file: name(3)! };
    // The SDK writes Steps.<name>.<property>; a `Properties.` segment after the name is accepted too.
    const rest = name(2) === 'Properties' ? segments.slice(3) : segments.slice(2);
    if (rest.length === 0) throw new ExpressionError(`'${path}' names a step but no property of it`);
    return { kind: 'step', step, path: rest };
  }
  throw new ExpressionError(
    `'${path}' is not a reference sagemaker-local knows (Parameters.<name>, Execution.<variable>, Steps.<step>.<property>, Steps.<step>.PropertyFiles.<file>)`,
  );
}

/** An expression object: exactly one key, Get / Std:Join / Std:JsonGet. */
export function expressionKind(v: unknown): 'Get' | 'Std:Join' | 'Std:JsonGet' | undefined {
  if (!isObj(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0]!;
  return k === 'Get' || k === 'Std:Join' || k === 'Std:JsonGet' ? k : undefined;
}

/** Every reference inside a value (Get paths, JsonGet property files), for validation and ordering. */
export function collectReferences(value: unknown, out: GetTarget[] = []): GetTarget[] {
  const kind = expressionKind(value);
  if (kind === 'Get') {
    const path = (value as Obj)['Get'];
    if (typeof path !== 'string')
      throw new ExpressionError(`"Get" must be a string, not ${JSON.stringify(path)}`);
    out.push(parseGet(path));
  } else if (kind === 'Std:Join') {
    const j = (value as Obj)['Std:Join'];
    if (!isObj(j) || !Array.isArray(j['Values']))
      throw new ExpressionError('"Std:Join" needs {"On": <string>, "Values": [...]}');
    collectReferences(j['Values'], out);
  } else if (kind === 'Std:JsonGet') {
    const j = (value as Obj)['Std:JsonGet'];
    const pf = isObj(j) ? j['PropertyFile'] : undefined;
    if (!isObj(j) || typeof j['Path'] !== 'string' || expressionKind(pf) !== 'Get') {
      throw new ExpressionError(
        isObj(j) && j['S3Uri'] !== undefined
          ? '"Std:JsonGet" with S3Uri (the @step decorator form) is not supported by sagemaker-local'
          : '"Std:JsonGet" needs {"PropertyFile": {"Get": "Steps.<step>.PropertyFiles.<name>"}, "Path": "<json path>"}',
      );
    }
    const target = parseGet(String((pf as Obj)['Get']));
    if (target.kind !== 'propertyFile')
      throw new ExpressionError(
        `"Std:JsonGet" PropertyFile must be {"Get": "Steps.<step>.PropertyFiles.<name>"}, not ${JSON.stringify(pf)}`,
      );
    out.push(target);
  } else if (Array.isArray(value)) {
    for (const v of value) collectReferences(v, out);
  } else if (isObj(value)) {
    for (const v of Object.values(value)) collectReferences(v, out);
  }
  return out;
}

function lookup(target: GetTarget, scope: Scope, path: string): unknown {
  switch (target.kind) {
    case 'parameter': {
      const v = scope.parameter(target.name);
      if (v === undefined) throw new ExpressionError(`pipeline parameter '${target.name}' is not defined`);
      return v;
    }
    case 'execution': {
      const v = scope.execution(target.name);
      if (v === undefined) throw new ExpressionError(`'${path}' is not an execution variable`);
      return v;
    }
    case 'experiment': {
      const v = scope.experiment(target.name);
      if (v === undefined) throw new ExpressionError(`'${path}' is not set for this execution`);
      return v;
    }
    case 'step': {
      const props = scope.stepProperties(target.step);
      if (!props) throw new ExpressionError(`step '${target.step}' has not run, so '${path}' has no value`);
      return walk(props, target.path, `Steps.${target.step}`);
    }
    case 'propertyFile':
      throw new ExpressionError(`'${path}' is a property file: read it with Std:JsonGet`);
  }
}

/** Resolves every expression inside a value (objects and lists are walked). */
export function resolveValue(value: unknown, scope: Scope): unknown {
  const kind = expressionKind(value);
  if (kind === 'Get') {
    const path = String((value as Obj)['Get']);
    return lookup(parseGet(path), scope, path);
  }
  if (kind === 'Std:Join') {
    const j = (value as Obj)['Std:Join'] as Obj;
    const on = j['On'] === undefined ? '' : j['On'];
    if (typeof on !== 'string') throw new ExpressionError('"Std:Join" On must be a string');
    return (j['Values'] as unknown[]).map((v) => joinPart(resolveValue(v, scope))).join(on);
  }
  if (kind === 'Std:JsonGet') {
    const j = (value as Obj)['Std:JsonGet'] as Obj;
    const target = parseGet(String((j['PropertyFile'] as Obj)['Get']));
    if (target.kind !== 'propertyFile') throw new ExpressionError('"Std:JsonGet" needs a property file');
    const data = scope.propertyFile(target.step, target.file);
    if (data === undefined)
      throw new ExpressionError(
        `property file '${target.file}' of step '${target.step}' is not available (the step has not run or did not write it)`,
      );
    const jsonPath = String(j['Path']).replace(/^\$\.?/, '');
    const result = walk(data, jsonPath === '' ? [] : parsePath(jsonPath), `${target.file}`);
    if (isObj(result) || Array.isArray(result))
      throw new ExpressionError(
        `JsonGet '${String(j['Path'])}' in property file '${target.file}' is an object or list, not a value`,
      );
    return result;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope));
  if (isObj(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, scope)]));
  return value;
}

function joinPart(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ExpressionError(`"Std:Join" can join strings and numbers, not ${JSON.stringify(v)}`);
}
