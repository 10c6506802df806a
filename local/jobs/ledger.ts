/**
 * What a server has running outside itself, recorded in `<data dir>/running.json` while it
 * runs: each job process group (pid and, on Linux, its start time, so a reused pid is never
 * killed) and each job's temporary root. When the emulator was killed (SIGKILL, crash, power),
 * the next start on the same data dir stops those process groups and removes those roots.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface LedgerEntries {
  processes: { pid: number; startTime?: string }[];
  roots: string[];
}

/** Start time of a process (field 22 of /proc/<pid>/stat), undefined where there is no /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export class RunLedger {
  private entries: LedgerEntries = { processes: [], roots: [] };
  private counter = 0;
  constructor(private readonly file: string) {}

  private save(): void {
    const tmp = `${this.file}.${process.pid}.${++this.counter}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.entries));
    renameSync(tmp, this.file);
  }

  addProcess(pid: number): void {
    const startTime = processStartTime(pid);
    this.entries.processes.push({ pid, ...(startTime ? { startTime } : {}) });
    this.save();
  }

  removeProcess(pid: number): void {
    this.entries.processes = this.entries.processes.filter((p) => p.pid !== pid);
    this.save();
  }

  addRoot(root: string): void {
    this.entries.roots.push(root);
    this.save();
  }

  removeRoot(root: string): void {
    this.entries.roots = this.entries.roots.filter((r) => r !== root);
    this.save();
  }

  /**
   * Stops (SIGKILL) the process groups and removes the roots a previous run left behind, then
   * starts a fresh ledger. Returns one message per thing cleaned up.
   */
  reap(): string[] {
    const done: string[] = [];
    let old: LedgerEntries | undefined;
    try {
      old = JSON.parse(readFileSync(this.file, 'utf8')) as LedgerEntries;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        done.push(`${this.file} was unreadable (${(err as Error).message}); nothing to clean up from it`);
    }
    for (const p of old?.processes ?? []) {
      const now = processStartTime(p.pid);
      // A live process with that pid but another start time is not ours (pid reused); a leader
      // that is gone may have left members of its group running.
      if (p.startTime !== undefined && now !== undefined && now !== p.startTime) continue;
      try {
        process.kill(-p.pid, 'SIGKILL');
        done.push(`stopped the process group ${p.pid} of a job left running by an earlier run`);
      } catch {
        // already gone
      }
    }
    for (const root of old?.roots ?? []) {
      if (!/sagemaker-local-/.test(root)) continue;
      rmSync(root, { recursive: true, force: true });
      done.push(`removed the job root ${root} left by an earlier run`);
    }
    this.entries = { processes: [], roots: [] };
    this.save();
    return done;
  }
}
