import type { CloudWatchLogsClient, LogStream } from '@aws-sdk/client-cloudwatch-logs';
import { awsErrorName, errorMessage } from '../core/errors.js';
import { isThrottling } from './errors.js';
import { paginate } from './paging.js';

/**
 * Streams a SageMaker job's CloudWatch logs into the step log: every stream of the job (one per
 * host, named `<job>/algo-<n>-<epoch>`), found by name prefix, with new streams picked up as they
 * appear and a forward token kept per stream. The log group not existing yet is normal (it is
 * created with the first line); throttling skips a round. Each call to poll() is one round.
 */
export interface LogStreamerOptions {
  client: CloudWatchLogsClient;
  /** e.g. /aws/sagemaker/TrainingJobs */
  logGroup: string;
  /** e.g. `<job-name>/` */
  prefix: string;
  /** Receives every line (already prefixed with the host when there are several streams). */
  write: (line: string) => void;
  /** Receives a problem once (e.g. access denied); streaming then stops, the job wait goes on. */
  warn?: (message: string) => void;
  /** How many of the last lines to keep for failure messages (default 50). */
  keepLines?: number;
  /** Upper bound on GetLogEvents pages per stream per round (default 10). */
  maxPagesPerStream?: number;
  /** Lines that mean the job is about to end (see FINISHING_PATTERNS). */
  finishingPatterns?: RegExp[];
}

/** Log lines that say the job is finishing: the poller then looks at the job status sooner. */
export const FINISHING_PATTERNS: RegExp[] = [
  /===== Job Complete =====/,
  /Training job completed/i,
  /Uploading generated training model/i,
  /Reporting training (SUCCESS|FAILURE)/,
  /Traceback \(most recent call last\)/,
];

/** `<job>/algo-2-1574293123` → `algo-2`. */
export function hostOfStream(streamName: string, prefix: string): string {
  const rest = streamName.startsWith(prefix) ? streamName.slice(prefix.length) : streamName;
  return rest.replace(/-\d{9,}$/, '') || rest;
}

/** CloudWatch shows tabs written by containers as `#011`. */
export function cleanLogMessage(message: string): string {
  return message.replace(/#011/g, '\t').replace(/\r?\n$/, '');
}

type LogsSdk = typeof import('@aws-sdk/client-cloudwatch-logs');
let sdkPromise: Promise<LogsSdk> | undefined;
const loadSdk = (): Promise<LogsSdk> => (sdkPromise ??= import('@aws-sdk/client-cloudwatch-logs'));

interface StreamState {
  name: string;
  host: string;
  token: string | undefined;
}

export class LogStreamer {
  private readonly streams = new Map<string, StreamState>();
  private readonly tail: string[] = [];
  private readonly keep: number;
  private readonly maxPages: number;
  private readonly patterns: RegExp[];
  private disabled = false;
  private sawFinishing = false;
  private lines = 0;
  /** Rounds skipped because of throttling (for tests and diagnostics). */
  throttledRounds = 0;

  constructor(private readonly opts: LogStreamerOptions) {
    this.keep = opts.keepLines ?? 50;
    this.maxPages = opts.maxPagesPerStream ?? 10;
    this.patterns = opts.finishingPatterns ?? FINISHING_PATTERNS;
  }

  /** True once a line matched a finishing pattern. */
  get finishing(): boolean {
    return this.sawFinishing;
  }

  get lineCount(): number {
    return this.lines;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** The last `n` lines seen (all streams, in the order printed). */
  lastLines(n = this.keep): string[] {
    return this.tail.slice(-n);
  }

  /** One round: discover streams, then read new events of each. Returns the number of lines written. */
  async poll(): Promise<number> {
    if (this.disabled) return 0;
    try {
      await this.discover();
      let written = 0;
      for (const s of [...this.streams.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        written += await this.readStream(s);
      }
      return written;
    } catch (err) {
      const name = awsErrorName(err) ?? '';
      if (name === 'ResourceNotFoundException') return 0; // group or stream not created yet
      if (isThrottling(err)) {
        this.throttledRounds++;
        return 0;
      }
      this.disabled = true;
      this.opts.warn?.(
        `log streaming stopped (${name || 'error'}: ${errorMessage(err)}); the job is still being watched`,
      );
      return 0;
    }
  }

  /** Reads until a round brings nothing new (bounded), e.g. after the job ended. */
  async drain(maxRounds = 5): Promise<void> {
    for (let i = 0; i < maxRounds; i++) {
      if ((await this.poll()) === 0) return;
    }
  }

  private async discover(): Promise<void> {
    const { DescribeLogStreamsCommand } = await loadSdk();
    const pages = paginate(
      async (nextToken) => {
        const res = await this.opts.client.send(
          new DescribeLogStreamsCommand({
            logGroupName: this.opts.logGroup,
            logStreamNamePrefix: this.opts.prefix,
            orderBy: 'LogStreamName',
            nextToken,
          }),
        );
        return { items: res.logStreams ?? [], next: res.nextToken };
      },
      { maxPages: 20 },
    );
    for await (const ls of pages) this.addStream(ls);
  }

  private addStream(ls: LogStream): void {
    const name = ls.logStreamName;
    if (!name || this.streams.has(name)) return;
    this.streams.set(name, { name, host: hostOfStream(name, this.opts.prefix), token: undefined });
  }

  private async readStream(s: StreamState): Promise<number> {
    const { GetLogEventsCommand } = await loadSdk();
    let written = 0;
    for (let page = 0; page < this.maxPages; page++) {
      const res = await this.opts.client.send(
        new GetLogEventsCommand({
          logGroupName: this.opts.logGroup,
          logStreamName: s.name,
          startFromHead: true,
          nextToken: s.token,
        }),
      );
      for (const e of res.events ?? []) {
        this.emit(s, e.message ?? '');
        written++;
      }
      const next = res.nextForwardToken;
      const repeated = !next || next === s.token;
      if (next) s.token = next;
      if (repeated || (res.events ?? []).length === 0) break;
    }
    return written;
  }

  private emit(s: StreamState, message: string): void {
    for (const raw of cleanLogMessage(message).split(/\r?\n/)) {
      const line = this.streams.size > 1 ? `[${s.host}] ${raw}` : raw;
      this.lines++;
      this.tail.push(line);
      if (this.tail.length > this.keep) this.tail.shift();
      if (!this.sawFinishing && this.patterns.some((p) => p.test(raw))) this.sawFinishing = true;
      this.opts.write(line);
    }
  }
}

/** The CloudWatch console page of a job's log streams. */
export function logConsoleUrl(region: string, logGroup: string, jobName: string): string {
  const enc = (s: string): string => encodeURIComponent(s).replace(/%/g, '$25');
  return (
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/` +
    `${enc(logGroup)}$3FlogStreamNameFilter$3D${enc(jobName + '/')}`
  );
}
