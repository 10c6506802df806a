/** The `sagemaker-local` bin: one stdout line when listening, env output, clean SIGTERM. */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DescribeLogGroupsCommand, CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { removeDir } from './helpers.js';

jest.setTimeout(60_000);
const BIN = join(new URL('.', import.meta.url).pathname, '..', '..', '..', 'bin', 'sagemaker-local.js');

const children: ReturnType<typeof spawn>[] = [];
// a failed assertion must not leave a server running
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('sagemaker-local CLI', () => {
  it('prints exactly the listening line, serves requests, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sml-cli-'));
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const lines: string[] = [];
    const first = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout! });
      rl.on('line', (l) => {
        lines.push(l);
        resolve(l);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(first).toMatch(/^sagemaker-local listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.slice('sagemaker-local listening on '.length);
    const logs = new CloudWatchLogsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    await expect(logs.send(new DescribeLogGroupsCommand({}))).resolves.toMatchObject({ logGroups: [] });
    logs.destroy();
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(lines).toEqual([first]);
    removeDir(dataDir);
  });

  it('handles a SIGTERM sent right after the listening line (exit 0)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sml-cli-'));
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(child);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout!.once('data', () => child.kill('SIGTERM'));
    expect(await exit).toBe(0);
    removeDir(dataDir);
  });

  it('prints the environment to export', () => {
    const out = execFileSync(process.execPath, [BIN, 'env', '--port', '4599'], { encoding: 'utf8' });
    expect(out.split('\n')).toEqual(
      expect.arrayContaining([
        'export AWS_ENDPOINT_URL=http://127.0.0.1:4599',
        'export AWS_REGION=us-east-1',
        'export AWS_ACCESS_KEY_ID=sagemaker-local',
      ]),
    );
  });

  it('rejects a bad option with usage and exit code 2', () => {
    let status: number | null = null;
    let stderr = '';
    try {
      execFileSync(process.execPath, [BIN, 'start', '--faults', 'throttle=2'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain('throttle=2 must be a probability between 0 and 1');
  });
});
