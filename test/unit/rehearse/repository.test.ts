import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { repositoryFromRemote } from '../../../local/rehearse/repository.js';

describe('repositoryFromRemote (github.repository of a rehearsal)', () => {
  it.each([
    ['https://github.com/octo/churn.git', 'octo/churn'],
    ['https://github.com/octo/churn', 'octo/churn'],
    ['https://x-access-token:abc@github.com/octo/churn.git/', 'octo/churn'],
    ['git@github.com:octo/churn.git', 'octo/churn'],
    ['ssh://git@github.com/octo/churn.git', 'octo/churn'],
    ['/work/main', 'work/main'],
    // `git clone . dir` records the source as `/path/./`-style remotes: normalised, never `main/.`
    ['/work/main/.', 'work/main'],
    ['/work/main/./', 'work/main'],
    ['../main', 'work/main'],
    ['/srv/git/sagemaker-actions.git', 'git/sagemaker-actions'],
  ])('%s → %s', (remote, expected) => {
    expect(repositoryFromRemote(remote, '/work/clone')).toBe(expected);
  });

  it('falls back to local/<workspace folder> without a usable remote', () => {
    expect(repositoryFromRemote(undefined, '/tmp/lead ci@1')).toBe('local/lead-ci-1');
    expect(repositoryFromRemote('/', '/tmp/ws')).toBe('local/ws');
    expect(repositoryFromRemote('https://host/only', '/tmp/ws')).toBe('local/ws');
  });

  it('always gives owner/name with two valid GitHub name segments (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (remote, ws) => {
        const r = repositoryFromRemote(remote, `/tmp/${ws}`);
        const parts = r.split('/');
        expect(parts).toHaveLength(2);
        for (const p of parts) {
          expect(p).toMatch(/^[A-Za-z0-9_.-]+$/);
          expect(['.', '..']).not.toContain(p);
        }
      }),
    );
  });
});
