import type { Clock, Sleep } from '../../src/aws/poller.js';

/** A clock that only moves when the fake sleep is called: tests never wait. */
export function fakeTime(start = 1_700_000_000_000): {
  clock: Clock;
  sleep: Sleep;
  sleeps: number[];
  advance(ms: number): void;
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleeps,
    advance(ms: number) {
      now += ms;
    },
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) return;
      now += Math.max(0, ms);
      await Promise.resolve();
    },
  };
}
