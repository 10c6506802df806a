import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { StepDef } from '../../../../local/pipelines/definition.js';
import {
  plan,
  runSchedule,
  type PlanStatus,
  type StepResult,
} from '../../../../local/pipelines/scheduler.js';

const step = (name: string, deps: string[] = [], branch?: StepDef['branch']): StepDef => ({
  name,
  type: 'Processing',
  arguments: {},
  deps,
  propertyFiles: [],
  ...(branch ? { branch } : {}),
});

const state = (
  status: Record<string, PlanStatus>,
  outcomes: Record<string, boolean> = {},
  stopRequested = false,
) => ({
  status: new Map(Object.entries(status)),
  outcomes: new Map(Object.entries(outcomes)),
  stopRequested,
});

describe('plan', () => {
  const diamond = [step('A'), step('B', ['A']), step('C', ['A']), step('D', ['B', 'C'])];

  test('dependency order, independent steps together, up to the parallelism limit', () => {
    expect(plan(diamond, state({}), Infinity)).toEqual({ start: ['A'], skip: [] });
    expect(plan(diamond, state({ A: 'Succeeded' }), Infinity).start).toEqual(['B', 'C']);
    expect(plan(diamond, state({ A: 'Succeeded' }), 1).start).toEqual(['B']);
    expect(plan(diamond, state({ A: 'Succeeded', B: 'Executing' }), 1).start).toEqual([]);
    expect(plan(diamond, state({ A: 'Succeeded', B: 'Succeeded', C: 'Executing' }), 5).start).toEqual([]);
    expect(
      plan(diamond, state({ A: 'Succeeded', B: 'Succeeded', C: 'Succeeded', D: 'Succeeded' }), 5).done,
    ).toBe('Succeeded');
  });

  test('a failure starts nothing new, waits for running steps, then ends Failed', () => {
    const s = state({ A: 'Succeeded', B: 'Failed', C: 'Executing' });
    expect(plan(diamond, s, Infinity)).toEqual({ start: [], skip: [] });
    expect(plan(diamond, state({ A: 'Succeeded', B: 'Failed', C: 'Succeeded' }), Infinity).done).toBe(
      'Failed',
    );
  });

  test('a stop starts nothing new and ends Stopped once nothing runs', () => {
    expect(plan(diamond, state({ A: 'Executing' }, {}, true), 3)).toEqual({ start: [], skip: [] });
    expect(plan(diamond, state({ A: 'Stopped' }, {}, true), 3).done).toBe('Stopped');
    expect(plan(diamond, state({ A: 'Stopped' }), 3).done).toBe('Stopped');
  });

  test('condition branches: the other branch and whatever depends on it never run', () => {
    const steps = [
      step('Cond'),
      step('Yes', ['Cond'], { condition: 'Cond', outcome: true }),
      step('No', ['Cond'], { condition: 'Cond', outcome: false }),
      step('AfterYes', ['Yes']),
      step('AfterNo', ['No']),
    ];
    const p = plan(steps, state({ Cond: 'Succeeded' }, { Cond: true }), Infinity);
    expect(p.skip.sort()).toEqual(['AfterNo', 'No']);
    expect(p.start).toEqual(['Yes']);
    const done = plan(
      steps,
      state(
        { Cond: 'Succeeded', Yes: 'Succeeded', AfterYes: 'Succeeded', No: 'Skipped', AfterNo: 'Skipped' },
        { Cond: true },
      ),
      9,
    );
    expect(done.done).toBe('Succeeded');
  });

  test('properties: never starts a step before its deps succeeded; never exceeds the limit', () => {
    const arb = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.array(fc.nat(n), { maxLength: 3 }), { minLength: n, maxLength: n }),
        fc.array(fc.constantFrom<PlanStatus | undefined>(undefined, 'Executing', 'Succeeded', 'Failed'), {
          minLength: n,
          maxLength: n,
        }),
        fc.integer({ min: 1, max: 4 }),
      ),
    );
    fc.assert(
      fc.property(arb, ([n, depIdx, statuses, limit]) => {
        // deps only on earlier steps: acyclic by construction
        const steps = Array.from({ length: n }, (_, i) =>
          step(`S${i}`, [...new Set(depIdx[i]!.filter((d) => d < i).map((d) => `S${d}`))]),
        );
        const status: Record<string, PlanStatus> = {};
        statuses.forEach((s, i) => {
          if (s) status[`S${i}`] = s;
        });
        const p = plan(steps, state(status), limit);
        const executing = Object.values(status).filter((s) => s === 'Executing').length;
        expect(p.start.length).toBeLessThanOrEqual(Math.max(0, limit - executing));
        for (const name of p.start) {
          expect(status[name]).toBeUndefined();
          for (const d of steps.find((s) => s.name === name)!.deps) expect(status[d]).toBe('Succeeded');
        }
        if (Object.values(status).includes('Failed')) expect(p.start).toEqual([]);
        if (p.done === 'Succeeded') expect(Object.keys(status).length).toBe(n);
      }),
    );
  });
});

describe('runSchedule', () => {
  test('runs a DAG in order with real concurrency and propagates a failure', async () => {
    const events: string[] = [];
    const steps = [step('A'), step('B', ['A']), step('C', ['A']), step('D', ['B', 'C'])];
    const result = await runSchedule(
      steps,
      {
        async runStep(s): Promise<StepResult> {
          events.push(`start ${s.name}`);
          await new Promise((r) => setTimeout(r, s.name === 'B' ? 20 : 1));
          events.push(`end ${s.name}`);
          return { status: s.name === 'C' ? 'Failed' : 'Succeeded' };
        },
      },
      { maxParallel: 10, stop: new AbortController().signal },
    );
    expect(result).toBe('Failed');
    expect(events).toEqual(['start A', 'end A', 'start B', 'start C', 'end C', 'end B']);
  });

  test('a stop aborts running steps and ends Stopped; a throwing step counts as Failed', async () => {
    const controller = new AbortController();
    const steps = [step('A'), step('B', ['A'])];
    const started: string[] = [];
    const result = await runSchedule(
      steps,
      {
        runStep(s, signal) {
          started.push(s.name);
          setTimeout(() => controller.abort(), 1);
          return new Promise((resolve) =>
            signal.addEventListener('abort', () => resolve({ status: 'Stopped' })),
          );
        },
      },
      { maxParallel: 1, stop: controller.signal },
    );
    expect(result).toBe('Stopped');
    expect(started).toEqual(['A']);
    const failed = await runSchedule(
      [step('X')],
      { runStep: () => Promise.reject(new Error('boom')) },
      { maxParallel: 1, stop: new AbortController().signal },
    );
    expect(failed).toBe('Failed');
  });

  test('skipped steps are reported and conditions pick their branch', async () => {
    const steps = [
      step('Cond'),
      step('Yes', ['Cond'], { condition: 'Cond', outcome: true }),
      step('No', ['Cond'], { condition: 'Cond', outcome: false }),
    ];
    const ran: string[] = [];
    const skipped: string[] = [];
    const result = await runSchedule(
      steps,
      {
        runStep: async (s) => {
          ran.push(s.name);
          return s.name === 'Cond' ? { status: 'Succeeded', outcome: false } : { status: 'Succeeded' };
        },
        onSkip: (s) => skipped.push(s.name),
      },
      { maxParallel: 2, stop: new AbortController().signal },
    );
    expect(result).toBe('Succeeded');
    expect(ran).toEqual(['Cond', 'No']);
    expect(skipped).toEqual(['Yes']);
  });
});
