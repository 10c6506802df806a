/**
 * Step-status changes as log lines: one line when a step starts, one when it ends (with its
 * duration, a cache hit, a condition's outcome), and the failure reason of a failed step as
 * untrusted text (printed with workflow commands stopped by the caller). Pure.
 */
import { STEP_DONE, formatDuration, stepDuration, type StepView } from './steps.js';

export interface ProgressLine {
  text: string;
  /** Untrusted detail (a FailureReason): the caller prints it with workflow commands stopped. */
  untrusted?: string;
}

const ICON: Record<string, string> = { Succeeded: '✔', Failed: '✖', Stopped: '■' };

/**
 * Lines for every step whose status differs from `seen` (name -> last reported status), in the
 * order the steps started; updates `seen`.
 */
export function progressLines(
  seen: Map<string, string>,
  steps: readonly StepView[],
  now: number,
): ProgressLine[] {
  const out: ProgressLine[] = [];
  const ordered = [...steps].sort((a, b) => (a.startTime ?? Infinity) - (b.startTime ?? Infinity));
  for (const s of ordered) {
    if (seen.get(s.name) === s.status) continue;
    seen.set(s.name, s.status);
    const job = s.job ? ` (${s.job.kind} job ${s.job.name})` : '';
    if (!STEP_DONE.has(s.status)) {
      out.push({ text: `▶ ${s.name}: ${s.status}${job}` });
      continue;
    }
    const d = stepDuration(s, now);
    const took = d === undefined ? '' : ` in ${formatDuration(d)}`;
    const extra = s.cachedFrom
      ? ` (cache hit: reused execution ${s.cachedFrom.split('/').pop()})`
      : s.conditionOutcome
        ? ` (condition ${s.conditionOutcome})`
        : '';
    const line: ProgressLine = { text: `${ICON[s.status]} ${s.name}: ${s.status}${took}${extra}${job}` };
    if (s.status === 'Failed' && s.failureReason) line.untrusted = s.failureReason;
    out.push(line);
  }
  return out;
}
