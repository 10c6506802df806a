import { beforeEach, describe, expect, test } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { LogStreamer, cleanLogMessage, hostOfStream, logConsoleUrl } from '../../../src/aws/logs.js';

const logs = mockClient(CloudWatchLogsClient);
const group = '/aws/sagemaker/TrainingJobs';
const prefix = 'job-1/';

function streamer(lines: string[], warnings: string[] = []) {
  return new LogStreamer({
    client: new CloudWatchLogsClient({ region: 'us-east-1' }),
    logGroup: group,
    prefix,
    write: (l) => lines.push(l),
    warn: (w) => warnings.push(w),
    keepLines: 3,
  });
}

function throttling(): Error {
  return Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
}

beforeEach(() => {
  logs.reset();
});

describe('pure helpers', () => {
  test('host of a stream and #011 as a tab', () => {
    expect(hostOfStream('job-1/algo-2-1574293123', prefix)).toBe('algo-2');
    expect(hostOfStream('job-1/algo-1', prefix)).toBe('algo-1');
    expect(cleanLogMessage('[1]#011train-auc:0.9#011validation-auc:0.8\n')).toBe(
      '[1]\ttrain-auc:0.9\tvalidation-auc:0.8',
    );
    expect(logConsoleUrl('eu-west-1', group, 'job-1')).toContain(
      'eu-west-1.console.aws.amazon.com/cloudwatch',
    );
  });
});

describe('LogStreamer', () => {
  test('the log group not existing yet is normal: nothing printed, no warning', async () => {
    logs
      .on(DescribeLogStreamsCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'The specified log group does not exist.', $metadata: {} }),
      );
    const lines: string[] = [];
    const warnings: string[] = [];
    const s = streamer(lines, warnings);
    expect(await s.poll()).toBe(0);
    expect(lines).toEqual([]);
    expect(warnings).toEqual([]);
  });

  test('one stream: lines without host prefix, forward tokens, stops when the token repeats', async () => {
    logs
      .on(DescribeLogStreamsCommand)
      .resolves({ logStreams: [{ logStreamName: 'job-1/algo-1-1700000000' }] });
    logs
      .on(GetLogEventsCommand, { logStreamName: 'job-1/algo-1-1700000000', nextToken: undefined })
      .resolves({ events: [{ message: 'a' }, { message: 'b' }], nextForwardToken: 'f/1' })
      .on(GetLogEventsCommand, { logStreamName: 'job-1/algo-1-1700000000', nextToken: 'f/1' })
      .resolves({ events: [{ message: 'c#011d' }], nextForwardToken: 'f/2' })
      .on(GetLogEventsCommand, { logStreamName: 'job-1/algo-1-1700000000', nextToken: 'f/2' })
      .resolves({ events: [], nextForwardToken: 'f/2' });
    const lines: string[] = [];
    const s = streamer(lines);
    expect(await s.poll()).toBe(3);
    expect(lines).toEqual(['a', 'b', 'c\td']);
    // Next round: nothing new, and the stored token is used (no re-reading from the head).
    expect(await s.poll()).toBe(0);
    const calls = logs.commandCalls(GetLogEventsCommand).map((c) => c.args[0].input);
    expect(calls.every((i) => i.startFromHead === true && i.logGroupName === group)).toBe(true);
    expect(calls.at(-1)!.nextToken).toBe('f/2');
    expect(s.lastLines()).toEqual(['a', 'b', 'c\td'].slice(-3));
  });

  test('several streams with pagination, a new stream appearing later, host prefixes', async () => {
    const d = logs.on(DescribeLogStreamsCommand);
    d.resolvesOnce({ logStreams: [{ logStreamName: 'job-1/algo-1-1700000000' }], nextToken: 'p2' })
      .resolvesOnce({ logStreams: [{ logStreamName: 'job-1/algo-2-1700000000' }] })
      .resolves({
        logStreams: [
          { logStreamName: 'job-1/algo-1-1700000000' },
          { logStreamName: 'job-1/algo-2-1700000000' },
          { logStreamName: 'job-1/algo-3-1700000050' },
        ],
      });
    logs.on(GetLogEventsCommand).callsFake((input: { logStreamName: string; nextToken?: string }) => {
      const host = input.logStreamName.split('/')[1]!.slice(0, 6);
      if (!input.nextToken)
        return { events: [{ message: `hello from ${host}` }], nextForwardToken: `${host}-1` };
      return { events: [], nextForwardToken: input.nextToken };
    });
    const lines: string[] = [];
    const s = streamer(lines);
    await s.poll();
    expect(lines).toEqual(['[algo-1] hello from algo-1', '[algo-2] hello from algo-2']);
    expect(logs.commandCalls(DescribeLogStreamsCommand)[1]!.args[0].input).toMatchObject({
      logStreamNamePrefix: prefix,
      orderBy: 'LogStreamName',
      nextToken: 'p2',
    });
    await s.poll();
    expect(s.streamCount).toBe(3);
    expect(lines.at(-1)).toBe('[algo-3] hello from algo-3');
    expect(lines.length).toBe(3);
  });

  test('throttling skips the round and the next round catches up', async () => {
    logs
      .on(DescribeLogStreamsCommand)
      .rejectsOnce(throttling())
      .rejectsOnce(throttling())
      .resolves({ logStreams: [{ logStreamName: 'job-1/algo-1-1700000000' }] });
    logs
      .on(GetLogEventsCommand)
      .resolvesOnce({ events: [{ message: 'x' }], nextForwardToken: 't1' })
      .resolves({ events: [], nextForwardToken: 't1' });
    const lines: string[] = [];
    const warnings: string[] = [];
    const s = streamer(lines, warnings);
    expect(await s.poll()).toBe(0);
    expect(await s.poll()).toBe(0);
    expect(await s.poll()).toBe(1);
    expect(s.throttledRounds).toBe(2);
    expect(warnings).toEqual([]);
    expect(lines).toEqual(['x']);
  });

  test('finishing lines raise the finishing flag', async () => {
    logs.on(DescribeLogStreamsCommand).resolves({ logStreams: [{ logStreamName: 'job-1/algo-1-1' }] });
    logs
      .on(GetLogEventsCommand)
      .resolvesOnce({ events: [{ message: 'training...' }], nextForwardToken: 't1' })
      .resolvesOnce({ events: [], nextForwardToken: 't1' })
      .resolvesOnce({ events: [{ message: '===== Job Complete =====' }], nextForwardToken: 't2' })
      .resolves({ events: [], nextForwardToken: 't2' });
    const s = streamer([]);
    await s.poll();
    expect(s.finishing).toBe(false);
    await s.poll();
    expect(s.finishing).toBe(true);
  });

  test('an unexpected error (access denied) warns once and stops streaming', async () => {
    logs
      .on(DescribeLogStreamsCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const warnings: string[] = [];
    const s = streamer([], warnings);
    await s.poll();
    await s.poll();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('AccessDeniedException');
    expect(logs.commandCalls(DescribeLogStreamsCommand)).toHaveLength(1);
  });
});
