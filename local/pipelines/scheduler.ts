/**
 * Runs a pipeline's steps in dependency order. `plan` is the pure decision (which steps start now,
 * which will never run, whether the execution is over); `runSchedule` drives it with a StepRunner.
 *
 * Behaviour (AWS's, where documented; guesses marked):
 * - a step starts once every step it depends on Succeeded, in definition order, at most
 *   `maxParallel` at a time (ParallelismConfiguration.MaxParallelExecutionSteps; default: all);
 * - a step in a ConditionStep's IfSteps/ElseSteps runs only on that outcome; a step that depends on
 *   a step that did not run does not run either (neither appears in ListPipelineExecutionSteps);
 * - after a step fails, no new step starts; steps already running finish (guess: AWS does not
 *   document whether it stops them), then the execution is Failed;
 * - after StopPipelineExecution, no new step starts, running steps are stopped, and the execution
 *   is Stopped once they have ended.
 */
import type { StepDef } from './definition.js';

export type StepEnd = 'Succeeded' | 'Failed' | 'Stopped';
export type PlanStatus = 'Executing' | StepEnd | 'Skipped';
export type ExecutionEnd = StepEnd;

export interface PlanState {
  /** Absent = not started yet. */
  status: ReadonlyMap<string, PlanStatus>;
  /** Outcome of each finished ConditionStep. */
  outcomes: ReadonlyMap<string, boolean>;
  stopRequested: boolean;
}

export interface Plan {
  start: string[];
  skip: string[];
  done?: ExecutionEnd;
}

/** Pure: what happens next, given the steps and what has happened so far. */
export function plan(steps: readonly StepDef[], state: PlanState, maxParallel: number): Plan {
  const status = new Map(state.status);
  const skip: string[] = [];
  // Skips cascade (a skipped condition skips its branches, which skip their dependents): fixpoint.
  for (let changed = true; changed;) {
    changed = false;
    for (const s of steps) {
      if (status.has(s.name)) continue;
      const b = s.branch;
      const branchOff =
        b !== undefined &&
        (status.get(b.condition) === 'Skipped' ||
          (status.get(b.condition) === 'Succeeded' && state.outcomes.get(b.condition) !== b.outcome));
      if (branchOff || s.deps.some((d) => status.get(d) === 'Skipped')) {
        status.set(s.name, 'Skipped');
        skip.push(s.name);
        changed = true;
      }
    }
  }
  const values = [...status.values()];
  const executing = values.filter((v) => v === 'Executing').length;
  const failed = values.includes('Failed');
  const stopped = values.includes('Stopped');
  const start: string[] = [];
  if (!state.stopRequested && !failed && !stopped) {
    const room = Math.max(0, maxParallel - executing);
    for (const s of steps) {
      if (start.length >= room) break;
      if (!status.has(s.name) && s.deps.every((d) => status.get(d) === 'Succeeded')) start.push(s.name);
    }
  }
  const out: Plan = { start, skip };
  if (executing === 0 && start.length === 0) {
    if (state.stopRequested || (stopped && !failed)) out.done = 'Stopped';
    else if (failed) out.done = 'Failed';
    else if (steps.every((s) => status.has(s.name))) out.done = 'Succeeded';
    // Not reachable for an acyclic definition (checked at create time); fail closed all the same.
    else out.done = 'Failed';
  }
  return out;
}

export interface StepResult {
  status: StepEnd;
  /** For ConditionSteps: the outcome. */
  outcome?: boolean;
}

export interface ScheduleHooks {
  /** Runs one step to its end; `signal` aborts when the execution is being stopped. */
  runStep(step: StepDef, signal: AbortSignal): Promise<StepResult>;
  onSkip?(step: StepDef): void;
}

/** Drives `plan` until the execution ends. `stop` aborts: running steps get the abort signal. */
export async function runSchedule(
  steps: readonly StepDef[],
  hooks: ScheduleHooks,
  opts: { maxParallel: number; stop: AbortSignal },
): Promise<ExecutionEnd> {
  const status = new Map<string, PlanStatus>();
  const outcomes = new Map<string, boolean>();
  const byName = new Map(steps.map((s) => [s.name, s]));
  let wake: () => void = () => {};
  const onStop = (): void => wake();
  opts.stop.addEventListener('abort', onStop);
  try {
    for (;;) {
      const next = plan(steps, { status, outcomes, stopRequested: opts.stop.aborted }, opts.maxParallel);
      for (const name of next.skip) {
        status.set(name, 'Skipped');
        hooks.onSkip?.(byName.get(name)!);
      }
      if (next.done) return next.done;
      const woken = new Promise<void>((r) => (wake = r));
      for (const name of next.start) {
        status.set(name, 'Executing');
        const step = byName.get(name)!;
        void hooks
          .runStep(step, opts.stop)
          .catch((): StepResult => ({ status: 'Failed' }))
          .then((result) => {
            status.set(name, result.status);
            if (result.outcome !== undefined) outcomes.set(name, result.outcome);
            wake();
          });
      }
      await woken;
    }
  } finally {
    opts.stop.removeEventListener('abort', onStop);
  }
}
