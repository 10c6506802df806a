/**
 * The monitoring scheduler: on a timer (every `intervalMs`, default 10 s), each Scheduled
 * schedule whose next time has come starts one execution (execution.ts). Time is the emulator's
 * clock (`ctx.now()`, injectable through startLocal's `clock`), so tests move time instead of
 * waiting for the hour; `tick(at)` is the same check run at once.
 *
 * Guesses (AWS documents neither): an hourly schedule runs on the hour, here as soon as the timer
 * sees it (AWS: "a delay of 0-20 minutes"); an execution starts even if the previous one still
 * runs.
 */
import type { LocalContext, Rec } from '../context.js';
import { startMonitoringExecution } from './execution.js';
import { dueSlot, parseScheduleExpression } from './schedule-expression.js';

type Obj = Record<string, unknown>;

/** Starts the schedule's due execution, if one is due at `now`; returns it. */
export function runIfDue(ctx: LocalContext, schedule: Rec, now: number): Rec | undefined {
  if (schedule['MonitoringScheduleStatus'] !== 'Scheduled') return undefined;
  const cfg = schedule['MonitoringScheduleConfig'] as Obj;
  // Guess: a schedule created without a ScheduleConfig (the model makes it optional) runs hourly.
  const expr = parseScheduleExpression(
    String(((cfg['ScheduleConfig'] ?? {}) as Obj)['ScheduleExpression'] ?? 'cron(0 * ? * * *)'),
  );
  if (!expr) return undefined;
  const from = (schedule['_scheduleFrom'] ?? schedule['LastModifiedTime']) as number;
  const slot = dueSlot(expr, from, schedule['_lastScheduledTime'] as number | undefined, now);
  if (slot === undefined) return undefined;
  const name = String(schedule['MonitoringScheduleName']);
  // Recorded first, so a second look at the same time never starts the slot twice.
  const next: Rec = { ...schedule, _lastScheduledTime: slot };
  ctx.state.monitoringSchedules.put(name, next);
  return startMonitoringExecution(ctx, next, slot);
}

/** Every schedule's due execution at `now`. */
export function runDueExecutions(ctx: LocalContext, now: number): Rec[] {
  if (ctx.closing) return [];
  return ctx.state.monitoringSchedules.values().flatMap((s) => {
    const e = runIfDue(ctx, s, now);
    return e ? [e] : [];
  });
}

export class MonitoringScheduler {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly ctx: LocalContext,
    /** 0: no timer (executions start only through tick(), or at once for NOW schedules). */
    private readonly intervalMs = 10_000,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (err) {
        this.ctx.logger.error(`monitoring scheduler: ${(err as Error).message}`);
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  /** The scheduler's check, now (at the emulator's clock, or at `at`). */
  tick(at: number = this.ctx.now()): Rec[] {
    return runDueExecutions(this.ctx, at);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
