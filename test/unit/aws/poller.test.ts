import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  DEFAULT_BUDGET_INTERVAL_MS,
  POLL_INTERVAL_ENV,
  fixedSchedule,
  nextDelay,
  pollIntervalFromEnv,
  pollUntil,
  systemSleep,
} from '../../../src/aws/poller.js';
import { ConfigurationError } from '../../../src/core/errors.js';
import { fakeTime } from '../../helpers/fake-time.js';

const bounds = { minDelayMs: 2000, maxDelayMs: 30000 };

describe('nextDelay (pure schedule)', () => {
  test('never below min; never above max unless the budget asks for more; hurry gives the earliest allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(10 * 86_400_000),
        fc.boolean(),
        (attempt, elapsed, hurry) => {
          const d = nextDelay(attempt, elapsed, { ...bounds, hurry });
          const budget = Math.max(0, attempt * DEFAULT_BUDGET_INTERVAL_MS - elapsed);
          expect(d).toBeGreaterThanOrEqual(Math.max(bounds.minDelayMs, budget));
          expect(d).toBeLessThanOrEqual(Math.max(bounds.maxDelayMs, budget));
          if (hurry) expect(d).toBe(Math.max(bounds.minDelayMs, budget));
        },
      ),
    );
  });

  test('backs off with the time already spent (never shrinks as elapsed grows, budget aside)', () => {
    fc.assert(
      fc.property(fc.nat(86_400_000), fc.nat(86_400_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (e: number) => nextDelay(1, e, { ...bounds, hurry: false, budgetIntervalMs: 0 });
        expect(at(lo)).toBeLessThanOrEqual(at(hi));
      }),
    );
    expect(nextDelay(100, 60 * 60_000, { ...bounds, hurry: false })).toBe(30000);
  });
});

/** A job that ends at `endMs` after polling starts. */
function jobEndingAt(endMs: number, clock: { now(): number }, start: number) {
  let describes = 0;
  return {
    get describes() {
      return describes;
    },
    describe: async () => {
      describes++;
      return clock.now() - start >= endMs ? 'Completed' : 'InProgress';
    },
  };
}

describe('pollUntil', () => {
  test('returns done with the terminal value and calls onUpdate after every describe', async () => {
    const t = fakeTime();
    const start = t.clock.now();
    const job = jobEndingAt(25_000, t.clock, start);
    const updates: string[] = [];
    const res = await pollUntil({
      describe: job.describe,
      isDone: (v) => v === 'Completed',
      onUpdate: (v) => void updates.push(v),
      clock: t.clock,
      sleep: t.sleep,
    });
    expect(res).toEqual({ state: 'done', value: 'Completed' });
    expect(updates.length).toBe(job.describes);
    expect(updates.at(-1)).toBe('Completed');
    expect(t.clock.now() - start).toBeGreaterThanOrEqual(25_000);
  });

  test('a long job: at most one describe per 5 s on average, and the end is noticed within the cap', async () => {
    const t = fakeTime();
    const start = t.clock.now();
    const job = jobEndingAt(20 * 60_000, t.clock, start);
    await pollUntil({
      describe: job.describe,
      isDone: (v) => v === 'Completed',
      clock: t.clock,
      sleep: t.sleep,
    });
    const elapsed = t.clock.now() - start;
    expect(job.describes).toBeLessThanOrEqual(elapsed / 5000);
    expect(elapsed - 20 * 60_000).toBeLessThanOrEqual(30_000);
  });

  test('hurry raised during a long wait cuts it short (the end is then seen within ~min delay)', async () => {
    const t = fakeTime();
    const start = t.clock.now();
    const end = 10 * 60_000 + 1234;
    const job = jobEndingAt(end, t.clock, start);
    let ticks = 0;
    await pollUntil({
      describe: job.describe,
      isDone: (v) => v === 'Completed',
      onTick: () => void ticks++,
      hurry: () => t.clock.now() - start >= end - 1000, // "the logs say it is finishing"
      clock: t.clock,
      sleep: t.sleep,
    });
    expect(t.clock.now() - start - end).toBeLessThanOrEqual(4000);
    expect(ticks).toBeGreaterThan(0);
  });

  test('timeout: stops after timeoutMs with one last describe', async () => {
    const t = fakeTime();
    const start = t.clock.now();
    const job = jobEndingAt(Infinity, t.clock, start);
    const res = await pollUntil({
      describe: job.describe,
      isDone: (v) => v === 'Completed',
      timeoutMs: 60_000,
      clock: t.clock,
      sleep: t.sleep,
    });
    expect(res).toEqual({ state: 'timeout', value: 'InProgress' });
    expect(t.clock.now() - start).toBe(60_000);
  });

  test('timeout: a job that finished during the last wait is done, not timed out', async () => {
    const t = fakeTime();
    const start = t.clock.now();
    const job = jobEndingAt(59_000, t.clock, start);
    const res = await pollUntil({
      describe: job.describe,
      isDone: (v) => v === 'Completed',
      timeoutMs: 60_000,
      minDelayMs: 30_000,
      maxDelayMs: 30_000,
      clock: t.clock,
      sleep: t.sleep,
    });
    expect(res.state).toBe('done');
  });

  test('abort: returns aborted with the last value, without another describe', async () => {
    const t = fakeTime();
    const ctl = new AbortController();
    let n = 0;
    const res = await pollUntil({
      describe: async () => {
        n++;
        if (n === 3) ctl.abort();
        return 'InProgress';
      },
      isDone: () => false,
      signal: ctl.signal,
      clock: t.clock,
      sleep: t.sleep,
    });
    expect(res).toEqual({ state: 'aborted', value: 'InProgress' });
    expect(n).toBe(3);
  });

  test('describe errors propagate', async () => {
    const t = fakeTime();
    await expect(
      pollUntil({
        describe: async () => Promise.reject(new Error('AccessDenied')),
        isDone: () => false,
        clock: t.clock,
        sleep: t.sleep,
      }),
    ).rejects.toThrow('AccessDenied');
  });

  test('systemSleep resolves early on abort', async () => {
    const ctl = new AbortController();
    const p = systemSleep(60_000, ctl.signal);
    ctl.abort();
    await expect(p).resolves.toBeUndefined();
    await expect(systemSleep(0)).resolves.toBeUndefined();
  });
});

describe('a fixed poll interval (SAGEMAKER_ACTIONS_POLL_INTERVAL)', () => {
  test('parses durations (a bare number is milliseconds); unset or empty means the adaptive schedule', () => {
    expect(pollIntervalFromEnv({})).toBeUndefined();
    expect(pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: '  ' })).toBeUndefined();
    expect(pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: '500ms' })).toBe(500);
    expect(pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: '2s' })).toBe(2000);
    expect(pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: '250' })).toBe(250);
  });

  test('a malformed or out-of-range value is a ConfigurationError naming the variable and the fix', () => {
    for (const bad of ['fast', '5x', '0', '50ms', '2m']) {
      expect(() => pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: bad })).toThrow(ConfigurationError);
      expect(() => pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: bad })).toThrow(POLL_INTERVAL_ENV);
    }
    expect(() => pollIntervalFromEnv({ [POLL_INTERVAL_ENV]: '2m' })).toThrow(/100ms to 60s/);
  });

  test('the fixed schedule describes every interval: no budget wait, no back-off, hurried or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 60_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(3_600_000),
        fc.boolean(),
        (ms, attempt, extra, hurry) => {
          // pollUntil sleeps at least the interval between describes, so elapsed >= (attempt - 1) * ms.
          const elapsed = (attempt - 1) * ms + extra;
          expect(nextDelay(attempt, elapsed, { ...fixedSchedule(ms), hurry })).toBe(ms);
        },
      ),
    );
  });

  test('pollUntil on the fixed schedule notices the end within one interval, however long the job ran', async () => {
    for (const end of [1_234, 20_000, 20 * 60_000]) {
      const t = fakeTime();
      const start = t.clock.now();
      const job = jobEndingAt(end, t.clock, start);
      await pollUntil({
        describe: job.describe,
        isDone: (v) => v === 'Completed',
        ...fixedSchedule(500),
        clock: t.clock,
        sleep: t.sleep,
      });
      const late = t.clock.now() - start - end;
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThanOrEqual(500);
    }
  });
});
