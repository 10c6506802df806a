/**
 * sagemaker-local loads s3rver after its port listens (lazyS3: the CLI and rehearsals). A server
 * stopped at once (a rehearsal that failed within milliseconds) must not load it after stop():
 * inside jest that require came after the test environment was torn down and crashed the worker
 * ("You are trying to `require` a file after the Jest environment has been torn down").
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocal } from '../../../local/index.js';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';

const root = mkdtempSync(join(tmpdir(), 'lazy-s3-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string) => join(root, name);
const ticks = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 20));
};

describe('sagemaker-local with lazyS3', () => {
  it('stopped before s3rver loads: it never loads, and S3 work fails with the reason', async () => {
    const h = await startLocal({ port: 0, dataDir: dir('a'), lazyS3: true, logger: 'silent' });
    await h.stop();
    await ticks();
    await expect(h.context.s3.filesystem()).rejects.toThrow(
      'sagemaker-local stopped before its S3 store was loaded',
    );
  });

  it('stopped while loaded or loading: stop() resolves after the load, and S3 works until then', async () => {
    const h = await startLocal({ port: 0, dataDir: dir('b'), lazyS3: true, logger: 'silent' });
    const store = h.context.s3.filesystem();
    await ticks(); // the load has started (the gate opened at the next turn)
    await h.stop();
    await expect(store).resolves.toBeDefined();
    const loaded = await startLocal({ port: 0, dataDir: dir('c'), lazyS3: true, logger: 'silent' });
    expect(await loaded.context.s3.bucketExists('none')).toBe(false);
    await loaded.stop();
  });

  it('a rehearsal that fails within milliseconds stops its own sagemaker-local cleanly', async () => {
    const ws = dir('ws');
    mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(ws, '.github', 'workflows', 'fails.yml'),
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: fromJSON('{')\n    steps:\n      - run: exit 0\n",
    );
    const r = await rehearse({
      workflow: '.github/workflows/fails.yml',
      event: 'push',
      workspace: ws,
      printer: memoryPrinter(),
      env: { PATH: process.env['PATH'] },
    });
    expect(r.result).toBe('failure');
    // Nothing more to wait for: before the fix, s3rver was required right after this test (and
    // the environment's teardown), which crashed the jest worker and failed this suite.
  });
});
