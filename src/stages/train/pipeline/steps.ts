/** Durations of pipeline steps. */
import type { StepView } from '../../../sagemaker/pipelines.js';

export { formatDuration } from '../../../core/render.js';

export { STEP_DONE, type StepView } from '../../../sagemaker/pipelines.js';

/** A step's duration so far (running steps: until `now`), or undefined before it started. */
export function stepDuration(step: StepView, now: number): number | undefined {
  if (step.startTime === undefined) return undefined;
  return (step.endTime ?? now) - step.startTime;
}
