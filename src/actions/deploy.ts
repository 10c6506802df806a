/**
 * actions/deploy on the shared action context: the only place that reads the deploy inputs and
 * sets its outputs. The stage itself (src/stages/deploy/) takes settings and clients and returns
 * a result.
 */
import { runAction, type ActionContext } from '../core/context.js';
import { CancelledFailure, StageFailure } from '../core/errors.js';
import type { SignalSource } from '../core/signals.js';
import { createAwsClients } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import {
  GitHubDeployment,
  deploymentContext,
  githubRequest,
  type GitHubRequest,
} from '../stages/deploy/github-deployment.js';
import { runFromEnv } from '../stages/deploy/names.js';
import { deployEndpoint } from '../stages/deploy/run-endpoint.js';
import { runBatchTransform } from '../stages/deploy/run-transform.js';
import { DEPLOY_NAMES, INPUTS, OUTPUTS, parseDeploySettings } from '../stages/deploy/settings.js';
import { endpointSummary, transformSummary } from '../stages/deploy/summary.js';

/** Test seams; production uses process signals, real time, Octokit. */
export interface DeployOverrides {
  signals?: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  poll?: { minDelayMs: number; maxDelayMs: number };
  github?: (token: string) => Promise<GitHubRequest>;
  exit?: (code: number) => void;
  /** Called with the result (the bench reads its timings). */
  onResult?: (result: unknown) => void;
}

type DeployContext = ActionContext<typeof DEPLOY_NAMES>;

async function deploy(ctx: DeployContext, overrides: DeployOverrides): Promise<void> {
  const inputs = await ctx.inputs();
  const token = inputs.optional(INPUTS.githubToken);
  if (token) ctx.setSecret(token);
  const s = parseDeploySettings(inputs, ctx.env);
  ctx.failIfForced(s.forceFail);
  const { log } = ctx;
  const clients = createAwsClients({ region: s.region });
  const sm = await clients.sagemaker();
  const run = runFromEnv(ctx.env);
  const controller = new AbortController();
  const onSignal = (): void => {
    if (!controller.signal.aborted)
      log.info('cancel received: stopping the wait (the endpoint is left serving)');
    controller.abort();
  };
  ctx.signals.on('SIGINT', onSignal);
  ctx.signals.on('SIGTERM', onSignal);
  const timing = {
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    ...(overrides.poll ? { poll: overrides.poll } : {}),
    signal: controller.signal,
  };
  try {
    if (s.mode === 'batch-transform') {
      const r = await runBatchTransform(s, { sm, s3: () => clients.s3(), log, run, ...timing });
      overrides.onResult?.(r);
      ctx.setOutput(OUTPUTS.modelName, r.modelName);
      ctx.setOutput(OUTPUTS.outputUri, r.outputUri);
      ctx.setOutput(OUTPUTS.rolledBack, 'false');
      await ctx.writeSummary(transformSummary(r));
      return;
    }
    let github: GitHubDeployment | undefined;
    if (s.github) {
      const gctx = deploymentContext(
        ctx.env,
        s.github.environment,
        `https://${s.region}.console.aws.amazon.com/sagemaker/home?region=${s.region}#/endpoints/${s.endpointName}`,
        `SageMaker endpoint ${s.endpointName}`,
      );
      if (gctx)
        github = new GitHubDeployment(
          await (overrides.github ?? ((t) => githubRequest(t, ctx.env['GITHUB_API_URL'])))(s.github.token),
          gctx,
          (l) => log.warning(l),
        );
      else log.warning('GitHub deployment: skipped (GITHUB_REPOSITORY or GITHUB_SHA is not set)');
    }
    const r = await deployEndpoint(s, {
      sm,
      cw: () => clients.cloudwatch(),
      runtime: () => clients.runtime(),
      log,
      run,
      github,
      ...timing,
    });
    overrides.onResult?.(r);
    ctx.setOutput(OUTPUTS.endpointName, r.endpointName);
    ctx.setOutput(OUTPUTS.endpointConfigName, r.configName);
    ctx.setOutput(OUTPUTS.previousEndpointConfigName, r.previousConfig ?? '');
    ctx.setOutput(OUTPUTS.modelName, r.modelName);
    ctx.setOutput(OUTPUTS.rolledBack, String(r.rolledBack));
    ctx.setOutput(OUTPUTS.deploymentId, r.deploymentId !== undefined ? String(r.deploymentId) : '');
    await ctx.writeSummary(endpointSummary(r));
    if (!r.ok) {
      if (controller.signal.aborted) throw new CancelledFailure(r.message);
      throw new StageFailure(r.message);
    }
    log.untrusted(r.message);
  } finally {
    ctx.signals.removeListener('SIGINT', onSignal);
    ctx.signals.removeListener('SIGTERM', onSignal);
  }
}

export async function run(overrides: DeployOverrides = {}): Promise<void> {
  await runAction(DEPLOY_NAMES, (ctx) => deploy(ctx, overrides), {
    ...(overrides.signals ? { signals: overrides.signals } : {}),
    ...(overrides.exit ? { exit: overrides.exit } : {}),
  });
}
