/**
 * Runs one step's process as the runner does: the environment given, workflow commands read from
 * its stdout and stderr (`::add-mask::`, `::error::`, `::warning::`, `::stop-commands::`), the
 * log echoed with masks applied, and a timeout that sends SIGINT, then SIGTERM, then SIGKILL
 * (7.5 s and 2.5 s apart, the runner's cancellation timings).
 */
import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  errors: string[];
  warnings: string[];
  ms: number;
}

export interface ProcessOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  timeoutMs?: number;
  masks: Set<string>;
  /** Receives each log line (masked, workflow commands removed). */
  log: (line: string) => void;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

export function applyMasks(line: string, masks: Set<string>): string {
  let out = line;
  for (const m of masks) if (m.length > 0) out = out.split(m).join('***');
  return out;
}

/** Handles one line of output: updates masks/annotations, returns the text to show (or null). */
export function handleLine(
  line: string,
  state: { stopToken?: string; masks: Set<string>; errors: string[]; warnings: string[] },
): string | null {
  if (state.stopToken) {
    if (line === `::${state.stopToken}::`) {
      delete state.stopToken;
      return null;
    }
    return applyMasks(line, state.masks);
  }
  const m = /^::([a-z-]+)(?:\s+([^:]*))?::(.*)$/.exec(line);
  if (!m) return applyMasks(line, state.masks);
  const [, command, , rawData] = m;
  const value = unescapeData(rawData ?? '');
  switch (command) {
    case 'add-mask':
      state.masks.add(value);
      return null;
    case 'stop-commands':
      state.stopToken = value;
      return null;
    case 'error':
      state.errors.push(applyMasks(value, state.masks));
      return `error: ${applyMasks(value, state.masks)}`;
    case 'warning':
      state.warnings.push(applyMasks(value, state.masks));
      return `warning: ${applyMasks(value, state.masks)}`;
    case 'notice':
      return `notice: ${applyMasks(value, state.masks)}`;
    case 'group':
      return `▸ ${applyMasks(value, state.masks)}`;
    case 'endgroup':
    case 'debug':
      return null;
    default:
      return applyMasks(line, state.masks);
  }
}

export function runProcess(opts: ProcessOptions): Promise<ProcessResult> {
  const started = process.hrtime.bigint();
  const state: { stopToken?: string; masks: Set<string>; errors: string[]; warnings: string[] } = {
    masks: opts.masks,
    errors: [],
    warnings: [],
  };
  return new Promise((resolve) => {
    const child = spawn(opts.command, opts.args, {
      env: opts.env,
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    if (opts.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          killGroup('SIGINT');
          timers.push(setTimeout(() => killGroup('SIGTERM'), 7500));
          timers.push(setTimeout(() => killGroup('SIGKILL'), 10000));
        }, opts.timeoutMs),
      );
    }
    const pending: Record<'out' | 'err', string> = { out: '', err: '' };
    const feed = (which: 'out' | 'err', chunk: Buffer | string, flush = false): void => {
      pending[which] += String(chunk);
      const lines = pending[which].split(/\r?\n/);
      pending[which] = flush ? '' : lines.pop()!;
      for (const line of lines) {
        if (flush && line === '') continue;
        const shown = handleLine(line, state);
        if (shown !== null) opts.log(shown);
      }
    };
    child.stdout.on('data', (c: Buffer) => feed('out', c));
    child.stderr.on('data', (c: Buffer) => feed('err', c));
    child.on('error', (err) => {
      state.errors.push(`cannot start ${opts.command}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      feed('out', '', true);
      feed('err', '', true);
      resolve({
        code,
        signal,
        timedOut,
        errors: state.errors,
        warnings: state.warnings,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
  });
}
