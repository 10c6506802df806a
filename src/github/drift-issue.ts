/**
 * One GitHub issue per endpoint for model drift (label `model-drift`): opened on the first failing
 * check, commented on by later failing checks, commented on and closed by the first passing one.
 * Idempotent: the issue carries a hidden endpoint marker, and every body or comment a run writes
 * carries the run id, so a re-run of the same check finds its own work and writes nothing twice.
 */
import { truncateMarkdown, type Octokit } from './sticky-comment.js';

export const DRIFT_LABEL = 'model-drift';

export function endpointMarker(endpoint: string): string {
  return `<!-- sagemaker-actions:monitor-gate:endpoint:${endpoint.replace(/[^a-zA-Z0-9-]/g, '-')} -->`;
}

export function runMarker(runId: string): string {
  return `<!-- sagemaker-actions:monitor-gate:run:${runId.replace(/[^a-zA-Z0-9-]/g, '-')} -->`;
}

export interface DriftIssueOutcome {
  action: 'opened' | 'commented' | 'closed' | 'unchanged' | 'none';
  issueNumber: number | undefined;
  url: string | undefined;
}

export async function syncDriftIssue(opts: {
  octokit: Octokit;
  owner: string;
  repo: string;
  endpoint: string;
  runId: string;
  passed: boolean;
  title: string;
  markdown: string;
}): Promise<DriftIssueOutcome> {
  const { octokit, owner, repo } = opts;
  const marker = endpointMarker(opts.endpoint);
  const run = runMarker(opts.runId);
  let open: { number: number; body?: string | null; html_url: string } | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    labels: DRIFT_LABEL,
    per_page: 100,
  })) {
    open = page.data.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(marker));
    if (open) break;
  }
  const body = (text: string) => `${marker}\n${run}\n${truncateMarkdown(text, 60_000)}`;
  if (!open) {
    if (opts.passed) return { action: 'none', issueNumber: undefined, url: undefined };
    const res = await octokit.rest.issues.create({
      owner,
      repo,
      title: opts.title,
      body: body(opts.markdown),
      labels: [DRIFT_LABEL],
    });
    return { action: 'opened', issueNumber: res.data.number, url: res.data.html_url };
  }
  // Did this run already write here (issue body or a comment)?
  let already = typeof open.body === 'string' && open.body.includes(run);
  if (!already) {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: open.number,
      per_page: 100,
    })) {
      if (page.data.some((c) => typeof c.body === 'string' && c.body.includes(run))) {
        already = true;
        break;
      }
    }
  }
  if (!already) {
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: open.number,
      body: `${run}\n${truncateMarkdown(opts.markdown, 60_000)}`,
    });
  }
  if (opts.passed) {
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: open.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', issueNumber: open.number, url: open.html_url };
  }
  return { action: already ? 'unchanged' : 'commented', issueNumber: open.number, url: open.html_url };
}
