/** Small readers for Model Monitor JSON files: each failure names the file and member. */
import { MonitorDataError } from './errors.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseJsonText(text: string | Buffer, source: string, fix: string): unknown {
  const t = text.toString();
  try {
    return JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
  } catch (err) {
    throw new MonitorDataError(`${source}: not valid JSON (${(err as Error).message}); ${fix}`);
  }
}

export function num(o: Obj, key: string, where: string, fix: string, optional = false): number | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v === 'NaN' && optional) return undefined;
  throw new MonitorDataError(
    `${where}.${key} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected a number; ${fix}`,
  );
}

export function str(o: Obj, key: string, where: string, fix: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  throw new MonitorDataError(
    `${where}.${key} is ${v === undefined ? 'missing' : JSON.stringify(v)}, expected a string; ${fix}`,
  );
}

export function obj(o: Obj, key: string, where: string, fix: string): Obj {
  const v = o[key];
  if (isObj(v)) return v;
  throw new MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : 'not an object'}; ${fix}`);
}

export function arr(o: Obj, key: string, where: string, fix: string): unknown[] {
  const v = o[key];
  if (Array.isArray(v)) return v;
  throw new MonitorDataError(`${where}.${key} is ${v === undefined ? 'missing' : 'not an array'}; ${fix}`);
}

/**
 * The text of a report file (statistics.json, constraints.json, ...): JSON.stringify(value, null, 2)
 * exactly, except that an array of numbers is written on one line. A KLL sketch's levels hold
 * thousands of numbers each; one per line made a 20-feature statistics.json about 2 MB, mostly
 * indentation, which every later check then reads and parses as its baseline.
 */
export function reportJson(value: unknown): string {
  // Number arrays are swapped for placeholders ("\u0000#<i>#" in the text) while JSON.stringify
  // indents the rest, then put back. Text from outside (feature names, category values) could
  // spell a placeholder only by holding a NUL: a document with a NUL in any key or string is
  // written plainly instead.
  const arrays: string[] = [];
  let nul = false;
  const text = JSON.stringify(
    value,
    (key, v: unknown) => {
      if (key.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) nul = true;
      if (!Array.isArray(v) || v.length === 0) return v;
      for (const x of v) if (typeof x !== 'number') return v;
      arrays.push(JSON.stringify(v));
      return `\u0000#${arrays.length - 1}#`;
    },
    2,
  );
  if (nul) return JSON.stringify(value, null, 2);
  return arrays.length === 0 ? text : text.replace(/"\\u0000#(\d+)#"/g, (_, i: string) => arrays[Number(i)]!);
}
