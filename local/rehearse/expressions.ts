/**
 * `${{ }}` evaluation with GitHub's own @actions/expressions (lexer, parser, evaluator), plus what
 * the runner adds: the status functions (success, failure, always, cancelled), the runner's
 * conversion of values to strings, and the implicit `success() &&` of `if:` conditions.
 *
 * Output contexts (`steps.<id>.outputs`, `needs.<job>.outputs`, `jobs.<job>.outputs`) are
 * {@link TrackedDictionary} objects: reading a name that nothing can set is recorded as a problem,
 * so a rehearsal fails where the runner would silently substitute an empty string.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { Expression, isTmplMap, type Tmpl } from './template.js';
import { RehearsalError } from './errors.js';

export type ExpressionData = data.ExpressionData;

/** A dictionary whose misses are reported: `label` names it in the message. */
export class TrackedDictionary extends data.Dictionary {
  constructor(
    private readonly label: string,
    private readonly onMissing: (path: string) => void,
    pairs: Record<string, unknown> = {},
  ) {
    super();
    for (const [k, v] of Object.entries(pairs)) this.add(k, toData(v));
  }

  override get(key: string): ExpressionData | undefined {
    const found = super.get(key);
    if (found === undefined) this.onMissing(`${this.label}.${key}`);
    return found;
  }
}

/** Job status as the status functions see it. */
export interface Status {
  failed: boolean;
  cancelled: boolean;
}

export interface Scope {
  /** Named contexts: plain JSON-like values or ExpressionData (e.g. tracked dictionaries). */
  contexts: Record<string, unknown>;
  status?: Status;
}

const STANDARD_CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'matrix',
  'strategy',
  'needs',
  'steps',
  'job',
  'jobs',
  'runner',
];

/** Plain value (or ExpressionData) → ExpressionData. */
export function toData(v: unknown): ExpressionData {
  if (
    v instanceof data.Dictionary ||
    v instanceof data.Array ||
    v instanceof data.StringData ||
    v instanceof data.NumberData ||
    v instanceof data.BooleanData ||
    v instanceof data.Null
  )
    return v;
  if (v === null || v === undefined) return new data.Null();
  if (typeof v === 'string') return new data.StringData(v);
  if (typeof v === 'number') return new data.NumberData(v);
  if (typeof v === 'boolean') return new data.BooleanData(v);
  if (Array.isArray(v)) return new data.Array(...v.map(toData));
  if (typeof v === 'object')
    return new data.Dictionary(
      ...Object.entries(v as Record<string, unknown>).map(([key, value]) => ({ key, value: toData(value) })),
    );
  return new data.StringData(String(v));
}

/** ExpressionData → plain JSON value. */
export function fromData(d: ExpressionData): unknown {
  return JSON.parse(JSON.stringify(d, data.replacer)) as unknown;
}

function statusFunctions(status: Status | undefined): Map<string, FunctionDefinition> {
  const s = status ?? { failed: false, cancelled: false };
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map<string, FunctionDefinition>([
    fn('success', () => !s.failed && !s.cancelled),
    fn('failure', () => s.failed),
    fn('always', () => true),
    fn('cancelled', () => s.cancelled),
    [
      'hashfiles',
      {
        name: 'hashFiles',
        minArgs: 1,
        maxArgs: 255,
        call: () => {
          throw new RehearsalError('hashFiles() is not rehearsable (it hashes files of a runner workspace)');
        },
      },
    ],
  ]);
}

/** Evaluates one expression (without `${{ }}`) to ExpressionData. */
export function evaluateData(expr: string, scope: Scope, where = ''): ExpressionData {
  const names = [...new Set([...STANDARD_CONTEXTS, ...Object.keys(scope.contexts)])];
  const functions = statusFunctions(scope.status);
  const dict = new data.Dictionary(
    ...names.map((key) => ({ key, value: toData(scope.contexts[key] ?? null) })),
  );
  try {
    const tokens = new Lexer(expr).lex().tokens;
    const ast = new Parser(tokens, names, [...functions.values()]).parse();
    return new Evaluator(ast, dict, functions).evaluate();
  } catch (err) {
    if (err instanceof RehearsalError) throw err;
    throw new RehearsalError(`${where ? `${where}: ` : ''}\${{ ${expr} }}: ${(err as Error).message}`);
  }
}

/** Evaluates a template: expressions become plain values, maps and lists recursively. */
export function evaluate(t: Tmpl | undefined, scope: Scope): unknown {
  if (t === undefined) return undefined;
  if (t instanceof Expression) return fromData(evaluateData(t.expr, scope, t.where));
  if (Array.isArray(t)) return t.map((x) => evaluate(x, scope));
  if (isTmplMap(t)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(t)) out[k] = evaluate(v, scope);
    return out;
  }
  return t;
}

/** The runner's string form of a value: null → '', booleans and numbers as written. */
export function toRunnerString(v: unknown, what: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return new data.NumberData(v).coerceString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new RehearsalError(
    `${what}: a ${Array.isArray(v) ? 'sequence' : 'mapping'} was not expected (the runner needs a string; use toJSON())`,
  );
}

/** Evaluates a template that must give a string (env values, with: inputs, run: scripts). */
export function evaluateString(t: Tmpl | undefined, scope: Scope, what: string): string {
  return toRunnerString(evaluate(t, scope), what);
}

/** Evaluates a map template whose values must be strings (env:, with:). */
export function evaluateStringMap(t: Tmpl | undefined, scope: Scope, what: string): Record<string, string> {
  if (t === undefined || t === null) return {};
  const v = t instanceof Expression ? evaluate(t, scope) : t;
  if (v instanceof Expression || !isTmplMap(v as Tmpl))
    throw new RehearsalError(`${what}: expected a mapping of name: value`);
  const out: Record<string, string> = {};
  for (const [k, item] of Object.entries(v as Record<string, Tmpl>))
    out[k] = evaluateString(item, scope, `${what}.${k}`);
  return out;
}

const STATUS_CALL = /\b(success|failure|always|cancelled)\s*\(/i;

/** The expression an `if:` really evaluates: the implicit `success() &&` when no status call. */
export function ifExpression(t: Tmpl | undefined): { expr: string; where: string } {
  if (t === undefined || t === null || t === '') return { expr: 'success()', where: '' };
  const raw = t instanceof Expression ? t.expr : typeof t === 'string' ? t : JSON.stringify(t);
  const where = t instanceof Expression ? t.where : '';
  return { expr: STATUS_CALL.test(raw) ? raw : `success() && (${raw})`, where };
}

/** Evaluates an `if:` condition as the runner does. */
export function evaluateIf(t: Tmpl | undefined, scope: Scope): boolean {
  const { expr, where } = ifExpression(t);
  return truthy(evaluateData(expr, scope, where));
}
