/**
 * The CLI server's pid file (`<data dir>/sagemaker-local.pid`: the pid, then the URL) and the
 * watch on the process that started it. `npx sagemaker-local start &` runs the server under
 * `npm exec` and `sh -c`, and `kill $!` reaches only npm: the server exits on its own when its
 * parent is gone (re-parented) or, on Linux, when the npm process above its `sh -c` is gone.
 * `sagemaker-local stop --data-dir D` stops the server recorded in D.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PID_FILE = 'sagemaker-local.pid';

export const pidFilePath = (dataDir: string): string => join(resolve(dataDir), PID_FILE);

export interface PidRecord {
  pid: number;
  url?: string;
}

/** Parses the pid file's text. Pure. */
export function parsePidFile(text: string): PidRecord | undefined {
  const [first, url] = text.split('\n');
  const pid = Number(first);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, ...(url ? { url } : {}) };
}

export function readPidFile(dataDir: string): PidRecord | undefined {
  try {
    return parsePidFile(readFileSync(pidFilePath(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
}

function procCmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** Whether pid is a live sagemaker-local (on Linux: its command line says so, so a reused pid is not). */
export function isSagemakerLocal(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!existsSync('/proc/self')) return true;
  return procCmdline(pid)?.includes('sagemaker-local') ?? false;
}

export function writePidFile(dataDir: string, pid: number, url: string): void {
  const file = pidFilePath(dataDir);
  const tmp = `${file}.${pid}.tmp`;
  writeFileSync(tmp, `${pid}\n${url}\n`);
  renameSync(tmp, file);
}

/** Removes the pid file if it still names pid. */
export function removePidFile(dataDir: string, pid: number): void {
  if (readPidFile(dataDir)?.pid === pid) rmSync(pidFilePath(dataDir), { force: true });
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the server of dataDir, then waits (up to timeoutMs) for it to exit. */
export async function stopServer(
  dataDir: string,
  timeoutMs = 30_000,
): Promise<{ outcome: 'stopped' | 'not-running' | 'timeout'; pid?: number }> {
  const rec = readPidFile(dataDir);
  if (!rec || !isSagemakerLocal(rec.pid)) {
    if (rec) rmSync(pidFilePath(dataDir), { force: true });
    return { outcome: 'not-running' };
  }
  process.kill(rec.pid, 'SIGTERM');
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if (!isSagemakerLocal(rec.pid)) return { outcome: 'stopped', pid: rec.pid };
    await pause(100);
  }
  return { outcome: 'timeout', pid: rec.pid };
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may contain spaces and parentheses
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * The processes whose exit means "the process that started the server is gone": the parent,
 * and (Linux) when the parent is a `sh -c` wrapper under `npm exec`/`npx`, that npm process.
 */
export function startersOf(ppid: number): number[] {
  const starters = [ppid];
  const cmd = procCmdline(ppid);
  if (cmd && /^(\S*\/)?(sh|dash|bash)\s+-c\s/.test(cmd)) {
    const gp = parentOf(ppid);
    const gpCmd = gp ? procCmdline(gp) : undefined;
    if (gp && gp > 1 && gpCmd && /\bnpm\b|\bnpx\b|npm-cli\.js/.test(gpCmd)) starters.push(gp);
  }
  return starters;
}

/** Calls onGone once when the starting process is gone; returns a function that stops watching. */
export function watchParent(onGone: (why: string) => void, intervalMs = 500): () => void {
  const ppid = process.ppid;
  const starters = startersOf(ppid);
  const timer = setInterval(() => {
    let why: string | undefined;
    if (process.ppid !== ppid) why = `the process that started it (pid ${ppid}) exited`;
    for (const pid of starters.slice(1)) {
      try {
        process.kill(pid, 0);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ESRCH')
          why = `the npm process that started it (pid ${pid}) exited`;
      }
    }
    if (why) {
      clearInterval(timer);
      onGone(why);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
