/**
 * CloudWatch Logs (JSON 1.1, `Logs_20140328.<Op>`): the log groups jobs write to, read with
 * DescribeLogGroups, DescribeLogStreams, GetLogEvents and FilterLogEvents the way AWS answers
 * them. A group exists only once its first line is written (ResourceNotFoundException before).
 * Persisted as one JSON-lines file per stream under <dataDir>/logs/.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AwsError } from '../protocol.js';
import { paginate, sortBy } from '../pagination.js';
import { Checker, requestObject } from '../validate.js';
import { compileFilterPattern } from './log-filter.js';
import { quarantine } from '../store.js';

interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}
interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
}
interface LogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, LogStream>;
}

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message);
const TOKEN_DIGITS = 56;
const padToken = (dir: 'f' | 'b', n: number): string => `${dir}/${String(n).padStart(TOKEN_DIGITS, '0')}`;

export class LogStore {
  private readonly groups = new Map<string, LogGroup>();

  constructor(
    private readonly dir: string,
    private readonly region: string,
    private readonly accountId: string,
    private readonly now: () => number = Date.now,
    private readonly warn?: (message: string) => void,
  ) {
    mkdirSync(dir, { recursive: true });
    this.load();
  }

  private load(): void {
    for (const g of readdirSync(this.dir, { withFileTypes: true })) {
      if (!g.isDirectory()) continue;
      const groupName = decodeURIComponent(g.name);
      const meta = join(this.dir, g.name, '_group.json');
      const creationTime = existsSync(meta) ? (this.readJson(meta)?.creationTime ?? 0) : 0;
      const group: LogGroup = { name: groupName, creationTime, streams: new Map() };
      for (const f of readdirSync(join(this.dir, g.name))) {
        if (!f.endsWith('.jsonl')) continue;
        const path = join(this.dir, g.name, f);
        const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
        let header: { creationTime?: number };
        try {
          header = JSON.parse(lines[0] ?? '{}') as { creationTime?: number };
        } catch (err) {
          quarantine(path, `bad header line: ${(err as Error).message}`, this.warn);
          continue;
        }
        const events: LogEvent[] = [];
        let torn = 0;
        for (const l of lines.slice(1)) {
          try {
            events.push(JSON.parse(l) as LogEvent);
          } catch {
            torn++;
          }
        }
        // A torn last line after a crash is the usual case; it stays in the file, unread.
        if (torn) this.warn?.(`${path}: skipped ${torn} unreadable line(s) (left in the file)`);
        const name = decodeURIComponent(f.slice(0, -'.jsonl'.length));
        group.streams.set(name, { name, creationTime: header.creationTime ?? 0, events });
      }
      this.groups.set(groupName, group);
    }
  }

  /** A small JSON file, or undefined (and quarantined) when it is unreadable. */
  private readJson(path: string): { creationTime?: number } | undefined {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as { creationTime?: number };
    } catch (err) {
      quarantine(path, (err as Error).message, this.warn);
      return undefined;
    }
  }

  /** Appends one line (creating the group and stream on first use, as the log driver does). */
  append(groupName: string, streamName: string, message: string, timestamp = this.now()): void {
    const gdir = join(this.dir, encodeURIComponent(groupName));
    let group = this.groups.get(groupName);
    if (!group) {
      group = { name: groupName, creationTime: this.now(), streams: new Map() };
      this.groups.set(groupName, group);
      mkdirSync(gdir, { recursive: true });
      appendFileSync(join(gdir, '_group.json'), JSON.stringify({ creationTime: group.creationTime }));
    }
    const file = join(gdir, `${encodeURIComponent(streamName)}.jsonl`);
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: this.now(), events: [] };
      group.streams.set(streamName, stream);
      appendFileSync(file, `${JSON.stringify({ creationTime: stream.creationTime })}\n`);
    }
    const event: LogEvent = { timestamp, message, ingestionTime: this.now() };
    stream.events.push(event);
    appendFileSync(file, `${JSON.stringify(event)}\n`);
  }

  /** All messages of a stream (tests and job summaries). */
  messages(groupName: string, streamName: string): string[] {
    return (
      this.groups
        .get(groupName)
        ?.streams.get(streamName)
        ?.events.map((e) => e.message) ?? []
    );
  }

  private groupArn(name: string): string {
    return `arn:aws:logs:${this.region}:${this.accountId}:log-group:${name}`;
  }

  private group(req: Record<string, unknown>): LogGroup {
    const name = (req['logGroupName'] ?? req['logGroupIdentifier']) as unknown;
    if (typeof name !== 'string' || !name)
      throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
    const groupName = name.startsWith('arn:')
      ? name.replace(/^arn:[^:]+:logs:[^:]*:\d*:log-group:/, '').replace(/:\*$/, '')
      : name;
    const group = this.groups.get(groupName);
    if (!group) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return group;
  }

  handle(operation: string, body: unknown): unknown {
    const req = requestObject(body);
    switch (operation) {
      case 'DescribeLogGroups':
        return this.describeLogGroups(req);
      case 'DescribeLogStreams':
        return this.describeLogStreams(req);
      case 'GetLogEvents':
        return this.getLogEvents(req);
      case 'FilterLogEvents':
        return this.filterLogEvents(req);
      default:
        throw new AwsError(
          'UnknownOperationException',
          `sagemaker-local does not implement Logs.${operation}`,
        );
    }
  }

  private describeLogGroups(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.string('logGroupNamePrefix', req['logGroupNamePrefix'], { min: 1, max: 512 });
    c.integer('limit', req['limit'], { min: 1, max: 50 });
    c.done();
    const prefix = (req['logGroupNamePrefix'] as string | undefined) ?? '';
    const groups = sortBy(
      [...this.groups.values()].filter((g) => g.name.startsWith(prefix)),
      (g) => g.name,
      false,
    );
    const page = paginate(
      groups,
      (req['limit'] as number | undefined) ?? 50,
      req['nextToken'] as string | undefined,
      `lg:${prefix}`,
      'InvalidParameterException',
    );
    return {
      logGroups: page.items.map((g) => ({
        logGroupName: g.name,
        creationTime: g.creationTime,
        metricFilterCount: 0,
        arn: `${this.groupArn(g.name)}:*`,
        logGroupArn: this.groupArn(g.name),
        storedBytes: [...g.streams.values()].reduce(
          (n, s) => n + s.events.reduce((m, e) => m + e.message.length, 0),
          0,
        ),
        logGroupClass: 'STANDARD',
      })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  private describeLogStreams(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.string('logStreamNamePrefix', req['logStreamNamePrefix'], { min: 1, max: 512 });
    c.enumOf('orderBy', req['orderBy'], ['LogStreamName', 'LastEventTime']);
    c.integer('limit', req['limit'], { min: 1, max: 50 });
    c.done();
    const group = this.group(req);
    const prefix = req['logStreamNamePrefix'] as string | undefined;
    const orderBy = (req['orderBy'] as string | undefined) ?? 'LogStreamName';
    if (prefix && orderBy === 'LastEventTime')
      throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    const streams = [...group.streams.values()].filter((s) => !prefix || s.name.startsWith(prefix));
    const last = (s: LogStream): number => s.events.at(-1)?.timestamp ?? 0;
    const sorted = sortBy(
      streams,
      orderBy === 'LastEventTime' ? last : (s) => s.name,
      req['descending'] === true,
    );
    const scope = `ls:${group.name}:${prefix ?? ''}:${orderBy}:${String(req['descending'])}`;
    const page = paginate(
      sorted,
      (req['limit'] as number | undefined) ?? 50,
      req['nextToken'] as string | undefined,
      scope,
      'InvalidParameterException',
    );
    return {
      logStreams: page.items.map((s) => ({
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(s.events.length
          ? {
              firstEventTimestamp: s.events[0]!.timestamp,
              lastEventTimestamp: last(s),
              lastIngestionTime: s.events.at(-1)!.ingestionTime,
            }
          : {}),
        uploadSequenceToken: String(s.events.length + 1).padStart(56, '0'),
        arn: `${this.groupArn(group.name)}:log-stream:${s.name}`,
        storedBytes: 0,
      })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  private getLogEvents(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.string('logStreamName', req['logStreamName'], { required: true, min: 1, max: 512 });
    c.integer('limit', req['limit'], { min: 1, max: 10000 });
    c.done();
    const group = this.group(req);
    const stream = group.streams.get(req['logStreamName'] as string);
    if (!stream) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const startTime = req['startTime'] as number | undefined;
    const endTime = req['endTime'] as number | undefined;
    const events = stream.events.filter(
      (e) =>
        (startTime === undefined || e.timestamp >= startTime) &&
        (endTime === undefined || e.timestamp < endTime),
    );
    const limit = (req['limit'] as number | undefined) ?? 10000;
    const token = req['nextToken'] as string | undefined;
    let start: number;
    let end: number;
    if (token) {
      const m = /^([fb])\/(\d+)$/.exec(token);
      if (!m) throw invalid('The specified nextToken is invalid.');
      const at = Math.min(Number(m[2]), events.length);
      if (m[1] === 'f') {
        start = at;
        end = Math.min(events.length, at + limit);
      } else {
        end = at;
        start = Math.max(0, at - limit);
      }
    } else if (req['startFromHead'] === true) {
      start = 0;
      end = Math.min(events.length, limit);
    } else {
      end = events.length;
      start = Math.max(0, end - limit);
    }
    return {
      events: events
        .slice(start, end)
        .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
      nextForwardToken: padToken('f', end),
      nextBackwardToken: padToken('b', start),
    };
  }

  private filterLogEvents(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.list('logStreamNames', req['logStreamNames'], { min: 1, max: 100 });
    c.string('logStreamNamePrefix', req['logStreamNamePrefix'], { min: 1, max: 512 });
    c.integer('limit', req['limit'], { min: 1, max: 10000 });
    c.string('filterPattern', req['filterPattern'], { max: 1024 });
    c.done();
    const group = this.group(req);
    const names = req['logStreamNames'] as string[] | undefined;
    const prefix = req['logStreamNamePrefix'] as string | undefined;
    if (names && prefix) invalidBoth();
    const match = compileFilterPattern((req['filterPattern'] as string | undefined) ?? '');
    const startTime = req['startTime'] as number | undefined;
    const endTime = req['endTime'] as number | undefined;
    const streams = [...group.streams.values()].filter(
      (s) => (!names || names.includes(s.name)) && (!prefix || s.name.startsWith(prefix)),
    );
    const all: {
      logStreamName: string;
      timestamp: number;
      message: string;
      ingestionTime: number;
      eventId: string;
    }[] = [];
    for (const s of streams) {
      s.events.forEach((e, i) => {
        if (startTime !== undefined && e.timestamp < startTime) return;
        if (endTime !== undefined && e.timestamp > endTime) return;
        if (!match(e.message)) return;
        all.push({
          logStreamName: s.name,
          timestamp: e.timestamp,
          message: e.message,
          ingestionTime: e.ingestionTime,
          eventId: `${s.name}:${i}`,
        });
      });
    }
    const sorted = sortBy(all, (e) => e.timestamp, false);
    const scope = `fl:${group.name}:${names?.join(',') ?? ''}:${prefix ?? ''}:${String(req['filterPattern'] ?? '')}:${startTime ?? ''}:${endTime ?? ''}`;
    const page = paginate(
      sorted,
      (req['limit'] as number | undefined) ?? 10000,
      req['nextToken'] as string | undefined,
      scope,
      'InvalidParameterException',
    );
    return {
      events: page.items,
      searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }
}

function invalidBoth(): never {
  throw invalid('You cannot specify both LogStreamNames and LogStreamNamePrefix.');
}
