/**
 * actions/deploy: the only place that reads the deploy inputs and sets its outputs. The stage
 * itself (src/stages/deploy/) takes settings and clients and returns a result.
 */
import * as core from '../core/runner.js';
import { readInputs, runAction } from '../core/action.js';
import { StageFailure, errorMessage } from '../core/errors.js';
import { withAwsErrorName } from '../aws/error-name.js';
import { createAwsClients } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import type { SignalSource } from '../sagemaker/stop-on-signal.js';
import {
  GitHubDeployment,
  deploymentContext,
  githubRequest,
  type GitHubRequest,
} from '../stages/deploy/github-deployment.js';
import { stageLog } from '../stages/deploy/log.js';
import { runFromEnv } from '../stages/deploy/names.js';
import { deployEndpoint } from '../stages/deploy/run-endpoint.js';
import { runBatchTransform } from '../stages/deploy/run-transform.js';
import { INPUTS, OUTPUTS, parseDeploySettings } from '../stages/deploy/settings.js';
import { endpointSummary, transformSummary } from '../stages/deploy/summary.js';

/** Test seams; production uses process signals, real time, Octokit. */
export interface DeployOverrides {
  signals?: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  poll?: { minDelayMs: number; maxDelayMs: number };
  github?: (token: string) => Promise<GitHubRequest>;
  /** Called with the result (the bench reads its timings). */
  onResult?: (result: unknown) => void;
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.appendSummary(markdown);
  } catch (err) {
    core.warning(`could not write the job summary: ${errorMessage(err)}`);
  }
}

export async function run(overrides: DeployOverrides = {}): Promise<void> {
  await runAction('deploy', async () => {
    const token = core.getInput(INPUTS.githubToken);
    if (token) core.setSecret(token);
    const inputs = await readInputs('deploy');
    const s = parseDeploySettings(inputs, process.env);
    if (s.forceFail)
      throw new StageFailure('force-fail is set: this stage failed on purpose (nothing was deployed)', true);
    const log = stageLog(
      (l) => core.info(l),
      (l) => core.warning(l),
    );
    const clients = createAwsClients({ region: s.region });
    const sm = await clients.sagemaker();
    const run = runFromEnv(process.env);
    const controller = new AbortController();
    const signals = overrides.signals ?? process;
    const onSignal = (): void => {
      if (!controller.signal.aborted)
        core.info('cancel received: stopping the wait (the endpoint is left serving)');
      controller.abort();
    };
    signals.on('SIGINT', onSignal);
    signals.on('SIGTERM', onSignal);
    const timing = {
      ...(overrides.clock ? { clock: overrides.clock } : {}),
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
      ...(overrides.poll ? { poll: overrides.poll } : {}),
      signal: controller.signal,
    };
    try {
      if (s.mode === 'batch-transform') {
        const r = await withAwsErrorName(() =>
          runBatchTransform(s, { sm, s3: () => clients.s3(), log, run, ...timing }),
        );
        overrides.onResult?.(r);
        core.setOutput(OUTPUTS.modelName, r.modelName);
        core.setOutput(OUTPUTS.outputUri, r.outputUri);
        core.setOutput(OUTPUTS.rolledBack, 'false');
        await writeSummary(transformSummary(r));
        return;
      }
      let github: GitHubDeployment | undefined;
      if (s.github) {
        const ctx = deploymentContext(
          process.env,
          s.github.environment,
          `https://${s.region}.console.aws.amazon.com/sagemaker/home?region=${s.region}#/endpoints/${s.endpointName}`,
          `SageMaker endpoint ${s.endpointName}`,
        );
        if (ctx)
          github = new GitHubDeployment(
            await (overrides.github ?? ((t) => githubRequest(t, process.env['GITHUB_API_URL'])))(
              s.github.token,
            ),
            ctx,
            (l) => core.warning(l),
          );
        else core.warning('GitHub deployment: skipped (GITHUB_REPOSITORY or GITHUB_SHA is not set)');
      }
      const r = await withAwsErrorName(() =>
        deployEndpoint(s, {
          sm,
          cw: () => clients.cloudwatch(),
          runtime: () => clients.runtime(),
          log,
          run,
          github,
          ...timing,
        }),
      );
      overrides.onResult?.(r);
      core.setOutput(OUTPUTS.endpointName, r.endpointName);
      core.setOutput(OUTPUTS.endpointConfigName, r.configName);
      core.setOutput(OUTPUTS.previousEndpointConfigName, r.previousConfig ?? '');
      core.setOutput(OUTPUTS.modelName, r.modelName);
      core.setOutput(OUTPUTS.rolledBack, String(r.rolledBack));
      core.setOutput(OUTPUTS.deploymentId, r.deploymentId !== undefined ? String(r.deploymentId) : '');
      await writeSummary(endpointSummary(r));
      if (!r.ok) throw new StageFailure(r.message);
      log.untrusted(r.message);
    } finally {
      signals.removeListener('SIGINT', onSignal);
      signals.removeListener('SIGTERM', onSignal);
    }
  });
}
