/**
 * Endpoint mode: the model and endpoint config created (or found again on a re-run), then either
 * CreateEndpoint or UpdateEndpoint with a DeploymentConfig (blue/green ALL_AT_ONCE / CANARY /
 * LINEAR, AutoRollbackConfiguration with the rollback alarms): SageMaker moves the traffic and
 * rolls back; this stage asks for it and verifies the outcome. A re-run of the same run attaches
 * to its own rollout instead of starting another.
 */
import type { DeploymentConfig, SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { Clock, Sleep } from '../../aws/poller.js';
import { StageFailure } from '../../core/errors.js';
import { alarmStates, defaultAlarmRequests, ensureAlarms, missingAlarms } from '../../sagemaker/alarms.js';
import {
  addTags,
  createEndpoint,
  describeEndpoint,
  endpointView,
  ensureEndpointConfig,
  updateEndpoint,
} from '../../sagemaker/endpoints.js';
import { ensureModel } from '../../sagemaker/models.js';
import { outcomeMessage, type EndpointView, type RolloutExpectation } from './decide.js';
import type { GitHubDeployment } from './github-deployment.js';
import type { Logger } from '../../core/log.js';
import { resolveModel, type ResolvedModel } from './model-source.js';
import { traceableName, type DeployRun } from './names.js';
import { DEFAULTS, type DeploySettings } from './settings.js';
import { runSmokeTest, type SmokeResult } from './smoke.js';
import { waitForRollout, type TimelineEntry, type WaitResult } from './wait-rollout.js';

export interface EndpointDeps {
  sm: SageMakerClient;
  cw: () => Promise<CloudWatchClient>;
  runtime: () => Promise<SageMakerRuntimeClient>;
  log: Logger;
  run: DeployRun;
  github: GitHubDeployment | undefined;
  signal?: AbortSignal | undefined;
  clock?: Clock;
  sleep?: Sleep;
  poll?: { minDelayMs: number; maxDelayMs: number };
}

export type Plan = 'create' | 'update' | 'attach' | 'already-serving';

export interface EndpointResult {
  ok: boolean;
  message: string;
  endpointName: string;
  configName: string;
  previousConfig: string | undefined;
  modelName: string;
  model: ResolvedModel;
  plan: Plan;
  rolledBack: boolean;
  servingNow: string | undefined;
  rollbackAlarms: string[];
  alarmFired: string | undefined;
  timeline: TimelineEntry[];
  smoke: SmokeResult | undefined;
  deploymentId: number | undefined;
  /** Clock times, for the bench: first ALARM seen, and the end of the wait. */
  firstAlarmAt: number | undefined;
  endedAt: number | undefined;
}

/** What to do given the endpoint as it is now. Pure. */
export function planFor(
  current: EndpointView | undefined,
  configName: string,
): { plan: Plan; previous: string | undefined } | { refuse: string } {
  if (!current) return { plan: 'create', previous: undefined };
  const { status } = current;
  if (status === 'InService' && current.configName === configName)
    return { plan: 'already-serving', previous: undefined };
  if (status === 'InService') return { plan: 'update', previous: current.configName };
  if (status === 'Creating' && current.configName === configName)
    return { plan: 'attach', previous: undefined };
  if (status === 'Updating' && current.pendingConfigName === configName)
    return { plan: 'attach', previous: current.configName };
  if (status === 'Failed')
    return {
      refuse: `endpoint is Failed (${current.failureReason ?? 'no reason given'}); a Failed endpoint can only be deleted: delete it (aws sagemaker delete-endpoint) and re-run`,
    };
  return {
    refuse: `endpoint is ${status}${current.pendingConfigName ? ` (rolling out ${current.pendingConfigName})` : ''}: another deployment is in progress; re-run when it has finished`,
  };
}

/** The DeploymentConfig asked of SageMaker for an update. Pure. */
export function deploymentConfig(s: DeploySettings, alarms: readonly string[]): DeploymentConfig {
  const type = s.strategy === 'canary' ? 'CANARY' : s.strategy === 'linear' ? 'LINEAR' : 'ALL_AT_ONCE';
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: {
        Type: type,
        WaitIntervalInSeconds: s.waitIntervalS,
        ...(type === 'CANARY' ? { CanarySize: { Type: 'CAPACITY_PERCENT', Value: s.canaryPercent } } : {}),
        ...(type === 'LINEAR'
          ? { LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: s.linearStepPercent } }
          : {}),
      },
      TerminationWaitInSeconds: s.bakeTimeS,
      MaximumExecutionTimeoutInSeconds: s.maxTimeS,
    },
    ...(alarms.length
      ? { AutoRollbackConfiguration: { Alarms: alarms.map((AlarmName) => ({ AlarmName })) } }
      : {}),
  };
}

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** Waits for the endpoint to settle after a smoke-test rollback. */
async function rollbackAfterSmoke(
  s: DeploySettings,
  deps: EndpointDeps,
  previous: string,
  failed: string,
): Promise<WaitResult> {
  deps.log.info(`smoke test failed: rolling ${s.endpointName} back to ${previous}`);
  await updateEndpoint(deps.sm, s.endpointName, previous, {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
      MaximumExecutionTimeoutInSeconds: s.maxTimeS,
    },
  });
  return waitForRollout(
    { endpointName: s.endpointName, requestedConfig: previous, previousConfig: failed, rollbackAlarms: [] },
    s.maxTimeS * 1000 + 600_000,
    waitDeps(s, deps, []),
  );
}

function waitDeps(s: DeploySettings, deps: EndpointDeps, alarms: string[]) {
  return {
    describe: async () => {
      const d = await describeEndpoint(deps.sm, s.endpointName);
      return d ? endpointView(d) : undefined;
    },
    alarms: async () => alarmStates(await deps.cw(), alarms),
    progress: (line: string) => deps.log.untrusted(line),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.poll ?? {}),
  };
}

export async function deployEndpoint(s: DeploySettings, deps: EndpointDeps): Promise<EndpointResult> {
  const { sm, log } = deps;
  const model = await resolveModel(sm, s.source, s.allowUnapproved, (l) => log.info(l));
  const modelName = traceableName(s.endpointName, deps.run, [model.image, model.modelDataUrl]);
  const configName = traceableName(s.endpointName, deps.run, [
    modelName,
    s.instanceType,
    s.instanceCount,
    s.dataCapture ?? null,
  ]);
  const tags = tagList({
    ...s.tags,
    'sagemaker-actions:commit': deps.run.sha ?? 'none',
    'sagemaker-actions:run': deps.run.runId ?? 'local',
  });
  const m = await ensureModel(sm, {
    name: modelName,
    image: model.image,
    modelDataUrl: model.modelDataUrl,
    roleArn: s.roleArn,
    ...(model.environment ? { environment: model.environment } : {}),
  });
  log.info(
    `model ${modelName}: ${m.created ? 'created' : 'exists (created by an earlier attempt of this run)'}`,
  );
  const c = await ensureEndpointConfig(sm, {
    name: configName,
    variant: {
      variantName: DEFAULTS.variantName,
      modelName,
      instanceType: s.instanceType,
      instanceCount: s.instanceCount,
    },
    dataCapture: s.dataCapture,
    tags,
  });
  log.info(
    `endpoint config ${configName}: ${c.created ? 'created' : 'exists (created by an earlier attempt of this run)'}`,
  );

  const before = await describeEndpoint(sm, s.endpointName);
  const decision = planFor(before ? endpointView(before) : undefined, configName);
  if ('refuse' in decision) throw new StageFailure(`endpoint ${s.endpointName}: ${decision.refuse}`);
  const { plan, previous } = decision;

  const alarms = [...s.rollbackAlarms];
  if (plan === 'update' || plan === 'attach') {
    const cw = await deps.cw();
    if (s.createDefaultAlarms) {
      const names = await ensureAlarms(
        cw,
        defaultAlarmRequests(
          s.endpointName,
          DEFAULTS.variantName,
          `${s.endpointName}-deploy`,
          s.latencyAlarmMs * 1000,
        ),
      );
      log.info(`default rollback alarms ready: ${names.join(', ')}`);
      alarms.push(...names);
    }
    const missing = await missingAlarms(cw, s.rollbackAlarms);
    if (missing.length)
      throw new StageFailure(
        `rollback-alarms: CloudWatch has no alarm named ${missing.join(', ')} in ${s.region}; create it first or fix the name (no update was started)`,
      );
  }

  const exp: RolloutExpectation = {
    endpointName: s.endpointName,
    requestedConfig: configName,
    previousConfig: previous,
    rollbackAlarms: alarms,
  };
  const deploymentId = await deps.github?.start();
  const base = {
    endpointName: s.endpointName,
    configName,
    previousConfig: previous,
    modelName,
    model,
    plan,
    rollbackAlarms: alarms,
    deploymentId,
  };

  let waited: WaitResult | undefined;
  if (plan === 'already-serving') {
    log.info(
      `endpoint ${s.endpointName} already serves ${configName} (an earlier attempt of this run deployed it)`,
    );
  } else {
    if (plan === 'create') {
      log.info(
        `creating endpoint ${s.endpointName} on ${configName} (${s.instanceCount} × ${s.instanceType})`,
      );
      await createEndpoint(sm, s.endpointName, configName, tags);
    } else if (plan === 'update') {
      log.info(
        `updating endpoint ${s.endpointName}: ${previous} → ${configName}, ${s.strategy}` +
          `${s.strategy === 'canary' ? ` ${s.canaryPercent}%` : s.strategy === 'linear' ? ` steps of ${s.linearStepPercent}%` : ''}` +
          `, wait ${s.waitIntervalS}s, bake ${s.bakeTimeS}s, at most ${s.maxTimeS}s; rollback alarms: ${alarms.join(', ') || 'none'}`,
      );
      if (alarms.length === 0)
        log.warning(
          'no rollback alarms: SageMaker can roll back only if the new fleet fails to start; set rollback-alarms or create-default-alarms: true',
        );
      await updateEndpoint(sm, s.endpointName, configName, deploymentConfig(s, alarms));
      if (tags.length && before?.EndpointArn) await addTags(sm, before.EndpointArn, tagList(s.tags));
    } else {
      log.info(`attaching to the rollout of ${configName} started by an earlier attempt of this run`);
    }
    // SageMaker's own limit plus the time a fleet takes to start.
    waited = await waitForRollout(exp, (s.maxTimeS + 900) * 1000, waitDeps(s, deps, alarms));
  }
  const endedAt = deps.clock?.now() ?? Date.now();
  const timeline = waited?.timeline ?? [];
  const outcome = waited?.outcome ?? { kind: 'succeeded' as const, serving: configName };
  /** The result, with the GitHub deployment's final status set from it. */
  const finish = async (
    ok: boolean,
    message: string,
    rest: Pick<EndpointResult, 'rolledBack' | 'servingNow' | 'alarmFired' | 'smoke'>,
  ): Promise<EndpointResult> => {
    await deps.github?.status(ok ? 'success' : 'failure', message);
    if (ok) await deps.github?.retirePrevious();
    return { ...base, ...rest, ok, message, timeline, firstAlarmAt: waited?.firstAlarmAt, endedAt };
  };

  if (outcome.kind === 'cancelled' || outcome.kind === 'timeout' || outcome.kind === 'gone') {
    const now = await describeEndpoint(sm, s.endpointName);
    const serving = now?.EndpointConfigName;
    const msg =
      outcome.kind === 'gone'
        ? `endpoint ${s.endpointName} was deleted while the rollout ran`
        : `${outcome.kind === 'cancelled' ? 'cancelled' : `the rollout did not end within max-time + 15 minutes`}: endpoint ${s.endpointName} is ${now?.EndpointStatus ?? 'gone'}` +
          (serving && now?.EndpointStatus !== 'Creating'
            ? `, serving ${serving} (healthy; blue keeps serving until SageMaker has verified ${configName}, and the rollout goes on under its rollback alarms). Nothing was deleted.`
            : '; nothing was serving before. Nothing was deleted.');
    return finish(false, msg, {
      rolledBack: false,
      servingNow: serving,
      alarmFired: undefined,
      smoke: undefined,
    });
  }

  if (outcome.kind !== 'succeeded') {
    return finish(false, outcomeMessage(outcome, exp), {
      rolledBack: outcome.kind === 'rolled-back',
      servingNow: outcome.kind === 'in-progress' ? undefined : outcome.serving,
      alarmFired: outcome.kind === 'rolled-back' ? outcome.alarm : undefined,
      smoke: undefined,
    });
  }

  let smoke: SmokeResult | undefined;
  if (s.smoke) {
    smoke = await runSmokeTest(await deps.runtime(), s.endpointName, s.smoke);
    log.untrusted(`smoke test: ${smoke.ok ? 'passed' : 'FAILED'}: ${smoke.detail}`);
    if (!smoke.ok) {
      let serving: string | undefined = configName;
      let note = `no rollback (rollback-on-smoke-failure: false); ${configName} still serves`;
      if (!s.smoke.rollbackOnFailure) {
        // keep serving the new config, as asked
      } else if (!previous) {
        note = `no previous config to roll back to (the endpoint is new); ${configName} still serves`;
      } else {
        const back = await rollbackAfterSmoke(s, deps, previous, configName);
        timeline.push(...back.timeline);
        serving = back.last?.configName;
        note =
          back.outcome.kind === 'succeeded'
            ? `rolled back: ${previous} serves again`
            : `the rollback to ${previous} did not complete (${back.outcome.kind}); the endpoint serves ${serving ?? 'nothing'}`;
      }
      return finish(false, `endpoint ${s.endpointName}: smoke test failed (${smoke.detail}); ${note}`, {
        rolledBack: serving === previous && !!previous,
        servingNow: serving,
        alarmFired: undefined,
        smoke,
      });
    }
  }
  return finish(
    true,
    `endpoint ${s.endpointName} is InService on ${configName}${plan === 'create' ? ' (new endpoint)' : previous ? ` (was ${previous})` : ''}`,
    { rolledBack: false, servingNow: configName, alarmFired: undefined, smoke },
  );
}
