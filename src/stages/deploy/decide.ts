/**
 * The rollout decision, as pure functions over plain data: given what DescribeEndpoint says (and
 * which rollback alarms were seen in ALARM), did the rollout succeed, roll back, fail, or end on a
 * config nobody asked for? A rolled-back deployment is never a success: only InService on the
 * requested config is.
 */

import type { EndpointView } from '../../sagemaker/endpoints.js';

export type { EndpointView, VariantView } from '../../sagemaker/endpoints.js';

export interface RolloutExpectation {
  endpointName: string;
  requestedConfig: string;
  /** The config the endpoint served before (undefined for a new endpoint). */
  previousConfig: string | undefined;
  rollbackAlarms: string[];
}

export type RolloutOutcome =
  | { kind: 'in-progress' }
  | { kind: 'succeeded'; serving: string }
  | { kind: 'rolled-back'; serving: string; alarm: string | undefined; reason: string }
  | { kind: 'failed'; status: string; reason: string; serving: string | undefined }
  | { kind: 'wrong-config'; serving: string | undefined; reason: string | undefined };

/** Statuses SageMaker moves through on its own; anything else is an end state. */
export const IN_PROGRESS_STATUSES: readonly string[] = [
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
];

/** The rollback alarm a FailureReason names (the longest name that occurs in it), if any. */
export function alarmNamedIn(reason: string | undefined, alarms: readonly string[]): string | undefined {
  if (!reason) return undefined;
  return [...alarms].sort((a, b) => b.length - a.length).find((a) => reason.includes(a));
}

export function decideRollout(
  view: EndpointView,
  exp: RolloutExpectation,
  alarmsSeenInAlarm: readonly string[] = [],
): RolloutOutcome {
  if (IN_PROGRESS_STATUSES.includes(view.status)) return { kind: 'in-progress' };
  const serving = view.configName;
  if (view.status === 'InService') {
    if (serving === exp.requestedConfig) return { kind: 'succeeded', serving };
    if (serving !== undefined && serving === exp.previousConfig) {
      const alarm =
        alarmNamedIn(view.failureReason, exp.rollbackAlarms) ??
        alarmsSeenInAlarm.find((a) => exp.rollbackAlarms.includes(a));
      return {
        kind: 'rolled-back',
        serving,
        alarm,
        reason: view.failureReason ?? 'SageMaker gave no FailureReason',
      };
    }
    return { kind: 'wrong-config', serving, reason: view.failureReason };
  }
  return {
    kind: 'failed',
    status: view.status,
    reason:
      view.failureReason ??
      (view.status === 'Failed'
        ? 'SageMaker gave no FailureReason'
        : `unexpected endpoint status ${view.status}`),
    serving: view.status === 'Failed' ? undefined : serving,
  };
}

/** The first end state of a sequence of observations (what the waiter acts on). */
export function settle(
  views: readonly EndpointView[],
  exp: RolloutExpectation,
  alarmsSeenInAlarm: readonly string[] = [],
): RolloutOutcome {
  for (const v of views) {
    const o = decideRollout(v, exp, alarmsSeenInAlarm);
    if (o.kind !== 'in-progress') return o;
  }
  return { kind: 'in-progress' };
}

/** The one-line verdict for the step log and the failure message (untrusted parts marked by the caller). */
export function outcomeMessage(o: RolloutOutcome, exp: RolloutExpectation): string {
  const ep = `endpoint ${exp.endpointName}`;
  switch (o.kind) {
    case 'in-progress':
      return `${ep}: the rollout to ${exp.requestedConfig} has not finished`;
    case 'succeeded':
      return `${ep} is InService on ${o.serving}`;
    case 'rolled-back':
      return (
        `${ep} ROLLED BACK: ${o.alarm ? `alarm ${o.alarm} fired` : 'no rollback alarm was identified'}; ` +
        `it serves the previous config ${o.serving}, not ${exp.requestedConfig}. SageMaker says: ${o.reason}`
      );
    case 'failed':
      return (
        `${ep} ended ${o.status}: ${o.reason}` +
        (o.serving
          ? `; it serves ${o.serving}`
          : o.status === 'Failed'
            ? '; it serves nothing (a Failed endpoint can only be deleted)'
            : '')
      );
    case 'wrong-config':
      return (
        `${ep} is InService on ${o.serving ?? 'no config'}, which is neither the requested ${exp.requestedConfig}` +
        ` nor the previous ${exp.previousConfig ?? '(none)'}: another deployment changed it` +
        (o.reason ? `. SageMaker says: ${o.reason}` : '')
      );
  }
}
