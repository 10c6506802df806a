/** The drift issue over HTTP (nock): open once, never twice for one run, comment and close on pass. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';

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
const { getOctokit } = await import('@actions/github');
const { endpointMarker, runMarker, syncDriftIssue } = await import('../../../src/github/drift-issue.js');

const API = 'http://github.api.test';
const octokit = getOctokit('tok', { baseUrl: API });
const base = {
  octokit,
  owner: 'octo',
  repo: 'olist',
  endpoint: 'olist-endpoint',
  title: 'Model drift on endpoint olist-endpoint',
  markdown: '| feature | check |',
};
const M = endpointMarker('olist-endpoint');

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('syncDriftIssue', () => {
  it('opens one labelled issue when none is open', async () => {
    nock(API)
      .get('/repos/octo/olist/issues')
      .query({ state: 'open', labels: 'model-drift', per_page: '100' })
      .reply(200, [{ number: 3, body: 'another endpoint', html_url: 'u3' }])
      .post(
        '/repos/octo/olist/issues',
        (b: { labels: string[]; body: string }) =>
          b.labels[0] === 'model-drift' && b.body.startsWith(M) && b.body.includes(runMarker('77')),
      )
      .reply(201, { number: 4, html_url: 'https://github.test/octo/olist/issues/4' });
    expect(await syncDriftIssue({ ...base, runId: '77', passed: false })).toEqual({
      action: 'opened',
      issueNumber: 4,
      url: 'https://github.test/octo/olist/issues/4',
    });
  });

  it('a re-run of the same check writes nothing new', async () => {
    nock(API)
      .get('/repos/octo/olist/issues')
      .query(true)
      .reply(200, [{ number: 4, body: `${M}\n${runMarker('77')}\nold`, html_url: 'u4' }]);
    expect((await syncDriftIssue({ ...base, runId: '77', passed: false })).action).toBe('unchanged');
  });

  it('a later failing run comments once; a passing run comments and closes', async () => {
    nock(API)
      .get('/repos/octo/olist/issues')
      .query(true)
      .reply(200, [{ number: 4, body: `${M}\n${runMarker('77')}`, html_url: 'u4' }])
      .get('/repos/octo/olist/issues/4/comments')
      .query(true)
      .reply(200, [])
      .post('/repos/octo/olist/issues/4/comments', (b: { body: string }) =>
        b.body.startsWith(runMarker('78')),
      )
      .reply(201, { id: 1 });
    expect((await syncDriftIssue({ ...base, runId: '78', passed: false })).action).toBe('commented');
    nock(API)
      .get('/repos/octo/olist/issues')
      .query(true)
      .reply(200, [{ number: 4, body: `${M}\n${runMarker('77')}`, html_url: 'u4' }])
      .get('/repos/octo/olist/issues/4/comments')
      .query(true)
      .reply(200, [{ id: 1, body: `${runMarker('78')}\n...` }])
      .post('/repos/octo/olist/issues/4/comments')
      .reply(201, { id: 2 })
      .patch('/repos/octo/olist/issues/4', (b: { state: string }) => b.state === 'closed')
      .reply(200, { number: 4 });
    expect(await syncDriftIssue({ ...base, runId: '79', passed: true })).toMatchObject({
      action: 'closed',
      issueNumber: 4,
    });
  });

  it('a passing check with no open issue does nothing', async () => {
    nock(API).get('/repos/octo/olist/issues').query(true).reply(200, []);
    expect((await syncDriftIssue({ ...base, runId: '80', passed: true })).action).toBe('none');
  });
});
