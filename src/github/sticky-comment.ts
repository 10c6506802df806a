import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** The hidden marker that finds our comment again: `<!-- sagemaker-actions:<action>:<identifier> -->`. */
export function commentMarker(action: string, identifier: string): string {
  const id = identifier.replace(/[^a-zA-Z0-9_.:/-]+/g, '-').slice(0, 200) || 'default';
  return `<!-- sagemaker-actions:${action}:${id} -->`;
}

/** Body = marker line + markdown, at most 65,536 characters in total. */
export function commentBody(marker: string, markdown: string): string {
  return `${marker}\n${truncateMarkdown(markdown, MAX_COMMENT_CHARS - marker.length - 1)}`;
}

/** The login of the GITHUB_TOKEN's identity: GET /user is not open to an installation token. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login that comments made with this token carry: GET /user for a personal/user token; the
 * GITHUB_TOKEN (an installation token) answers 403 "Resource not accessible by integration"
 * there, and its comments are written by github-actions[bot].
 */
export async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    const res = await octokit.rest.users.getAuthenticated();
    return res.data.login;
  } catch (err) {
    const e = err as { status?: unknown; message?: unknown };
    if (e.status === 403 && /Resource not accessible by integration/i.test(String(e.message)))
      return ACTIONS_BOT_LOGIN;
    throw err;
  }
}

/**
 * Creates the comment, or updates the one that carries the marker, searching all pages but only
 * among comments written by the token's own identity (a comment anyone else wrote with our marker
 * in it is never taken over), so a PR never gets a second copy.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  ref: IssueRef,
  marker: string,
  markdown: string,
): Promise<{ action: 'created' | 'updated'; id: number; url: string }> {
  const body = commentBody(marker, markdown);
  const params = { owner: ref.owner, repo: ref.repo, issue_number: ref.issueNumber, per_page: 100 };
  const login = await tokenLogin(octokit);
  let existing: { id: number } | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
    existing = page.data.find(
      (c) => c.user?.login === login && typeof c.body === 'string' && c.body.startsWith(`${marker}\n`),
    );
    if (existing) break;
  }
  if (existing) {
    const res = await octokit.rest.issues.updateComment({
      owner: ref.owner,
      repo: ref.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: res.data.id, url: res.data.html_url };
  }
  const res = await octokit.rest.issues.createComment({
    owner: ref.owner,
    repo: ref.repo,
    issue_number: ref.issueNumber,
    body,
  });
  return { action: 'created', id: res.data.id, url: res.data.html_url };
}

export const MAX_COMMENT_CHARS = 65_536;

/** Cuts markdown to `max` characters (a PR comment's limit), closing an open code fence and saying so. */
export function truncateMarkdown(text: string, max = MAX_COMMENT_CHARS): string {
  if (text.length <= max) return text;
  const note = '\n\n_… truncated: the full report is in the job summary of the run._';
  let cut = text.slice(0, max - note.length - 8);
  const cutAt = cut.lastIndexOf('\n');
  if (cutAt > 0) cut = cut.slice(0, cutAt);
  const fences = (cut.match(/^```/gm) ?? []).length;
  if (fences % 2 === 1) cut += '\n```';
  return cut + note;
}
