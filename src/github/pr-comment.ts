import { readFile } from 'node:fs/promises';
import { errorMessage } from '../core/errors.js';
import { commentMarker, upsertStickyComment, type IssueRef, type Octokit } from './sticky-comment.js';

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The PR number of a pull_request(_target) event payload, else undefined. */
export function pullRequestNumber(eventName: string | undefined, payload: unknown): number | undefined {
  if (!eventName || !PR_EVENTS.has(eventName)) return undefined;
  const pr = (payload as { pull_request?: { number?: unknown } } | null)?.pull_request;
  const n = (payload as { number?: unknown } | null)?.number ?? pr?.number;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The event payload (GITHUB_EVENT_PATH), or undefined when absent/unreadable. */
export async function readEventPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  const path = env['GITHUB_EVENT_PATH'];
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export interface CommentLog {
  info: (message: string) => void;
  warning: (message: string) => void;
}

export type CommentOutcome = 'created' | 'updated' | 'skipped' | 'forbidden' | 'failed';

export interface CommentResult {
  outcome: CommentOutcome;
  /** Why the comment was not posted ('forbidden' / 'failed'); shown in the job summary too. */
  reason?: string;
}

/**
 * Posts (or updates) the sticky PR comment. Never fails the step: without a token or outside a
 * pull request it skips with an info line; a 403 (fork PRs get a read-only token) is a warning.
 */
export async function postPrComment(opts: {
  token: string | undefined;
  env: NodeJS.ProcessEnv;
  action: string;
  identifier: string;
  markdown: string;
  log: CommentLog;
  /** For tests: build the client. Default: @actions/github getOctokit with GITHUB_API_URL. */
  octokit?: (token: string) => Promise<Octokit>;
}): Promise<CommentResult> {
  const { env, log } = opts;
  if (!opts.token) {
    log.info(
      `PR comment: skipped (no github-token input; pass github-token: \${{ github.token }} with pull-requests: write to get one)`,
    );
    return { outcome: 'skipped' };
  }
  const payload = await readEventPayload(env);
  const prNumber = pullRequestNumber(env['GITHUB_EVENT_NAME'], payload);
  if (prNumber === undefined) {
    log.info(`PR comment: skipped (event ${env['GITHUB_EVENT_NAME'] ?? 'unknown'} is not a pull request)`);
    return { outcome: 'skipped' };
  }
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (!owner || !repo) {
    log.info('PR comment: skipped (GITHUB_REPOSITORY is not set)');
    return { outcome: 'skipped' };
  }
  const ref: IssueRef = { owner, repo, issueNumber: prNumber };
  const make =
    opts.octokit ??
    (async (token: string): Promise<Octokit> => {
      const { getOctokit } = await import('@actions/github');
      return getOctokit(token, { baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com' });
    });
  try {
    const octokit = await make(opts.token);
    const res = await upsertStickyComment(
      octokit,
      ref,
      commentMarker(opts.action, opts.identifier),
      opts.markdown,
    );
    log.info(`PR comment: ${res.action} ${res.url}`);
    return { outcome: res.action };
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 403 || status === 404) {
      const reason =
        `HTTP ${status}: ${errorMessage(err)}. Pull requests from forks get a read-only token; ` +
        `grant pull-requests: write, or post the comment from a workflow_run workflow`;
      log.warning(`PR comment: not posted (${reason})`);
      return { outcome: 'forbidden', reason };
    }
    const reason = errorMessage(err);
    log.warning(`PR comment: not posted (${reason})`);
    return { outcome: 'failed', reason };
  }
}
