/**
 * Blue/green traffic shifting as SageMaker describes it (deployment guardrails): the steps of
 * green's traffic share, each followed by a bake of WaitIntervalInSeconds. Pure.
 *   ALL_AT_ONCE: 100 %, bake.
 *   CANARY:      canary share, bake; 100 %, bake (the final bake).
 *   LINEAR:      step, 2 × step, ... 100 %, a bake after each.
 * TerminationWaitInSeconds follows the last step (blue still up, alarms still watched).
 */
type Obj = Record<string, unknown>;

export interface TrafficStep {
  /** Green's share of traffic after this step, 0 < share ≤ 1. */
  share: number;
  /** Green instances receiving traffic (for the VariantStatus messages). */
  instances: number;
  bakeSeconds: number;
}

function sizeShare(size: Obj | undefined, greenInstances: number): number {
  const value = Number(size?.['Value'] ?? 0);
  if (size?.['Type'] === 'INSTANCE_COUNT') return Math.min(1, value / Math.max(1, greenInstances));
  return Math.min(1, value / 100);
}

export function trafficSteps(routing: Obj, greenInstances: number): TrafficStep[] {
  const wait = Number(routing['WaitIntervalInSeconds'] ?? 0);
  const instancesFor = (share: number): number => Math.max(1, Math.ceil(share * greenInstances));
  const type = routing['Type'];
  if (type === 'CANARY') {
    const share = sizeShare(routing['CanarySize'] as Obj | undefined, greenInstances);
    const steps: TrafficStep[] = [];
    if (share < 1) steps.push({ share, instances: instancesFor(share), bakeSeconds: wait });
    steps.push({ share: 1, instances: greenInstances, bakeSeconds: wait });
    return steps;
  }
  if (type === 'LINEAR') {
    const step = sizeShare(routing['LinearStepSize'] as Obj | undefined, greenInstances);
    const steps: TrafficStep[] = [];
    for (let k = 1; step > 0 && k * step < 1 - 1e-9; k++)
      steps.push({ share: k * step, instances: instancesFor(k * step), bakeSeconds: wait });
    steps.push({ share: 1, instances: greenInstances, bakeSeconds: wait });
    return steps;
  }
  return [{ share: 1, instances: greenInstances, bakeSeconds: wait }];
}

/** Checks a DeploymentConfig the way UpdateEndpoint does; returns the problems found. */
export function deploymentConfigProblems(dc: Obj): string[] {
  const problems: string[] = [];
  if (dc['RollingUpdatePolicy'] !== undefined)
    problems.push('sagemaker-local emulates BlueGreenUpdatePolicy only (RollingUpdatePolicy was given)');
  const bg = dc['BlueGreenUpdatePolicy'] as Obj | undefined;
  if (bg) {
    const routing = bg['TrafficRoutingConfiguration'] as Obj | undefined;
    if (!routing) problems.push('BlueGreenUpdatePolicy.TrafficRoutingConfiguration must not be null');
    else {
      const type = routing['Type'];
      if (!['ALL_AT_ONCE', 'CANARY', 'LINEAR'].includes(String(type)))
        problems.push(
          `TrafficRoutingConfiguration.Type '${String(type)}' must be ALL_AT_ONCE, CANARY or LINEAR`,
        );
      const wait = routing['WaitIntervalInSeconds'];
      if (typeof wait !== 'number' || !Number.isInteger(wait) || wait < 0 || wait > 3600)
        problems.push('TrafficRoutingConfiguration.WaitIntervalInSeconds must be an integer from 0 to 3600');
      const checkSize = (key: 'CanarySize' | 'LinearStepSize', minPct: number, maxPct: number): void => {
        const size = routing[key] as Obj | undefined;
        if (!size) {
          problems.push(`TrafficRoutingConfiguration.${key} is required for ${String(type)}`);
          return;
        }
        const v = size['Value'];
        if (!['INSTANCE_COUNT', 'CAPACITY_PERCENT'].includes(String(size['Type'])))
          problems.push(`${key}.Type must be INSTANCE_COUNT or CAPACITY_PERCENT`);
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
          problems.push(`${key}.Value must be an integer of at least 1`);
        else if (size['Type'] === 'CAPACITY_PERCENT' && (v < minPct || v > maxPct))
          problems.push(`${key}.Value ${v} must be from ${minPct} to ${maxPct} percent of the fleet`);
      };
      if (type === 'CANARY') checkSize('CanarySize', 1, 50);
      if (type === 'LINEAR') checkSize('LinearStepSize', 10, 50);
    }
    const term = bg['TerminationWaitInSeconds'];
    if (
      term !== undefined &&
      (typeof term !== 'number' || !Number.isInteger(term) || term < 0 || term > 3600)
    )
      problems.push('BlueGreenUpdatePolicy.TerminationWaitInSeconds must be an integer from 0 to 3600');
    const max = bg['MaximumExecutionTimeoutInSeconds'];
    if (max !== undefined) {
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 600 || max > 28800)
        problems.push(
          'BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds must be an integer from 600 to 28800',
        );
      else if (max <= Number(term ?? 0) + Number(routing?.['WaitIntervalInSeconds'] ?? 0))
        problems.push(
          'BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds must be greater than TerminationWaitInSeconds + WaitIntervalInSeconds',
        );
    }
  }
  const arc = dc['AutoRollbackConfiguration'] as Obj | undefined;
  if (arc !== undefined) {
    const alarms = arc['Alarms'];
    if (!Array.isArray(alarms) || alarms.length < 1 || alarms.length > 10)
      problems.push('AutoRollbackConfiguration.Alarms must list 1 to 10 alarms');
  }
  return problems;
}
