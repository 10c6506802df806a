import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionContext } from '../core/context.js';
import { escapeMarkdown } from '../core/render.js';
import { StageFailure } from '../core/errors.js';
import { stopOnSignal, type SignalSource } from '../core/signals.js';
import { createAwsClients } from '../aws/clients.js';
import { fixedSchedule, pollIntervalFromEnv, type Clock, type Sleep } from '../aws/poller.js';
import { stopTransformJob, type PollSchedule } from '../sagemaker/transform.js';
import { EVALUATE_NAMES, parseEvaluateSettings } from '../stages/evaluate/settings.js';
import { warmWorkers } from '../workers/pool.js';
import { runEvaluation, type EvaluationOutcome } from '../stages/evaluate/run.js';
import { evaluateOutputs, gateVerdict, renderSummary } from '../stages/evaluate/report.js';
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
  exit?: (code: number) => void;
}

type EvaluateContext = ActionContext<typeof EVALUATE_NAMES>;

async function evaluate(ctx: EvaluateContext, overrides: EvaluateOverrides): Promise<void> {
  const settings = parseEvaluateSettings(await ctx.inputs());
  if (settings.githubToken) ctx.setSecret(settings.githubToken);
  const { log, env } = ctx;
  const pollInterval = pollIntervalFromEnv(env);
  for (const w of settings.warnings) log.warning(w);
  if (settings.forceFail) ctx.setOutput('passed', 'false');
  ctx.failIfForced(settings.forceFail);
  // Labels and predictions are read (and big evaluations computed) on two threads: start the
  // worker now, so its start-up overlaps finding and downloading the files.
  if (settings.source.kind !== 'evaluation-report') warmWorkers(1);

  const activeJobs = new Set<string>();
  let clients: ReturnType<typeof createAwsClients> | undefined;
  const aws = (): ReturnType<typeof createAwsClients> =>
    (clients ??= createAwsClients({ region: settings.region }));
  const guard = stopOnSignal({
    source: ctx.signals,
    what: () => (activeJobs.size ? `transform job(s) ${[...activeJobs].join(', ')}` : undefined),
    stop: async () => {
      const sm = await aws().sagemaker();
      await Promise.all([...activeJobs].map((j) => stopTransformJob(sm, j)));
    },
    log: (m) => log.info(m),
    ...(overrides.stopDelay ? { delay: overrides.stopDelay } : {}),
  });
  let outcome: EvaluationOutcome;
  // Scratch space (downloads, transform inputs and outputs), removed whatever happens.
  const workDir = await mkdtemp(join(env['RUNNER_TEMP'] || tmpdir(), 'sagemaker-evaluate-'));
  try {
    outcome = await runEvaluation(settings, {
      env,
      aws,
      workDir,
      log,
      signal: guard.signal,
      activeJobs,
      ...(overrides.clock ? { clock: overrides.clock } : {}),
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
      ...(overrides.poll
        ? { poll: overrides.poll }
        : pollInterval
          ? { poll: fixedSchedule(pollInterval) }
          : {}),
      ...(overrides.bootstrap ? { bootstrap: overrides.bootstrap } : {}),
    });
  } catch (err) {
    // The stage itself failed (e.g. a transform job failed): nothing passed.
    ctx.setOutput('passed', 'false');
    throw err;
  } finally {
    if (guard.received) await guard.stopped();
    guard.dispose();
    await rm(workDir, { recursive: true, force: true });
  }

  const markdown = renderSummary({
    source: outcome.source,
    problemType: settings.problemType,
    result: outcome.result,
    thresholds: settings.thresholds,
    maxRegression: settings.maxRegression,
    decision: outcome.decision,
    champion: outcome.champion
      ? { arn: outcome.champion.arn, how: outcome.championHow ?? 'not compared' }
      : undefined,
    championGroup: settings.modelPackageGroup,
    reportUri: outcome.reportUri,
    localReport: outcome.localReport,
    modelPackageArn: outcome.modelPackageArn,
    notes: outcome.notes,
  });
  const outputs = evaluateOutputs(outcome, markdown);
  for (const name of EVALUATE_NAMES.outputs) ctx.setOutput(name, outputs[name]);
  // The comment first, then the job summary once, with the reason when the PR does not show it.
  const comment = await postPrComment({
    token: settings.githubToken,
    env,
    action: 'evaluate',
    identifier:
      [ctx.run.workflow, ctx.run.job, settings.modelPackageGroup].filter(Boolean).join('/') || 'default',
    markdown,
    log,
    ...(overrides.octokit ? { octokit: overrides.octokit } : {}),
  });
  await ctx.writeSummary(
    comment.reason === undefined
      ? markdown
      : `${markdown.replace(/\n*$/, '\n')}\n> ⚠️ The PR comment was not posted: ${escapeMarkdown(comment.reason)}\n`,
  );

  const { decision } = outcome;
  for (const w of decision.warnings) log.warning(`evaluate: ${w}`);
  const why = gateVerdict(decision);
  if (!decision.passed) {
    if (settings.failOnGate) throw new StageFailure(`gate failed. ${why}`);
    log.warning(`evaluate: gate failed (fail-on-gate: false, so the step stays green). ${why}`);
  } else {
    // The verdict names metrics (from reports and AWS): printed with workflow commands stopped.
    log.untrustedBlock('gate passed.', why);
  }
}

export async function run(overrides: EvaluateOverrides = {}): Promise<void> {
  await runAction(EVALUATE_NAMES, (ctx) => evaluate(ctx, overrides), {
    ...(overrides.signals ? { signals: overrides.signals } : {}),
    ...(overrides.exit ? { exit: overrides.exit } : {}),
  });
}
