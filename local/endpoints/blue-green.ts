/**
 * A blue/green endpoint update as SageMaker performs it: green fleet up, traffic shifted in the
 * steps of traffic.ts with a bake after each, the termination wait, then blue drained and
 * stopped; the AutoRollbackConfiguration alarms, an unhealthy green fleet or the execution
 * timeout roll it back to blue (InService on the old config with a FailureReason).
 */
import type { LocalContext } from '../context.js';
import { truncateReason } from '../jobs/common.js';
import { captureSummary, type EndpointEngine, type EndpointRuntime } from './engine.js';
import { launchFleet, stopFleet, type Fleet } from './fleet.js';
import { trafficSteps } from './traffic.js';

type Obj = Record<string, unknown>;

export async function blueGreen(
  engine: EndpointEngine,
  ctx: LocalContext,
  name: string,
  rt: EndpointRuntime,
  newConfigName: string,
  deploymentConfig: Obj | undefined,
): Promise<void> {
  await rt.ready;
  const started = ctx.now();
  const newConfig = engine.configOf(newConfigName);
  const bg = (deploymentConfig?.['BlueGreenUpdatePolicy'] as Obj | undefined) ?? {
    TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
  };
  const routing = (bg['TrafficRoutingConfiguration'] as Obj | undefined) ?? {};
  const alarms = (
    ((deploymentConfig?.['AutoRollbackConfiguration'] as Obj | undefined)?.['Alarms'] as Obj[] | undefined) ??
    []
  ).map((a) => String(a['AlarmName']));
  const termination = Number(bg['TerminationWaitInSeconds'] ?? 0);
  const deadline = Date.now() + Number(bg['MaximumExecutionTimeoutInSeconds'] ?? 28_800) * 1000;
  const greenInstances = (newConfig['ProductionVariants'] as Obj[]).reduce(
    (s, v) => s + Number(v['InitialInstanceCount'] ?? 1),
    0,
  );
  const pending = (status: (v: string) => Obj[]): void =>
    engine.patch(name, {
      PendingDeploymentSummary: {
        EndpointConfigName: newConfigName,
        ProductionVariants: engine.variantSummaries(newConfig, status),
        StartTime: started,
      },
    });
  const vstatus = (s: string, msg: string) => (): Obj[] => [
    { Status: s, StatusMessage: msg, StartTime: ctx.now() },
  ];

  const rollback = async (reason: string): Promise<void> => {
    rt.greenShare = 0;
    const green = rt.green;
    rt.green = undefined;
    if (green) await stopFleet(green);
    engine.patch(name, { EndpointStatus: 'InService', FailureReason: truncateReason(reason) }, [
      'PendingDeploymentSummary',
    ]);
    ctx.logger.info(`endpoint ${name}: update to ${newConfigName} rolled back: ${reason}`);
  };

  pending(vstatus('Creating', `Launching ${greenInstances} instance(s).`));
  let green: Fleet;
  try {
    green = await launchFleet(ctx, name, newConfig);
  } catch (err) {
    if (!ctx.closing) await rollback(`Failed to update endpoint: ${(err as Error).message}`);
    return;
  }
  if (rt.abort.signal.aborted || ctx.closing) {
    await stopFleet(green, 0);
    return;
  }
  rt.green = green;
  const steps = trafficSteps(routing, greenInstances);
  const alarmReason = (alarm: string): string =>
    `Endpoint update to ${newConfigName} was rolled back because CloudWatch alarm ${alarm} entered ALARM state during the deployment. The endpoint serves ${String(ctx.state.endpoints.get(name)?.['EndpointConfigName'])} again.`;
  const stopWhy = async (why: Awaited<ReturnType<EndpointEngine['bake']>>): Promise<boolean> => {
    if (why === undefined) return false;
    if (why === 'aborted') return true;
    if (why === 'timeout')
      await rollback(
        `Endpoint update to ${newConfigName} was rolled back because it exceeded MaximumExecutionTimeoutInSeconds (${String(bg['MaximumExecutionTimeoutInSeconds'])}).`,
      );
    else await rollback(alarmReason(why.alarm));
    return true;
  };
  // An alarm already in ALARM when traffic would start moving stops the update at once.
  if (await stopWhy(await engine.bake(rt, 0, alarms, deadline))) return;
  for (const step of steps) {
    pending(
      vstatus(
        'ActivatingTraffic',
        step.share < 1
          ? `Activating traffic on canary capacity of ${step.instances} instance(s).`
          : `Activating traffic on full capacity of ${step.instances} instance(s).`,
      ),
    );
    rt.greenShare = step.share;
    pending(
      vstatus(
        'Baking',
        `Baking for ${step.bakeSeconds} seconds (WaitIntervalInSeconds) with traffic enabled on ${step.share < 1 ? 'canary' : 'full'} capacity of ${step.instances} instance(s).`,
      ),
    );
    if (await stopWhy(await engine.bake(rt, step.bakeSeconds, alarms, deadline))) return;
  }
  pending(
    vstatus(
      'Baking',
      `Baking for ${termination} seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of ${greenInstances} instance(s).`,
    ),
  );
  if (await stopWhy(await engine.bake(rt, termination, alarms, deadline))) return;
  // Green takes over: blue gets no new requests, drains, and is terminated.
  const blue = rt.blue;
  rt.blue = green;
  rt.green = undefined;
  rt.greenShare = 0;
  engine.patch(
    name,
    {
      EndpointStatus: 'InService',
      EndpointConfigName: newConfigName,
      ProductionVariants: engine.variantSummaries(newConfig),
      ...(captureSummary(newConfig) ? { DataCaptureConfig: captureSummary(newConfig) } : {}),
    },
    [
      'PendingDeploymentSummary',
      'FailureReason',
      ...(captureSummary(newConfig) ? [] : ['DataCaptureConfig']),
    ],
  );
  if (blue) await stopFleet(blue);
}
