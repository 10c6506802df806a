/**
 * Job processes: spawned as children of the server, each leading its own process group (so a
 * stop reaches whatever the job started too), their stdout/stderr split into lines, stopped with
 * SIGTERM then SIGKILL after a grace period, and all of them stopped and awaited when the server
 * stops. With a RunLedger, running groups are recorded so a restart after a crash stops them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { RunLedger } from './ledger.js';

/** Signals the child's whole process group (falls back to the child alone). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) {
      process.kill(-child.pid, signal);
      return;
    }
  } catch {
    // no such group (already exited): fall back to the child
  }
  child.kill(signal);
}

export type StopReason = 'stop' | 'timeout' | 'shutdown';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why we stopped it, when we did. */
  stopReason?: StopReason;
  /** spawn() itself failed (command not found, ...). */
  spawnError?: string;
}

export interface StartOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onLine: (line: string, stream: 'stdout' | 'stderr') => void;
  /** MaxRuntime: SIGTERM (then SIGKILL after the grace) when it is exceeded. */
  maxRuntimeMs?: number;
}

export interface RunningProcess {
  readonly done: Promise<ProcessResult>;
  stop(reason: StopReason): void;
}

export class ProcessTracker {
  private readonly running = new Set<RunningProcess>();

  constructor(
    private readonly graceMs: number,
    private readonly timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = {
      setTimeout,
      clearTimeout,
    },
    readonly ledger?: RunLedger,
  ) {}

  /** Records a job's temporary root (removed at the next start if the server dies first). */
  trackRoot(root: string): void {
    this.ledger?.addRoot(root);
  }

  untrackRoot(root: string): void {
    this.ledger?.removeRoot(root);
  }

  get size(): number {
    return this.running.size;
  }

  start(opts: StartOptions): RunningProcess {
    let stopReason: StopReason | undefined;
    let child: ChildProcess | undefined;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    let runtimeTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = (reason: StopReason): void => {
      if (stopReason || !child || child.exitCode !== null || child.signalCode !== null) return;
      stopReason = reason;
      signalGroup(child, 'SIGTERM');
      killTimer = this.timers.setTimeout(() => child && signalGroup(child, 'SIGKILL'), this.graceMs);
    };
    const done = new Promise<ProcessResult>((resolve) => {
      try {
        child = spawn(opts.command, opts.args, {
          cwd: opts.cwd,
          env: opts.env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        });
      } catch (err) {
        resolve({ code: null, signal: null, spawnError: (err as Error).message });
        return;
      }
      const pid = child.pid;
      if (pid !== undefined) this.ledger?.addProcess(pid);
      const streams: Promise<void>[] = [];
      for (const name of ['stdout', 'stderr'] as const) {
        const s = child[name];
        if (!s) continue;
        const rl = createInterface({ input: s, crlfDelay: Infinity });
        rl.on('line', (line) => opts.onLine(line, name));
        streams.push(new Promise((r) => rl.once('close', () => r())));
      }
      let spawnError: string | undefined;
      child.once('error', (err) => {
        spawnError = err.message;
      });
      if (opts.maxRuntimeMs !== undefined)
        runtimeTimer = this.timers.setTimeout(() => stop('timeout'), opts.maxRuntimeMs);
      child.once('close', (code, signal) => {
        if (pid !== undefined) this.ledger?.removeProcess(pid);
        if (killTimer) this.timers.clearTimeout(killTimer);
        if (runtimeTimer) this.timers.clearTimeout(runtimeTimer);
        void Promise.all(streams).then(() =>
          resolve({
            code,
            signal,
            ...(stopReason ? { stopReason } : {}),
            ...(spawnError ? { spawnError } : {}),
          }),
        );
      });
    });
    const handle: RunningProcess = { done, stop };
    this.running.add(handle);
    void done.finally(() => this.running.delete(handle));
    return handle;
  }

  /** Stops every child (SIGTERM, SIGKILL after the grace) and waits until all have exited. */
  async stopAll(): Promise<void> {
    const all = [...this.running];
    for (const p of all) p.stop('shutdown');
    await Promise.all(all.map((p) => p.done));
  }
}
