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
