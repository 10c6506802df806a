/** Pieces every job kind shares: its log stream, its temporary root, its environment. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalContext } from '../context.js';
import { toCloudWatchLine } from './metrics.js';

export const LOG_GROUPS = {
  training: '/aws/sagemaker/TrainingJobs',
  processing: '/aws/sagemaker/ProcessingJobs',
  transform: '/aws/sagemaker/TransformJobs',
} as const;

/** Log writer for `<job>/algo-1-<epoch>`; the group and stream appear with the first line. */
export function jobLog(
  ctx: LocalContext,
  group: string,
  jobName: string,
): { stream: string; write(line: string): string } {
  const stream = `${jobName}/algo-1-${Math.floor(ctx.now() / 1000)}`;
  return {
    stream,
    write(line: string): string {
      const cw = toCloudWatchLine(line);
      ctx.logs.append(group, stream, cw);
      return cw;
    },
  };
}

/** A job's temporary root, recorded in the run ledger (a restart after a crash removes it). */
export function makeJobRoot(kind: string, jobName: string, ctx?: LocalContext): string {
  const root = mkdtempSync(join(tmpdir(), `sagemaker-local-${kind}-${jobName}-`));
  ctx?.processes.trackRoot(root);
  return root;
}

export function removeJobRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Environment of a job process: the host's, plus the AWS endpoint of this emulator.
 *
 * OMP_WAIT_POLICY=PASSIVE (unless the host or the job sets it): a SageMaker instance runs one job,
 * but sagemaker-local shares its machine with everything else. OpenMP's default spin-waiting
 * (XGBoost runs one thread per core) then burns the CPU the other threads need: on a loaded
 * 2-core machine 50 rounds of the Olist training took ~15 s instead of ~2 s, at the same result.
 */
export function baseJobEnv(
  ctx: LocalContext,
  extra: Record<string, string>,
  userEnv: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ENDPOINT_URL: ctx.url,
    AWS_REGION: ctx.region,
    AWS_DEFAULT_REGION: ctx.region,
    AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'] ?? 'sagemaker-local',
    AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] ?? 'sagemaker-local',
    PYTHONUNBUFFERED: '1',
    OMP_WAIT_POLICY: process.env['OMP_WAIT_POLICY'] ?? 'PASSIVE',
    ...userEnv,
    ...extra,
  };
}

/** `/opt/ml/output/failure` content, if the job wrote one. */
export function readFailureFile(root: string): string | undefined {
  try {
    const text = readFileSync(join(root, 'output', 'failure'), 'utf8').trim();
    return text || undefined;
  } catch {
    return undefined;
  }
}

// Prefixes other than CapacityError are commonly seen but unverified (sagemaker.md).
const REASON_PREFIX_RE = /^(AlgorithmError|ClientError|CapacityError|InternalServerError):/;

/** FailureReason from /opt/ml/output/failure: prefixed AlgorithmError unless it carries a prefix. */
export function failureFromFile(text: string): string {
  return truncateReason(REASON_PREFIX_RE.test(text) ? text : `AlgorithmError: ${text}`);
}

export const truncateReason = (s: string): string => (s.length > 1024 ? s.slice(0, 1024) : s);

/** FailureReason for a non-zero exit: the failure file, else the exit status and the last stderr lines. */
export function algorithmFailure(
  root: string,
  code: number | null,
  signal: string | null,
  stderrTail: string[],
): string {
  const file = readFailureFile(root);
  if (file) return failureFromFile(file);
  const how = code !== null ? `exit code ${code}` : `signal ${signal ?? 'unknown'}`;
  const tail = stderrTail.filter(Boolean).slice(-5).join('\n');
  return truncateReason(
    `AlgorithmError: the job process ended with ${how}${tail ? `. Last output:\n${tail}` : ''}`,
  );
}

/** Keeps the last n lines. */
export class Tail {
  private readonly lines: string[] = [];
  constructor(private readonly n: number) {}
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.n) this.lines.shift();
  }
  get(): string[] {
    return [...this.lines];
  }
}

/** Path of the bundled XGBoost runtime (local/runtimes/xgboost/runtime.py). */
export const XGBOOST_RUNTIME = new URL('../runtimes/xgboost/runtime.py', import.meta.url).pathname;

/** One stderr line per finished job (the CLI's log; silent in tests). */
export function logJobEnd(
  ctx: LocalContext,
  kind: string,
  name: string,
  status: string,
  patch: Record<string, unknown>,
): void {
  const reason =
    typeof patch['FailureReason'] === 'string' ? `: ${patch['FailureReason'].split('\n')[0]}` : '';
  ctx.logger.info(`${kind} job ${name}: ${status}${reason}`);
}
