import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionContext } from '../core/context.js';
import { errorMessage, StageFailure } from '../core/errors.js';
import { createAwsClients } from '../aws/clients.js';
import { putMetrics } from '../aws/cloudwatch.js';
import { syncDriftIssue } from '../github/drift-issue.js';
import type { Octokit } from '../github/sticky-comment.js';
import { MonitorDataError } from '../monitor/errors.js';
import { DataError } from '../metrics/data-error.js';
import { StatsError } from '../stats/errors.js';
import {
  cloudWatchData,
  DATA_METRICS_NAMESPACE,
  metricsOutput,
  renderBaselineSummary,
  renderCheckSummary,
} from '../stages/monitor-gate/report.js';
import { writeDashboard } from '../stages/monitor-gate/dashboard.js';
import { runBaseline, runCheck, type CheckOutcome } from '../stages/monitor-gate/run.js';
import {
  MONITOR_GATE_NAMES,
  parseMonitorGateSettings,
  type MonitorGateSettings,
} from '../stages/monitor-gate/settings.js';

/** Test seams; production uses the defaults (real time, @actions/github, every core). */
export interface MonitorGateOverrides {
  now?: number;
  octokit?: (token: string) => Promise<Octokit>;
  workers?: number;
  exit?: (code: number) => void;
}

type Ctx = ActionContext<typeof MONITOR_GATE_NAMES>;

/** Bad data from the pure layers becomes a stage failure with its message (no stack trace). */
async function dataFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof MonitorDataError || err instanceof DataError || err instanceof StatsError)
      throw new StageFailure(errorMessage(err));
    throw err;
  }
}

async function publish(
  ctx: Ctx,
  s: MonitorGateSettings,
  o: CheckOutcome,
  aws: ReturnType<typeof createAwsClients>,
): Promise<void> {
  const endpoint = s.endpointName!;
  const schedule = s.check?.monitoringSchedule ?? 'monitor-gate';
  const cw = await aws.cloudwatch();
  const data = cloudWatchData(o, endpoint, schedule);
  if (s.publishMetrics) {
    await putMetrics(cw, DATA_METRICS_NAMESPACE, data, new Date());
    ctx.log.info(
      `published ${data.length} metric(s) to ${DATA_METRICS_NAMESPACE} (Endpoint=${endpoint}, MonitoringSchedule=${schedule})`,
    );
  }
  if (s.dashboardName) {
    await writeDashboard(
      { cw, sm: await aws.sagemaker() },
      {
        name: s.dashboardName,
        endpoint,
        schedule,
        // Metrics put just now may take minutes to be listed on AWS: the ones this run published count.
        published: s.publishMetrics ? data.map((d) => d.name) : [],
      },
      ctx.log,
    );
  }
}

async function issue(
  ctx: Ctx,
  s: MonitorGateSettings,
  o: CheckOutcome,
  markdown: string,
  overrides: MonitorGateOverrides,
): Promise<number | undefined> {
  if (!s.githubToken) return undefined;
  if (!s.endpointName) {
    ctx.log.info('drift issue: skipped (set endpoint-name: there is one issue per endpoint)');
    return undefined;
  }
  const [owner, repo] = (ctx.env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (!owner || !repo) {
    ctx.log.warning('drift issue: GITHUB_REPOSITORY is not set; no issue written');
    return undefined;
  }
  const octokit = overrides.octokit
    ? await overrides.octokit(s.githubToken)
    : (await import('@actions/github')).getOctokit(s.githubToken, {
        baseUrl: ctx.env['GITHUB_API_URL'] || 'https://api.github.com',
      });
  const server = ctx.env['GITHUB_SERVER_URL'] || 'https://github.com';
  const runUrl = ctx.run.runId ? `${server}/${owner}/${repo}/actions/runs/${ctx.run.runId}` : '';
  const res = await syncDriftIssue({
    octokit,
    owner,
    repo,
    endpoint: s.endpointName,
    runId: ctx.run.runId ?? `local-${Date.now()}`,
    passed: o.passed,
    title: `Model drift on endpoint ${s.endpointName}`,
    markdown: `${markdown}${runUrl ? `\n[Workflow run](${runUrl})\n` : ''}`,
  });
  ctx.log.info(`drift issue: ${res.action}${res.issueNumber ? ` #${res.issueNumber}` : ''}`);
  return res.issueNumber;
}

async function monitorGate(ctx: Ctx, overrides: MonitorGateOverrides): Promise<void> {
  const settings = parseMonitorGateSettings(await ctx.inputs(), overrides.now ?? Date.now());
  if (settings.githubToken) ctx.setSecret(settings.githubToken);
  if (settings.forceFail) ctx.setOutput('passed', 'false');
  ctx.failIfForced(settings.forceFail);
  let clients: ReturnType<typeof createAwsClients> | undefined;
  const aws = () => (clients ??= createAwsClients({ region: settings.region }));
  // Scratch space (downloaded baselines, capture and ground truth), removed whatever happens.
  const workDir = await mkdtemp(join(ctx.env['RUNNER_TEMP'] || tmpdir(), 'sagemaker-monitor-gate-'));
  const scratch = <T>(f: () => Promise<T>): Promise<T> =>
    f().finally(() => rm(workDir, { recursive: true, force: true }));
  const deps = {
    aws,
    workDir,
    log: ctx.log,
    now: overrides.now ?? Date.now(),
    ...(overrides.workers ? { workers: overrides.workers } : {}),
  };

  if (settings.mode === 'baseline') {
    const b = await scratch(() => dataFailures(() => runBaseline(settings, deps)));
    ctx.setOutput('statistics-uri', b.statisticsUri);
    ctx.setOutput('constraints-uri', b.constraintsUri);
    ctx.setOutput('passed', 'true');
    await ctx.writeSummary(renderBaselineSummary(b));
    return;
  }
  let outcome: CheckOutcome;
  try {
    outcome = await scratch(() => dataFailures(() => runCheck(settings, deps)));
  } catch (err) {
    ctx.setOutput('passed', 'false');
    throw err;
  }
  const c = settings.check!;
  const markdown = renderCheckSummary(outcome, settings.endpointName, {
    sinceMs: c.sinceMs,
    untilMs: c.untilMs,
  });
  ctx.setOutput('passed', String(outcome.passed));
  ctx.setOutput('violations', JSON.stringify(outcome.verdict.counted.map(({ source: _s, ...v }) => v)));
  ctx.setOutput('violations-count', String(outcome.verdict.counted.length));
  ctx.setOutput('report-uri', outcome.reportUri ?? '');
  ctx.setOutput('metrics', JSON.stringify(metricsOutput(outcome)));
  await ctx.writeSummary(markdown);
  if (settings.publishMetrics || settings.dashboardName) await publish(ctx, settings, outcome, aws());
  const issueNumber = await issue(ctx, settings, outcome, markdown, overrides);
  ctx.setOutput('issue-number', issueNumber === undefined ? '' : String(issueNumber));
  if (!outcome.passed) {
    const why = [
      ...outcome.verdict.reasons,
      ...outcome.findings.filter((f) => !f.passed).map((f) => f.message),
    ].join('; ');
    if (settings.failOnGate) throw new StageFailure(`gate failed: ${why}`);
    ctx.log.warning(`monitor-gate: gate failed (fail-on-gate: false, so the step stays green): ${why}`);
  } else ctx.log.info('gate passed');
}

export async function run(overrides: MonitorGateOverrides = {}): Promise<void> {
  await runAction(MONITOR_GATE_NAMES, (ctx) => monitorGate(ctx, overrides), {
    ...(overrides.exit ? { exit: overrides.exit } : {}),
  });
}
