import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

// nock 15's interceptors call Promise.withResolvers (Node >= 22); the tests also run on Node 20.
const P = Promise as unknown as { withResolvers?: unknown };
if (!P.withResolvers) {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}
const { default: nock } = await import('nock');
const { postPrComment, pullRequestNumber } = await import('../../../src/github/pr-comment.js');
const { commentBody, commentMarker, truncateMarkdown } =
  await import('../../../src/github/sticky-comment.js');

const API = 'http://github.api.test';
const BOT = { login: 'github-actions[bot]' };
const MARKER = commentMarker('evaluate', 'ci/evaluate/churn');
let dir: string;
const log = { infos: [] as string[], warnings: [] as string[] };
const logger = { info: (m: string) => log.infos.push(m), warning: (m: string) => log.warnings.push(m) };

function prEnv(event = 'pull_request', number = 7): NodeJS.ProcessEnv {
  const path = join(dir, `event-${event}-${number}.json`);
  writeFileSync(path, JSON.stringify({ number, pull_request: { number } }));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'octo/churn',
    GITHUB_API_URL: API,
  };
}

const post = (env: NodeJS.ProcessEnv, markdown: string, token: string | undefined = 'tok') =>
  postPrComment({
    token,
    env,
    action: 'evaluate',
    identifier: 'ci/evaluate/churn',
    markdown,
    log: logger,
  }).then((r) => r.outcome);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gh-comment-'));
  nock.disableNetConnect();
});
afterEach(() => {
  log.infos.length = 0;
  log.warnings.length = 0;
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
  rmSync(dir, { recursive: true, force: true });
});

describe('sticky PR comment', () => {
  it('creates the comment once, then updates the same comment (never a duplicate)', async () => {
    let stored: { id: number; body: string; user?: { login: string } } | undefined;
    const scope = nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/churn/issues/7/comments')
      .query(true)
      .reply(200, [{ id: 1, body: 'someone else' }])
      .post('/repos/octo/churn/issues/7/comments', (b: { body: string }) => {
        stored = { id: 99, body: b.body, user: BOT };
        return b.body.startsWith(MARKER) && b.body.includes('first');
      })
      .reply(201, { id: 99, html_url: 'https://github.com/octo/churn/pull/7#issuecomment-99' });
    expect(await post(prEnv(), 'first')).toBe('created');
    scope.done();

    nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/churn/issues/7/comments')
      .query(true)
      .reply(200, [{ id: 1, body: 'someone else' }, stored])
      .patch(
        '/repos/octo/churn/issues/comments/99',
        (b: { body: string }) => b.body.startsWith(MARKER) && b.body.includes('second'),
      )
      .reply(200, { id: 99, html_url: 'https://github.com/octo/churn/pull/7#issuecomment-99' });
    expect(await post(prEnv(), 'second')).toBe('updated');
    expect(log.infos.join('\n')).toContain('updated https://github.com/octo/churn/pull/7#issuecomment-99');
  });

  it('follows pagination to find the marker on a later page', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, body: `comment ${i}` }));
    nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/churn/issues/7/comments')
      .query((q) => q['per_page'] === '100' && q['page'] === undefined)
      .reply(200, page1, {
        link: `<${API}/repos/octo/churn/issues/7/comments?per_page=100&page=2>; rel="next"`,
      })
      .get('/repos/octo/churn/issues/7/comments')
      .query((q) => q['page'] === '2')
      .reply(200, [{ id: 555, body: `${MARKER}\nold`, user: BOT }])
      .patch('/repos/octo/churn/issues/comments/555')
      .reply(200, { id: 555, html_url: 'https://github.com/octo/churn/pull/7#issuecomment-555' });
    expect(await post(prEnv(), 'new')).toBe('updated');
  });

  it('never takes over a comment another identity wrote, even one carrying our marker', async () => {
    // GITHUB_TOKEN: /user is closed to it; its comments are github-actions[bot]'s.
    nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/churn/issues/7/comments')
      .query(true)
      .reply(200, [
        { id: 3, body: `${MARKER}\nplanted by a contributor`, user: { login: 'mallory' } },
        { id: 4, body: `quoting you: ${MARKER}\n`, user: BOT },
      ])
      .post('/repos/octo/churn/issues/7/comments')
      .reply(201, { id: 100, html_url: 'https://github.com/octo/churn/pull/7#issuecomment-100' });
    expect(await post(prEnv(), 'x')).toBe('created');
    // A personal token: the identity is GET /user's login.
    nock(API)
      .get('/user')
      .reply(200, { login: 'release-bot' })
      .get('/repos/octo/churn/issues/7/comments')
      .query(true)
      .reply(200, [
        { id: 5, body: `${MARKER}\nold`, user: BOT },
        { id: 6, body: `${MARKER}\nold`, user: { login: 'release-bot' } },
      ])
      .patch('/repos/octo/churn/issues/comments/6')
      .reply(200, { id: 6, html_url: 'https://github.com/octo/churn/pull/7#issuecomment-6' });
    expect(await post(prEnv(), 'y')).toBe('updated');
  });

  it('skips politely without a token or outside a pull request (no API call)', async () => {
    expect(await post(prEnv(), 'x', '')).toBe('skipped');
    expect(log.infos[0]).toMatch(/PR comment: skipped \(no github-token/);
    expect(await post({ ...prEnv(), GITHUB_EVENT_NAME: 'push' }, 'x')).toBe('skipped');
    expect(log.infos[1]).toMatch(/event push is not a pull request/);
    expect(log.warnings).toEqual([]);
  });

  it('turns a 403 (fork PR, read-only token) into a warning, not a failure', async () => {
    nock(API)
      .get('/user')
      .reply(403, { message: 'Resource not accessible by integration' })
      .get('/repos/octo/churn/issues/7/comments')
      .query(true)
      .reply(200, [])
      .post('/repos/octo/churn/issues/7/comments')
      .reply(403, { message: 'Resource not accessible by integration' });
    expect(await post(prEnv('pull_request_target'), 'x')).toBe('forbidden');
    expect(log.warnings[0]).toMatch(/HTTP 403.*forks get a read-only token/);
  });

  it('reads the PR number only from pull_request events', () => {
    expect(pullRequestNumber('pull_request', { number: 3, pull_request: { number: 3 } })).toBe(3);
    expect(pullRequestNumber('pull_request_target', { pull_request: { number: 4 } })).toBe(4);
    expect(pullRequestNumber('push', { number: 3 })).toBeUndefined();
    expect(pullRequestNumber('pull_request', { number: 'x' })).toBeUndefined();
    expect(pullRequestNumber('pull_request', null)).toBeUndefined();
  });
});

describe('comment body', () => {
  it('is never longer than 65,536 characters, keeps the marker first and closes an open code fence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 0, max: 80_000 }), (chunk, n) => {
        const md = `intro\n\`\`\`mermaid\n${'x'.repeat(n)}\n${chunk}`;
        const body = commentBody(MARKER, md);
        expect(body.length).toBeLessThanOrEqual(65_536);
        expect(body.startsWith(`${MARKER}\n`)).toBe(true);
        if (md.length + MARKER.length + 1 > 65_536) {
          expect(body).toContain('truncated');
          expect((body.match(/^```/gm) ?? []).length % 2).toBe(0);
        } else {
          expect(body).toBe(`${MARKER}\n${md}`);
        }
      }),
      { numRuns: 50 },
    );
    expect(truncateMarkdown('short')).toBe('short');
  });

  it('builds a hidden marker from a sanitized identifier', () => {
    expect(commentMarker('evaluate', 'CI flow/eval job/churn')).toBe(
      '<!-- sagemaker-actions:evaluate:CI-flow/eval-job/churn -->',
    );
    expect(commentMarker('evaluate', '-->')).not.toContain('--> -->');
  });
});
