import * as core from '../core/runner.js';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, readInputs } from '../core/action.js';
import { StageFailure } from '../core/errors.js';
import { createAwsClients } from '../aws/clients.js';
import type { Clock, Sleep } from '../aws/poller.js';
import { stopOnSignal, type SignalSource } from '../core/signals.js';
import { stopTransformJob, type PollSchedule } from '../sagemaker/transform.js';
import { parseEvaluateSettings } from '../stages/evaluate/settings.js';
import { runEvaluation, type EvaluationOutcome } from '../stages/evaluate/run.js';
import { renderSummary } from '../stages/evaluate/report.js';
import { postPrComment } from '../github/pr-comment.js';
import type { Octokit } from '../github/sticky-comment.js';

/** Test seams; production uses the defaults (process signals, real time, @actions/github). */
export interface EvaluateOverrides {
  signals?: SignalSource;
  clock?: Clock;
  sleep?: Sleep;
  poll?: PollSchedule;
  stopDelay?: (ms: number) => Promise<void>;
  octokit?: (token: string) => Promise<Octokit>;
  bootstrap?: { iterations?: number; seed?: number };
}

/** The `metrics` output: flat metric → number (NaN → null), plus confusion_matrix. */
export function metricsOutput(outcome: Pick<EvaluationOutcome, 'result'>): Record<string, unknown> {
  const r = outcome.result;
  if (!r) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r.metrics)) out[k] = Number.isFinite(v) ? v : null;
  if (r.confusionMatrix) out['confusion_matrix'] = r.confusionMatrix;
  return out;
}

export async function run(overrides: EvaluateOverrides = {}): Promise<void> {
  await runAction('evaluate', async () => {
    const inputs = await readInputs('evaluate');
    const settings = parseEvaluateSettings(inputs);
    if (settings.githubToken) core.setSecret(settings.githubToken);
    for (const w of settings.warnings) core.warning(w);
    const env = process.env;

    const activeJobs = new Set<string>();
    let clients: ReturnType<typeof createAwsClients> | undefined;
    const aws = (): ReturnType<typeof createAwsClients> =>
      (clients ??= createAwsClients({ region: settings.region }));
    const guard = stopOnSignal({
      source: overrides.signals ?? process,
      what: () => (activeJobs.size ? `transform job(s) ${[...activeJobs].join(', ')}` : undefined),
      stop: async () => {
        const sm = await aws().sagemaker();
        await Promise.all([...activeJobs].map((j) => stopTransformJob(sm, j)));
      },
      log: (m) => core.info(m),
      ...(overrides.stopDelay ? { delay: overrides.stopDelay } : {}),
    });
    let outcome: EvaluationOutcome;
    try {
      const workDir = await mkdtemp(join(env['RUNNER_TEMP'] || tmpdir(), 'sagemaker-evaluate-'));
      outcome = await runEvaluation(settings, {
        env,
        aws,
        workDir,
        log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
        signal: guard.signal,
        activeJobs,
        ...(overrides.clock ? { clock: overrides.clock } : {}),
        ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
        ...(overrides.poll ? { poll: overrides.poll } : {}),
        ...(overrides.bootstrap ? { bootstrap: overrides.bootstrap } : {}),
      });
    } catch (err) {
      // The stage itself failed (e.g. a transform job failed): nothing passed.
      core.setOutput('passed', 'false');
      throw err;
    } finally {
      if (guard.received) await guard.stopped();
      guard.dispose();
    }

    const { decision } = outcome;
    const markdown = renderSummary({
      source: outcome.source,
      problemType: settings.problemType,
      result: outcome.result,
      thresholds: settings.thresholds,
      maxRegression: settings.maxRegression,
      decision,
      champion: outcome.champion
        ? { arn: outcome.champion.arn, how: outcome.championHow ?? 'not compared' }
        : undefined,
      championGroup: settings.modelPackageGroup,
      reportUri: outcome.reportUri,
      localReport: outcome.localReport,
      modelPackageArn: outcome.modelPackageArn,
      notes: outcome.notes,
    });

    core.setOutput('passed', String(decision.passed));
    core.setOutput('metrics', JSON.stringify(metricsOutput(outcome)));
    core.setOutput('report-uri', outcome.reportUri ?? '');
    core.setOutput('model-package-arn', outcome.modelPackageArn ?? '');
    core.setOutput('champion-package-arn', outcome.champion?.arn ?? '');
    core.setOutput('summary-markdown', markdown);
    // Appended directly (core.summary caches the file path of the first call in a process).
    if (env['GITHUB_STEP_SUMMARY']) await appendFile(env['GITHUB_STEP_SUMMARY'], `${markdown}\n`, 'utf8');

    await postPrComment({
      token: settings.githubToken,
      env,
      action: 'evaluate',
      identifier:
        [env['GITHUB_WORKFLOW'], env['GITHUB_JOB'], settings.modelPackageGroup].filter(Boolean).join('/') ||
        'default',
      markdown,
      log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
      ...(overrides.octokit ? { octokit: overrides.octokit } : {}),
    });

    // The deciding rule and its reason (the other reasons are in the summary).
    const first = decision.reasons[0];
    const more =
      decision.reasons.length > 1 ? ` (${decision.reasons.length - 1} more line(s) in the job summary)` : '';
    const why = first
      ? `${first.startsWith(decision.decidedBy) ? first : `${decision.decidedBy}: ${first}`}${more}`
      : decision.decidedBy;
    if (decision.forced)
      throw new StageFailure(
        `gate failed (forced by force-fail: true, after computing and reporting everything). ${why}`,
        true,
      );
    if (!decision.passed) {
      if (settings.failOnGate) throw new StageFailure(`gate failed. ${why}`);
      core.warning(`evaluate: gate failed (fail-on-gate: false, so the step stays green). ${why}`);
    } else {
      core.info(`gate passed. ${why}`);
    }
  });
}
