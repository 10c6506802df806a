/**
 * One rehearsal: loads the workflow, builds the github context and event payload, provides
 * sagemaker-local (its own, or the one AWS_ENDPOINT_URL names) and a local GitHub API, runs the
 * jobs, and keeps the job summaries, PR comments and issues the run would have produced.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RehearsalError } from './errors.js';
import { buildEvent } from './events.js';
import { repositoryFromRemote } from './repository.js';
import { startGitHubApi, type Comment, type Issue } from './github-api.js';
import { loadWorkflow } from './model.js';
import type { JobRecord, Printer, Result, RunContext } from './types.js';
import { runWorkflow, typedInputs } from './workflow.js';

export interface RehearseOptions {
  workflow: string;
  event: string;
  inputs?: Record<string, string>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  job?: string;
  /** Overrides github.ref (e.g. refs/tags/v1.0.0). */
  ref?: string;
  /** Rehearse a pull request from a fork. */
  fork?: boolean;
  /** Default: the current directory. */
  workspace?: string;
  /** Where `<owner>/sagemaker-actions/...` resolves. Default: this package. */
  kitRoot?: string;
  /** An already running sagemaker-local; default: AWS_ENDPOINT_URL, else start one. */
  endpoint?: string;
  /** Keep summaries, comments, issues and a JSON record here. */
  reportDir?: string;
  printer: Printer;
  /** The host environment steps start from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RehearsalResult {
  result: Result;
  jobs: JobRecord[];
  outputs: Record<string, string>;
  comments: Comment[];
  issues: Issue[];
  summaries: RunContext['summaries'];
  ms: number;
  detail?: string;
}

export const KIT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function git(args: string[], cwd: string): string | undefined {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function repositoryOf(workspace: string): string {
  return repositoryFromRemote(git(['remote', 'get-url', 'origin'], workspace), workspace);
}

/** Host variables a step must not inherit: runner and AWS settings of the machine itself. */
const HOST_ONLY = /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_|AWS_)/;

export async function rehearse(opts: RehearseOptions): Promise<RehearsalResult> {
  const started = Date.now();
  const workspace = resolve(opts.workspace ?? process.cwd());
  const kitRoot = opts.kitRoot ?? KIT_ROOT;
  const hostEnv = opts.env ?? process.env;
  const workflow = await loadWorkflow(resolve(workspace, opts.workflow), workspace);
  const repository = hostEnv['GITHUB_REPOSITORY'] ?? repositoryOf(workspace);
  const sha = git(['rev-parse', 'HEAD'], workspace) ?? '0'.repeat(40);

  // Which trigger: the event itself, or a caller on that event (workflow_call).
  const triggers = Object.keys(workflow.on);
  const called = !triggers.includes(opts.event);
  if (called && !triggers.includes('workflow_call'))
    throw new RehearsalError(
      `${opts.workflow} does not run on ${opts.event} (it runs on: ${triggers.join(', ')})`,
    );
  const defs =
    opts.event === 'workflow_dispatch' && !called
      ? workflow.dispatchInputs
      : called
        ? workflow.callInputs
        : {};
  const schedule = workflow.on['schedule'];
  const cron = Array.isArray(schedule) ? (schedule[0] as { cron?: string } | undefined)?.cron : undefined;
  const event = buildEvent(opts.event, {
    repository,
    sha,
    defaultBranch: 'main',
    ...(opts.ref ? { ref: opts.ref } : {}),
    ...(opts.inputs ? { inputs: opts.inputs } : {}),
    ...(cron ? { cron } : {}),
    ...(opts.fork ? { fork: true } : {}),
  });

  const runDir = mkdtempSync(join(tmpdir(), 'rehearsal-'));
  const artifactsDir = join(runDir, 'artifacts');
  mkdirSync(join(runDir, 'temp'), { recursive: true });
  const eventPath = join(runDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
  const runId = String(Date.now());
  const token = `ghs_rehearsal${runId}`;
  const refName = event.ref.replace(/^refs\/(heads|tags)\//, '');
  const github: Record<string, unknown> = {
    event_name: event.name,
    event: event.payload,
    event_path: eventPath,
    ref: event.ref,
    ref_name: refName,
    ref_type: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    head_ref: event.headRef,
    base_ref: event.baseRef,
    sha,
    repository,
    repository_owner: repository.split('/')[0],
    actor: event.actor,
    triggering_actor: event.actor,
    workflow: workflow.name ?? relative(workspace, workflow.file),
    workflow_ref: `${repository}/${relative(workspace, workflow.file)}@${event.ref}`,
    run_id: runId,
    run_number: '1',
    run_attempt: '1',
    retention_days: '90',
    server_url: 'https://github.com',
    api_url: '',
    graphql_url: '',
    workspace,
    token,
    action: '',
  };

  const ghApi = await startGitHubApi(repository);
  github['api_url'] = ghApi.url;
  let local: { url: string; stop(): Promise<void> } | undefined;
  const endpoint = opts.endpoint ?? hostEnv['AWS_ENDPOINT_URL'];
  try {
    if (!endpoint) {
      const { startLocal } = await import('../index.js');
      local = await startLocal({
        port: 0,
        dataDir: join(runDir, 'sagemaker-local'),
        lazyS3: true,
        logger: 'silent',
      });
      opts.printer.note(0, `sagemaker-local on ${local.url} (data in ${join(runDir, 'sagemaker-local')})`);
    } else opts.printer.note(0, `using the sagemaker-local at ${endpoint}`);
    const region = hostEnv['AWS_REGION'] ?? 'us-east-1';
    const baseEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(hostEnv)) if (v !== undefined && !HOST_ONLY.test(k)) baseEnv[k] = v;
    Object.assign(baseEnv, {
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      AWS_ENDPOINT_URL: endpoint ?? local!.url,
      AWS_ACCESS_KEY_ID: 'sagemaker-local',
      AWS_SECRET_ACCESS_KEY: 'sagemaker-local',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      GITHUB_WORKFLOW: String(github['workflow']),
      GITHUB_WORKFLOW_REF: String(github['workflow_ref']),
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: event.actor,
      GITHUB_TRIGGERING_ACTOR: event.actor,
      GITHUB_REPOSITORY: repository,
      GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_SHA: sha,
      GITHUB_REF: event.ref,
      GITHUB_REF_NAME: refName,
      GITHUB_REF_TYPE: String(github['ref_type']),
      GITHUB_HEAD_REF: event.headRef,
      GITHUB_BASE_REF: event.baseRef,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: ghApi.url,
      GITHUB_GRAPHQL_URL: `${ghApi.url}/graphql`,
      GITHUB_RETENTION_DAYS: '90',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      RUNNER_NAME: 'sagemaker-local-rehearsal',
      RUNNER_ENVIRONMENT: 'self-hosted',
      RUNNER_TEMP: join(runDir, 'temp'),
      RUNNER_TOOL_CACHE: join(runDir, 'tool-cache'),
    });
    const secrets = { GITHUB_TOKEN: token, ...(opts.secrets ?? {}) };
    const masks = new Set<string>([token, ...Object.values(opts.secrets ?? {}).filter((s) => s.length > 2)]);
    const inputs = typedInputs(defs, opts.inputs ?? {}, { github }, `${opts.workflow} (--input)`);
    if (called)
      opts.printer.note(
        0,
        `${relative(workspace, workflow.file)} runs as called by a ${opts.event} workflow (on: workflow_call)`,
      );
    const ctx: RunContext = {
      workspace,
      kitRoot,
      runDir,
      artifactsDir,
      workflow,
      github,
      inputs,
      secrets,
      vars: opts.vars ?? {},
      baseEnv,
      masks,
      kitPaths: new Set<string>(),
      printer: opts.printer,
      depth: 0,
      summaries: [],
    };
    const run = await runWorkflow(ctx, opts.job);
    const result: RehearsalResult = {
      result: run.result,
      jobs: run.jobs,
      outputs: run.outputs,
      comments: ghApi.comments.map((c) => ({ ...c })),
      issues: ghApi.issues.map((i) => ({ ...i })),
      summaries: ctx.summaries,
      ms: Date.now() - started,
      ...(run.detail ? { detail: run.detail } : {}),
    };
    if (opts.reportDir) writeReport(opts.reportDir, result);
    return result;
  } finally {
    await local?.stop();
    await ghApi.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

function writeReport(dir: string, r: RehearsalResult): void {
  mkdirSync(dir, { recursive: true });
  r.summaries.forEach((s, i) =>
    writeFileSync(
      join(dir, `${String(i + 1).padStart(2, '0')}-${slug(s.job)}-${slug(s.step)}.md`),
      s.markdown,
    ),
  );
  for (const c of r.comments) writeFileSync(join(dir, `pr-${c.issue}-comment-${c.id}.md`), c.body);
  for (const i of r.issues) writeFileSync(join(dir, `issue-${i.number}.md`), `# ${i.title}\n\n${i.body}`);
  writeFileSync(join(dir, 'rehearsal.json'), JSON.stringify(r, null, 2));
}
