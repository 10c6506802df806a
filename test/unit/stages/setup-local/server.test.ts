import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isRunning, procState, stopServer } from '../../../../src/stages/setup-local/server.js';

/**
 * A process that exits while its parent never waits for it: `sh` starts `sleep 0.1` in the
 * background, prints its pid and becomes `sleep 30`, which never reaps it: a zombie.
 */
async function zombie(): Promise<{ pid: number; parent: () => void }> {
  const sh = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pid = await new Promise<number>((resolve) =>
    sh.stdout.once('data', (c: Buffer) => resolve(Number(String(c).trim()))),
  );
  for (let i = 0; i < 100 && procState(pid) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
  return { pid, parent: () => void sh.kill('SIGKILL') };
}

const linux = existsSync('/proc/self/stat');

describe('setup-local: is the server still running', () => {
  (linux ? it : it.skip)(
    'a zombie (exited, not reaped yet) counts as stopped; a live process as running',
    async () => {
      const z = await zombie();
      try {
        expect(procState(z.pid)).toBe('Z');
        expect(() => process.kill(z.pid, 0)).not.toThrow(); // signal 0 alone would say "running"
        expect(isRunning(z.pid)).toBe(false);
        expect(await stopServer(z.pid, 1000, async () => {})).toBe('not-running');
      } finally {
        z.parent();
      }
      expect(isRunning(process.pid)).toBe(true);
      expect(procState(process.pid)).toMatch(/^[RS]$/);
    },
  );

  it('a process that ends on SIGTERM is stopped; one that is gone is not running', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    expect(isRunning(child.pid!)).toBe(true);
    expect(await stopServer(child.pid!, 5000, (ms) => new Promise((r) => setTimeout(r, ms)))).toBe('stopped');
    await exited;
    expect(isRunning(child.pid!)).toBe(false);
  });
});
