/**
 * Model Monitor schedule expressions and analysis windows (pure). AWS documents these forms
 * (API ScheduleConfig, DG model-monitor-schedule-expression): hourly `cron(0 * ? * * *)`, daily at
 * an hour `cron(0 H ? * * *)`, every N hours from an hour `cron(0 H/N ? * * *)` (N from 1 to 24),
 * and `NOW` (one execution, immediately). DataAnalysisStartTime / DataAnalysisEndTime are ISO 8601
 * durations (pattern `^.?P.*`, e.g. `-PT1H`) added to the scheduled time; required with NOW, and
 * the end may not follow the start by more than 24 hours.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ParsedExpression =
  | { kind: 'now' }
  /** The hours of the day (UTC) at which an execution is scheduled, minute 0. */
  | { kind: 'hours'; hours: number[] };

const CRON_RE = /^cron\(0 (\*|([01]?\d|2[0-3])(\/([1-9]|1\d|2[0-4]))?) \? \* \* \*\)$/;

/** The expression's schedule, or undefined when it is not one of the documented forms. */
export function parseScheduleExpression(expr: string): ParsedExpression | undefined {
  if (expr === 'NOW') return { kind: 'now' };
  const m = CRON_RE.exec(expr);
  if (!m) return undefined;
  if (m[1] === '*') return { kind: 'hours', hours: Array.from({ length: 24 }, (_, h) => h) };
  const start = Number(m[2]);
  const step = m[4] === undefined ? undefined : Number(m[4]);
  if (step === undefined) return { kind: 'hours', hours: [start] };
  // Guess: AWS's example "Every 12 hours, starting at 5pm UTC: cron(0 17/12 ? * * *)" runs at
  // 17:00 and 05:00, so `H/N` is read as every hour congruent to H modulo N (the same as plain
  // cron's H, H+N, ... when N divides 24; for other N AWS documents nothing).
  return {
    kind: 'hours',
    hours: Array.from({ length: 24 }, (_, h) => h).filter((h) => (((h - start) % step) + step) % step === 0),
  };
}

/** The latest scheduled time at or before `at` (ms), for a cron form. */
export function latestSlot(hours: number[], at: number): number {
  const hourStart = Math.floor(at / HOUR_MS) * HOUR_MS;
  for (let t = hourStart; t > hourStart - 2 * DAY_MS; t -= HOUR_MS) {
    if (hours.includes(new Date(t).getUTCHours())) return t;
  }
  /* c8 ignore next */
  throw new Error('a schedule with no hour');
}

/** The next scheduled time strictly after `at` (ms), for a cron form. */
export function nextSlot(hours: number[], at: number): number {
  let t = Math.floor(at / HOUR_MS) * HOUR_MS + HOUR_MS;
  while (!hours.includes(new Date(t).getUTCHours())) t += HOUR_MS;
  return t;
}

/**
 * The execution due at `now`, if any. `from`: when the schedule was created, updated or started
 * (only slots after it count); `last`: the scheduled time of the newest execution it started.
 * Guesses (AWS documents neither): slots missed while the emulator was not running are not caught
 * up, only the newest one runs; a NOW schedule runs once per create/update.
 */
export function dueSlot(expr: ParsedExpression, from: number, last: number | undefined, now: number) {
  if (expr.kind === 'now') return (last === undefined || last < from) && from <= now ? from : undefined;
  const slot = latestSlot(expr.hours, now);
  return slot > from && (last === undefined || slot > last) ? slot : undefined;
}

const DURATION_RE =
  /^([+-])?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration (`-PT1H`, `-P1D`, `PT0H`, `-PT30M`) in ms, or undefined when it is not one. */
export function parseOffset(text: string): number | undefined {
  const m = DURATION_RE.exec(text);
  if (!m || text.endsWith('T') || /^[+-]?P$/.test(text)) return undefined;
  const [, sign, w, d, h, min, s] = m;
  const ms =
    Number(w ?? 0) * 7 * DAY_MS +
    Number(d ?? 0) * DAY_MS +
    Number(h ?? 0) * HOUR_MS +
    Number(min ?? 0) * 60_000 +
    Number(s ?? 0) * 1000;
  return sign === '-' ? -ms : ms;
}

export interface AnalysisWindow {
  startMs: number;
  endMs: number;
}

/**
 * The data an execution scheduled at `slot` analyses: [slot + start offset, slot + end offset).
 * Guess: without offsets, the hour before the scheduled time (what AWS's hourly examples show;
 * nothing documents the default for daily or N-hourly schedules, which therefore also analyse
 * only the last hour, as users of the real service report).
 */
export function analysisWindow(
  slot: number,
  offsets: { start?: string | undefined; end?: string | undefined },
): AnalysisWindow {
  const start = offsets.start === undefined ? -HOUR_MS : parseOffset(offsets.start);
  const end = offsets.end === undefined ? 0 : parseOffset(offsets.end);
  if (start === undefined || end === undefined) throw new Error('invalid analysis offsets');
  return { startMs: slot + start, endMs: slot + end };
}

/** What is wrong with a ScheduleConfig's offsets (undefined when they are fine). */
export function offsetProblem(start: string | undefined, end: string | undefined): string | undefined {
  for (const [name, v] of [
    ['DataAnalysisStartTime', start],
    ['DataAnalysisEndTime', end],
  ] as const) {
    if (v !== undefined && parseOffset(v) === undefined)
      return `${name} '${v}' is not an ISO 8601 duration offset such as -PT1H.`;
  }
  const s = start === undefined ? -HOUR_MS : parseOffset(start)!;
  const e = end === undefined ? 0 : parseOffset(end)!;
  if (e < s) return 'DataAnalysisEndTime must not precede DataAnalysisStartTime.';
  if (e - s > DAY_MS)
    return 'DataAnalysisEndTime must not follow DataAnalysisStartTime by more than 24 hours.';
  return undefined;
}

/** The hour folders (`yyyy/mm/dd/hh` start times) a window touches. */
export function windowHours(w: AnalysisWindow): number[] {
  const out: number[] = [];
  for (let t = Math.floor(w.startMs / HOUR_MS) * HOUR_MS; t < w.endMs; t += HOUR_MS) out.push(t);
  return out;
}

/** `yyyy/mm/dd/hh` of a time (UTC), the capture and report layouts' folders. */
export function hourPath(t: number): string {
  const d = new Date(t);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}`;
}
