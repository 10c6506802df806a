/**
 * ConditionStep conditions as the SDK writes them:
 *   {"Type": "GreaterThanOrEqualTo", "LeftValue": <expr>, "RightValue": <expr>}   (Equals, GreaterThan,
 *      GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo)
 *   {"Type": "In", "QueryValue": <expr>, "Values": [<expr>, ...]}
 *   {"Type": "Not", "Expression": <condition>}
 *   {"Type": "Or", "Conditions": [<condition>, ...]}
 * The step's Conditions list is a logical AND. Pure: values are resolved through `resolve`.
 */
import { ExpressionError } from './expressions.js';

type Obj = Record<string, unknown>;
export const COMPARISONS = [
  'Equals',
  'GreaterThan',
  'GreaterThanOrEqualTo',
  'LessThan',
  'LessThanOrEqualTo',
] as const;
export const CONDITION_TYPES = [...COMPARISONS, 'In', 'Not', 'Or'] as const;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a condition's shape (at CreatePipeline time); returns its sub-values for reference checks. */
export function checkCondition(cond: unknown, where: string): unknown[] {
  if (!isObj(cond)) throw new ExpressionError(`${where} must be an object with a Type`);
  const type = cond['Type'];
  if (typeof type !== 'string' || !(CONDITION_TYPES as readonly string[]).includes(type))
    throw new ExpressionError(
      `${where}.Type ${JSON.stringify(type)} is not one of ${CONDITION_TYPES.join(', ')}`,
    );
  const need = (key: string): unknown => {
    if (!(key in cond)) throw new ExpressionError(`${where} (${type}) needs ${key}`);
    return cond[key];
  };
  if ((COMPARISONS as readonly string[]).includes(type)) return [need('LeftValue'), need('RightValue')];
  if (type === 'In') {
    const values = need('Values');
    if (!Array.isArray(values)) throw new ExpressionError(`${where}.Values must be a list`);
    return [need('QueryValue'), ...values];
  }
  if (type === 'Not') return checkCondition(need('Expression'), `${where}.Expression`);
  const list = need('Conditions');
  if (!Array.isArray(list) || list.length === 0)
    throw new ExpressionError(`${where}.Conditions must be a non-empty list`);
  return list.flatMap((c, i) => checkCondition(c, `${where}.Conditions[${i}]`));
}

const asNumber = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

function equals(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return typeof a === typeof b && a === b;
}

function compare(type: string, left: unknown, right: unknown): boolean {
  if (type === 'Equals') return equals(left, right);
  const l = asNumber(left);
  const r = asNumber(right);
  // Fail closed: an ordering of anything but two numbers (a NaN, a string from a JsonGet) is an error.
  if (l === undefined || r === undefined)
    throw new ExpressionError(
      `${type} compares numbers, got ${JSON.stringify(left)} and ${JSON.stringify(right)}`,
    );
  switch (type) {
    case 'GreaterThan':
      return l > r;
    case 'GreaterThanOrEqualTo':
      return l >= r;
    case 'LessThan':
      return l < r;
    default:
      return l <= r;
  }
}

/** Evaluates one condition; `resolve` turns an expression into its value (and may throw). */
export function evaluateCondition(cond: Obj, resolve: (v: unknown) => unknown): boolean {
  const type = String(cond['Type']);
  if ((COMPARISONS as readonly string[]).includes(type))
    return compare(type, resolve(cond['LeftValue']), resolve(cond['RightValue']));
  if (type === 'In') {
    const q = resolve(cond['QueryValue']);
    return (cond['Values'] as unknown[]).some((v) => equals(q, resolve(v)));
  }
  if (type === 'Not') return !evaluateCondition(cond['Expression'] as Obj, resolve);
  if (type === 'Or') return (cond['Conditions'] as Obj[]).some((c) => evaluateCondition(c, resolve));
  throw new ExpressionError(`unknown condition type ${type}`);
}

/** The Conditions list of a ConditionStep: true when every condition holds. */
export function evaluateConditions(conds: Obj[], resolve: (v: unknown) => unknown): boolean {
  return conds.every((c) => evaluateCondition(c, resolve));
}
