/**
 * The shared worker pool must never keep a finished action alive: workers warmed early
 * (warmWorkers) but never sent a task are idle, and an idle worker does not hold the process.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

describe('worker pool', () => {
  it('a process that warms workers and sends them nothing exits on its own', () => {
    // Once the worker has said hello, the script ends; only an idle worker remains.
    const script = `
      const pool = await import(${JSON.stringify(join(root, 'src', 'workers', 'pool.ts'))});
      const [w] = pool.workers(1);
      await new Promise((r) => setTimeout(r, 3000));
      console.log(w.failure ? 'failed: ' + w.failure.message : 'idle');
    `;
    // The timeout only guards against a hang (the bug): the process should exit in a few seconds.
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('idle');
    expect(r.status).toBe(0);
  }, 90_000);
});
