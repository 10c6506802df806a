/** How a rehearsal shows progress: each job and step with its result and time. */
import type { JobRecord, Printer, StepRecord } from './types.js';

export interface ConsolePrinterOptions {
  write: (text: string) => void;
  color: boolean;
  /** Hide step logs (results, notes and errors are still shown). */
  quiet: boolean;
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function consolePrinter(opts: ConsolePrinterOptions): Printer {
  const paint = (code: string, s: string): string => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const pad = (depth: number): string => '  '.repeat(depth * 2);
  const mark = (r: string): string =>
    r === 'success'
      ? paint('32', '✔')
      : r === 'failure'
        ? paint('31', '✘')
        : r === 'skipped'
          ? paint('2', '○')
          : paint('33', '■');
  return {
    job: (depth, label) => opts.write(`${pad(depth)}${paint('1', `▶ ${label}`)}\n`),
    step: (depth, r: StepRecord) => {
      const note = r.outcome === 'failure' && r.conclusion === 'success' ? ' (continue-on-error)' : '';
      const detail = r.detail ? `: ${r.detail}` : '';
      const time = r.outcome === 'skipped' ? 'skipped' : secs(r.ms);
      opts.write(
        `${pad(depth)}  ${mark(r.outcome)} ${r.name}${note} ${paint('2', `(${time})`)}${r.outcome === 'failure' ? paint('31', detail) : ''}\n`,
      );
    },
    jobDone: (depth, r: JobRecord) =>
      opts.write(
        `${pad(depth)}${mark(r.result)} ${paint('1', r.label)}: ${r.result} ${paint('2', `(${secs(r.ms)})`)}${r.detail ? ` ${r.result === 'failure' ? paint('31', r.detail) : paint('2', r.detail)}` : ''}\n`,
      ),
    log: (depth, line) => {
      if (!opts.quiet || /^(error|warning): /.test(line))
        opts.write(`${pad(depth)}    ${paint('2', '│')} ${line}\n`);
    },
    note: (depth, line) => opts.write(`${pad(depth)}    ${paint('2', `· ${line}`)}\n`),
  };
}

/** A printer that keeps every line (tests). */
export function memoryPrinter(): Printer & { lines: string[] } {
  const lines: string[] = [];
  const p = consolePrinter({ write: (t) => lines.push(t.replace(/\n$/, '')), color: false, quiet: false });
  return Object.assign(p, { lines });
}
