/** Durations of pipeline steps. */
import type { StepView } from '../../../sagemaker/pipelines.js';

export { STEP_DONE, type StepView } from '../../../sagemaker/pipelines.js';

/** `12.3 s`, `4 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const total = Math.round(s);
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

/** A step's duration so far (running steps: until `now`), or undefined before it started. */
export function stepDuration(step: StepView, now: number): number | undefined {
  if (step.startTime === undefined) return undefined;
  return (step.endTime ?? now) - step.startTime;
}
