/**
 * The server as a process: pid file and `sagemaker-local stop`, one server per data dir, exit
 * when the process that started it (npx) is gone, jobs left running by a killed server stopped
 * at the next start, corrupt files quarantined, and user regexes that cannot stall it.
 * Servers run as child processes (bin/sagemaker-local.js), so a stalled server cannot stall jest.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startLocal } from '../../../local/index.js';
const PID_FILE = 'sagemaker-local.pid';
import { removeDir } from './helpers.js';
import { smCall } from './raw-http.js';

jest.setTimeout(180_000);
const ROOT = join(new URL('.', import.meta.url).pathname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'sagemaker-local.js');
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(cond: () => boolean, attempts = 300): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (cond()) return true;
    await pause(100);
  }
  return cond();
}

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // servers started through npx are not our children: stop them through their pid files
  for (const d of dirs) {
    const pidFile = join(d, 'data', PID_FILE);
    if (existsSync(pidFile)) spawnSync(process.execPath, [BIN, 'stop', '--data-dir', join(d, 'data')]);
  }
  for (const d of dirs) removeDir(d);
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sml-life-'));
  dirs.push(d);
  return d;
}

/** Starts the bin; resolves with its port once it listens. */
async function startBin(
  dataDir: string,
  extra: string[] = [],
): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, port: Number(/:(\d+)$/.exec(line)![1]), stderr: () => stderr };
}

function runBin(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('sagemaker-local as a process', () => {
  it('writes a pid file, refuses a second server on the data dir, and `stop` stops it', async () => {
    const dataDir = join(tempDir(), 'data');
    const { child } = await startBin(dataDir);
    const pidFile = join(dataDir, PID_FILE);
    expect(Number(readFileSync(pidFile, 'utf8').split('\n')[0])).toBe(child.pid);

    const second = runBin(['start', '--port', '0', '--data-dir', dataDir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`another sagemaker-local (pid ${child.pid}`);
    expect(second.stderr).toContain(`sagemaker-local stop --data-dir ${dataDir}`);

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const stop = runBin(['stop', '--data-dir', dataDir]);
    expect(stop.status).toBe(0);
    expect(stop.stderr).toContain(`stopped pid ${child.pid}`);
    expect(await exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    expect(runBin(['stop', '--data-dir', dataDir])).toMatchObject({ status: 0 });
  });

  it('`npx sagemaker-local start &` then `kill $!`: the server exits too', async () => {
    const dataDir = join(tempDir(), 'data');
    // as a CI step would: a shell starts npx in the background and kills it
    const sh = spawn(
      '/bin/sh',
      [
        '-c',
        `npx --no-install sagemaker-local start --port 0 --data-dir '${dataDir}' >/dev/null 2>&1 & echo $! ; wait`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    started.push(sh);
    const npxPid = Number(
      await new Promise<string>((resolve) => createInterface({ input: sh.stdout! }).once('line', resolve)),
    );
    const pidFile = join(dataDir, PID_FILE);
    expect(await until(() => existsSync(pidFile), 600)).toBe(true);
    const serverPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(serverPid).not.toBe(npxPid);
    process.kill(npxPid, 'SIGTERM');
    expect(await until(() => !alive(serverPid))).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('stops jobs a SIGKILLed server left running, and removes their roots, at the next start', async () => {
    const top = tempDir();
    const dataDir = join(top, 'data');
    const first = await startBin(dataDir);
    const jobPidFile = join(top, 'job.pid');
    const create = await smCall(first.port, 'SageMaker.CreateProcessingJob', {
      ProcessingJobName: 'orphan',
      RoleArn: 'arn:aws:iam::000000000000:role/R',
      AppSpecification: {
        ImageUri: 'x.dkr.ecr.us-east-1.amazonaws.com/any:1',
        // the job starts a grandchild (sleep) in its process group
        ContainerEntrypoint: ['/bin/sh', '-c', `sleep 300 & echo $! > '${jobPidFile}'; wait`],
      },
      ProcessingResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
      },
    });
    expect(create.status).toBe(200);
    expect(await until(() => existsSync(jobPidFile) && readFileSync(jobPidFile, 'utf8').trim() !== '')).toBe(
      true,
    );
    const sleepPid = Number(readFileSync(jobPidFile, 'utf8'));
    const ledger = JSON.parse(readFileSync(join(dataDir, 'running.json'), 'utf8')) as { roots: string[] };
    expect(ledger.roots).toHaveLength(1);
    const root = ledger.roots[0]!;
    expect(existsSync(root)).toBe(true);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(sleepPid)).toBe(true); // orphaned

    const second = await startBin(dataDir);
    expect(await until(() => !alive(sleepPid))).toBe(true);
    expect(existsSync(root)).toBe(false);
    expect(second.stderr()).toContain('left running by an earlier run');
    const d = JSON.parse(
      (await smCall(second.port, 'SageMaker.DescribeProcessingJob', { ProcessingJobName: 'orphan' })).body,
    );
    expect(d.ProcessingJobStatus).toBe('Failed');
    expect(runBin(['stop', '--data-dir', dataDir]).status).toBe(0);
  });

  it('a catastrophic-backtracking MetricDefinitions regex fails the job, and the server keeps answering', async () => {
    const dataDir = join(tempDir(), 'data');
    const { port } = await startBin(dataDir);
    const line = `${'a'.repeat(48)}!`;
    const create = await smCall(port, 'SageMaker.CreateTrainingJob', {
      TrainingJobName: 'redos',
      RoleArn: 'arn:aws:iam::000000000000:role/R',
      AlgorithmSpecification: {
        TrainingImage: 'x.dkr.ecr.us-east-1.amazonaws.com/any:1',
        TrainingInputMode: 'File',
        ContainerEntrypoint: ['/bin/sh', '-c', `echo '${line}'; echo 'loss=0.5'`],
        MetricDefinitions: [
          { Name: 'loss', Regex: 'loss=([0-9.]+)' },
          { Name: 'evil', Regex: '^(a+)+$' },
        ],
      },
      OutputDataConfig: { S3OutputPath: 's3://no-such-bucket/out' },
      ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(create.status).toBe(200);
    let status = 'InProgress';
    let reason = '';
    for (let i = 0; i < 600 && status === 'InProgress'; i++) {
      // every Describe is answered while the regex runs (a stalled server would never answer)
      const d = JSON.parse(
        (await smCall(port, 'SageMaker.DescribeTrainingJob', { TrainingJobName: 'redos' })).body,
      );
      status = d.TrainingJobStatus;
      reason = d.FailureReason ?? '';
      await pause(100);
    }
    expect(status).toBe('Failed');
    expect(reason).toMatch(/^ClientError: MetricDefinitions 'evil': regex "\^\(a\+\)\+\$" took longer than/);
    expect(runBin(['stop', '--data-dir', dataDir]).status).toBe(0);
  });
});

describe('corrupt state at start', () => {
  it('quarantines unreadable state and log files, says which, and starts', async () => {
    const dataDir = join(tempDir(), 'data');
    const jobs = join(dataDir, 'state', 'training-jobs');
    mkdirSync(jobs, { recursive: true });
    writeFileSync(join(jobs, 'broken.json'), '{"TrainingJobName": "bro');
    writeFileSync(join(jobs, 'array.json'), '[1,2]');
    const group = join(dataDir, 'logs', encodeURIComponent('/aws/sagemaker/TrainingJobs'));
    mkdirSync(group, { recursive: true });
    writeFileSync(join(group, '_group.json'), 'not json');
    writeFileSync(
      join(group, 'job%2Falgo-1-1.jsonl'),
      'garbage header\n{"timestamp":1,"message":"m","ingestionTime":1}\n',
    );
    writeFileSync(
      join(group, 'ok%2Falgo-1-1.jsonl'),
      '{"creationTime":1}\n{"timestamp":1,"message":"m","ingestionTime":1}\n{"torn',
    );
    const warnings: string[] = [];
    const local = await startLocal({
      port: 0,
      dataDir,
      logger: { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
    });
    try {
      for (const f of [
        join(jobs, 'broken.json'),
        join(jobs, 'array.json'),
        join(group, '_group.json'),
        join(group, 'job%2Falgo-1-1.jsonl'),
      ]) {
        expect(warnings.some((w) => w.startsWith(`${f} is unreadable`) && w.includes('moved it to'))).toBe(
          true,
        );
        expect(existsSync(f)).toBe(false);
      }
      expect(readdirSync(jobs).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
      expect(warnings.some((w) => w.includes('ok%2Falgo-1-1.jsonl: skipped 1 unreadable line'))).toBe(true);
      expect(local.context.logs.messages('/aws/sagemaker/TrainingJobs', 'ok/algo-1-1')).toEqual(['m']);
    } finally {
      await local.stop();
    }
  });
});
