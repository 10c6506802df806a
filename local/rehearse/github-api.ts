/**
 * The part of the GitHub REST API the kit's actions call (issue and PR comments, issues), served
 * on 127.0.0.1 for a rehearsal: GITHUB_API_URL points here, so a sticky PR comment or a drift issue
 * is really created and updated, and the rehearsal shows and keeps what would have been posted.
 * Any other route answers 404 "not rehearsable".
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Comment {
  id: number;
  issue: number;
  body: string;
}
export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}

export interface GitHubApiStub {
  url: string;
  comments: Comment[];
  issues: Issue[];
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function startGitHubApi(repository: string, firstIssueNumber = 100): Promise<GitHubApiStub> {
  const comments: Comment[] = [];
  const issues: Issue[] = [];
  let nextId = 1;
  let url = '';
  const commentJson = (c: Comment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    html_url: `https://github.com/${repository}/issues/${c.issue}#issuecomment-${c.id}`,
    user: { login: 'github-actions[bot]', type: 'Bot' },
  });
  const issueJson = (i: Issue): Record<string, unknown> => ({
    ...i,
    labels: i.labels.map((name) => ({ name })),
    html_url: `https://github.com/${repository}/issues/${i.number}`,
  });
  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://localhost');
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      // The GITHUB_TOKEN is an installation token: GET /user answers 403, as on GitHub, and the
      // kit then knows its comments are written by github-actions[bot].
      if (u.pathname === '/user' && req.method === 'GET')
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
        });
      const m = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(comments\/)?(\d+))?(\/comments)?$/.exec(u.pathname);
      if (!m || `${m[1]}/${m[2]}` !== repository)
        return send(404, { message: `not rehearsable: ${req.method} ${u.pathname}` });
      const [, , , isComment, num, sub] = m;
      const n = Number(num);
      const method = req.method ?? 'GET';
      if (sub && method === 'GET') {
        const perPage = Number(u.searchParams.get('per_page') ?? 30);
        const page = Number(u.searchParams.get('page') ?? 1);
        const all = comments.filter((c) => c.issue === n);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length)
          headers['link'] = `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        return send(200, slice.map(commentJson), headers);
      }
      if (sub && method === 'POST') {
        const c = { id: nextId++, issue: n, body: String((await body(req))['body'] ?? '') };
        comments.push(c);
        return send(201, commentJson(c));
      }
      if (isComment && method === 'PATCH') {
        const c = comments.find((x) => x.id === n);
        if (!c) return send(404, { message: 'Not Found' });
        c.body = String((await body(req))['body'] ?? c.body);
        return send(200, commentJson(c));
      }
      if (!num && method === 'GET') {
        const state = u.searchParams.get('state') ?? 'open';
        const labels = (u.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        return send(
          200,
          issues
            .filter(
              (i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)),
            )
            .map(issueJson),
        );
      }
      if (!num && method === 'POST') {
        const b = await body(req);
        const i: Issue = {
          number: firstIssueNumber + issues.length,
          title: String(b['title'] ?? ''),
          body: String(b['body'] ?? ''),
          state: 'open',
          labels: Array.isArray(b['labels']) ? b['labels'].map(String) : [],
        };
        issues.push(i);
        return send(201, issueJson(i));
      }
      if (num && !isComment && (method === 'PATCH' || method === 'GET')) {
        const i = issues.find((x) => x.number === n);
        if (!i) return send(404, { message: 'Not Found' });
        if (method === 'PATCH') {
          const b = await body(req);
          if (typeof b['body'] === 'string') i.body = b['body'];
          if (typeof b['title'] === 'string') i.title = b['title'];
          if (b['state'] === 'open' || b['state'] === 'closed') i.state = b['state'];
        }
        return send(200, issueJson(i));
      }
      return send(404, { message: `not rehearsable: ${method} ${u.pathname}` });
    })().catch((err: Error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: err.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    comments,
    issues,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
