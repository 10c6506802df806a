/**
 * Faults and restarts: 30 % injected throttling with the kit's own clients (adaptive retries)
 * still completes a job flow; a restart mid-job leaves every resource readable and the job Failed.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateModelPackageGroupCommand,
  CreateTrainingJobCommand,
  DescribeModelPackageGroupCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  type CreateTrainingJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { PutMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { createAwsClients } from '../../../src/aws/clients.js';
import { RESTART_FAILURE_REASON } from '../../../local/index.js';
import { FIXTURES, ROLE, eventually, putObjects, removeDir, startEnv, type Env } from './helpers.js';

jest.setTimeout(120_000);
const BUCKET = 'res-bucket';

function job(name: string, program: string): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: name,
    RoleArn: ROLE,
    AlgorithmSpecification: {
      TrainingImage: '1.dkr.ecr.us-east-1.amazonaws.com/custom:1',
      TrainingInputMode: 'File',
    },
    HyperParameters: {
      sagemaker_program: program,
      sagemaker_submit_directory: `s3://${BUCKET}/code/sourcedir.tar.gz`,
    },
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/train` } },
      },
    ],
    OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/out` },
    ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 5 },
    StoppingCondition: { MaxRuntimeInSeconds: 300 },
  };
}

async function seed(env: Env): Promise<void> {
  const tarFile = join(mkdtempSync(join(tmpdir(), 'sml-code-')), 'sourcedir.tar.gz');
  execFileSync('tar', ['-czf', tarFile, '-C', FIXTURES, 'train_script.py', 'sleep_script.py']);
  await putObjects(env.s3, BUCKET, {
    'train/a.csv': '1,2\n',
    'code/sourcedir.tar.gz': readFileSync(tarFile),
  });
}

describe('sagemaker-local under 30 % throttling', () => {
  let env: Env;
  const saved = { ...process.env };
  beforeEach(async () => {
    env = await startEnv({ python: '/usr/bin/python3' });
    await seed(env);
    await env.close();
    // same data, now with faults on SageMaker/Logs/CloudWatch calls
    env = await startEnv({ python: '/usr/bin/python3', faults: 'throttle=0.3', seed: 42 }, env.dataDir);
  });
  afterEach(async () => {
    process.env = { ...saved };
    await env.close();
    removeDir(env.dataDir);
  });

  it('completes a job flow through the kit client factory (adaptive retries)', async () => {
    process.env['AWS_ENDPOINT_URL'] = env.local.url;
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIDLOCAL';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'secret';
    const clients = createAwsClients({ region: 'us-east-1' });
    const sm = await clients.sagemaker();
    const logs = await clients.logs();
    const cw = await clients.cloudwatch();
    let calls = 0;
    let attempts = 0;
    const count = <T extends { $metadata: { attempts?: number } }>(r: T): T => {
      calls += 1;
      attempts += r.$metadata.attempts ?? 1;
      return r;
    };
    count(await sm.send(new CreateTrainingJobCommand(job('throttled-job', 'train_script.py'))));
    const done = await eventually(
      async () => {
        const d = count(await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'throttled-job' })));
        return ['Completed', 'Failed', 'Stopped'].includes(d.TrainingJobStatus!) ? d : undefined;
      },
      200,
      500,
    );
    expect(done.FailureReason).toBeUndefined();
    expect(done.TrainingJobStatus).toBe('Completed');
    const streams = count(
      await logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamNamePrefix: 'throttled-job/',
          orderBy: 'LogStreamName',
        }),
      ),
    );
    const events = count(
      await logs.send(
        new GetLogEventsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamName: streams.logStreams![0]!.logStreamName!,
          startFromHead: true,
        }),
      ),
    );
    expect(events.events?.length).toBeGreaterThan(3);
    for (let i = 0; i < 3; i++)
      count(
        await cw.send(
          new PutMetricDataCommand({ Namespace: 'kit/test', MetricData: [{ MetricName: 'm', Value: i }] }),
        ),
      );
    count(await sm.send(new ListTrainingJobsCommand({})));
    expect(attempts).toBeGreaterThan(calls); // throttling really happened and was retried
    sm.destroy();
    logs.destroy();
    cw.destroy();
  });
});

describe('sagemaker-local restart', () => {
  it('keeps every resource and marks the interrupted job Failed', async () => {
    let env = await startEnv({ python: '/usr/bin/python3' });
    const dataDir = env.dataDir;
    try {
      await seed(env);
      await env.sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'survives' }));
      await env.cw.send(
        new PutMetricDataCommand({ Namespace: 'kit/test', MetricData: [{ MetricName: 'kept', Value: 1 }] }),
      );
      await env.sm.send(new CreateTrainingJobCommand(job('interrupted', 'sleep_script.py')));
      await eventually(async () => {
        const d = await env.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'interrupted' }));
        return d.SecondaryStatus === 'Training' ? d : undefined;
      });
      // wait until the script is really running (its first line is logged) before the restart
      await eventually(async () => {
        const r = await env.logs
          .send(
            new FilterLogEventsCommand({
              logGroupName: '/aws/sagemaker/TrainingJobs',
              logStreamNamePrefix: 'interrupted/',
            }),
          )
          .catch(() => undefined);
        return r?.events?.length ? r : undefined;
      });
      const processes = env.local.context.processes;
      expect(processes.size).toBe(1);
      await env.close();
      expect(processes.size).toBe(0); // stop() ended the job process and waited for it
      env = await startEnv({ python: '/usr/bin/python3' }, dataDir);
      const d = await env.sm.send(new DescribeTrainingJobCommand({ TrainingJobName: 'interrupted' }));
      expect(d.TrainingJobStatus).toBe('Failed');
      expect(d.SecondaryStatus).toBe('Failed');
      expect(d.FailureReason).toBe(RESTART_FAILURE_REASON);
      expect(d.TrainingStartTime).toBeInstanceOf(Date);
      await expect(
        env.sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'survives' })),
      ).resolves.toMatchObject({ ModelPackageGroupName: 'survives' });
      const obj = await env.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'train/a.csv' }));
      expect(await obj.Body!.transformToString()).toBe('1,2\n');
      const streams = await env.logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamNamePrefix: 'interrupted/',
        }),
      );
      const events = await env.logs.send(
        new GetLogEventsCommand({
          logGroupName: '/aws/sagemaker/TrainingJobs',
          logStreamName: streams.logStreams![0]!.logStreamName!,
          startFromHead: true,
        }),
      );
      expect(events.events?.map((e) => e.message)).toContain('started, waiting to be stopped');
      const metrics = await env.cw.send(new ListMetricsCommand({ Namespace: 'kit/test' }));
      expect(metrics.Metrics?.map((m) => m.MetricName)).toEqual(['kept']);
    } finally {
      await env.close();
      removeDir(dataDir);
    }
  });
});
