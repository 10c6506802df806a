/**
 * Starts sagemaker-local in the background (a detached process that outlives this step, its
 * output in log files), waits for its "listening" line, and stops it by pid in the post step.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StageFailure } from '../../core/errors.js';

export interface Started {
  url: string;
  pid: number;
  dataDir: string;
  logFile: string;
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Installs the kit's runtime dependencies when its checkout has none (a runner checkout). */
export function ensureDependencies(kitRoot: string, log: (m: string) => void): void {
  if (existsSync(join(kitRoot, 'node_modules', 'tsx'))) return;
  log(`installing sagemaker-local's dependencies in ${kitRoot} (npm ci --omit=dev)`);
  const r = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: kitRoot,
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new StageFailure(
      `npm ci in ${kitRoot} failed (exit ${r.status}): ${String(r.stderr).trim().slice(-400)}`,
    );
}

export async function startServer(opts: {
  kitRoot: string;
  dataDir: string;
  port: number;
  timeoutMs: number;
  python?: string;
  sleep?: Sleep;
}): Promise<Started> {
  mkdirSync(opts.dataDir, { recursive: true });
  const logFile = join(opts.dataDir, 'sagemaker-local.log');
  const outFile = join(opts.dataDir, 'sagemaker-local.out');
  const out = openSync(outFile, 'w');
  const err = openSync(logFile, 'w');
  // --watch-parent false: the server must outlive this step (the post step stops it by pid).
  const args = [
    join(opts.kitRoot, 'bin', 'sagemaker-local.js'),
    'start',
    '--port',
    String(opts.port),
    '--data-dir',
    opts.dataDir,
    // The server must outlive this step (its post step stops it by pid), not die with its parent.
    '--watch-parent',
    'false',
  ];
  if (opts.python) args.push('--python', opts.python);
  const child = spawn(process.execPath, args, {
    cwd: opts.kitRoot,
    detached: true,
    stdio: ['ignore', out, err],
  });
  closeSync(out);
  closeSync(err);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new StageFailure('could not start sagemaker-local (no process id)');
  const sleep = opts.sleep ?? realSleep;
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const m = /sagemaker-local listening on (http:\/\/\S+)/.exec(readFileSync(outFile, 'utf8'));
    if (m) return { url: m[1]!, pid, dataDir: opts.dataDir, logFile };
    if (!isRunning(pid))
      throw new StageFailure(
        `sagemaker-local exited before listening: ${readFileSync(logFile, 'utf8').trim().slice(-600)}`,
      );
    if (Date.now() > deadline) {
      stopPid(pid, 'SIGKILL');
      throw new StageFailure(
        `sagemaker-local did not listen within ${opts.timeoutMs / 1000} s: ${readFileSync(logFile, 'utf8').trim().slice(-600)}`,
      );
    }
    await sleep(100);
  }
}

/** The state letter of /proc/<pid>/stat (Linux), e.g. 'Z' for a zombie; undefined elsewhere. */
export function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may contain spaces and parentheses
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  } catch {
    return undefined;
  }
}

/**
 * Whether pid still runs. The server outlives the step that started it, so once stopped it waits
 * as a zombie until init reaps it, and a zombie still answers signal 0: some inits (containers)
 * reap only every second or two, which the post step would otherwise wait out.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return procState(pid) !== 'Z';
}

function stopPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    /* gone */
  }
}

/** SIGTERM (sagemaker-local stops its jobs and exits), SIGKILL after graceMs. Resolves when gone. */
export async function stopServer(
  pid: number,
  graceMs = 15_000,
  sleep: Sleep = realSleep,
): Promise<'stopped' | 'killed' | 'not-running'> {
  if (!isRunning(pid)) return 'not-running';
  stopPid(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return 'stopped';
    await sleep(100);
  }
  stopPid(-pid, 'SIGKILL');
  stopPid(pid, 'SIGKILL');
  return 'killed';
}
