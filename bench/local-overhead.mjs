#!/usr/bin/env node
// sagemaker-local's own overhead: time from CreateTrainingJob to Completed for a trivial
// script-mode job (the script does nothing), against the time to just run that script with the
// same Python. Polls DescribeTrainingJob every 10 ms. Usage: node bench/local-overhead.mjs [runs]
import { register } from 'tsx/esm/api';
import { performance } from 'node:perf_hooks';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

register();
const { startLocal } = await import('../local/index.ts');
const { S3Client, CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
const { SageMakerClient, CreateTrainingJobCommand, DescribeTrainingJobCommand } =
  await import('@aws-sdk/client-sagemaker');

const runs = Number(process.argv[2] ?? 10);
const python = process.env.SAGEMAKER_LOCAL_PYTHON ?? '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'sml-bench-'));
writeFileSync(join(dir, 'noop.py'), 'pass\n');
execFileSync('tar', ['-czf', join(dir, 'src.tar.gz'), '-C', dir, 'noop.py']);
const local = await startLocal({ port: 0, dataDir: join(dir, 'data'), logger: 'silent', python });
const cfg = {
  endpoint: local.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
};
const s3 = new S3Client({ ...cfg, forcePathStyle: true });
const sm = new SageMakerClient(cfg);
await s3.send(new CreateBucketCommand({ Bucket: 'bench' }));
await s3.send(new PutObjectCommand({ Bucket: 'bench', Key: 'train/x.csv', Body: '1\n' }));
await s3.send(
  new PutObjectCommand({ Bucket: 'bench', Key: 'src.tar.gz', Body: readFileSync(join(dir, 'src.tar.gz')) }),
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const jobTimes = [];
const bareTimes = [];
for (let i = 0; i < runs + 1; i++) {
  const name = `noop-${i}`;
  const t0 = performance.now();
  await sm.send(
    new CreateTrainingJobCommand({
      TrainingJobName: name,
      RoleArn: 'arn:aws:iam::000000000000:role/R',
      AlgorithmSpecification: {
        TrainingImage: '1.dkr.ecr.us-east-1.amazonaws.com/x:1',
        TrainingInputMode: 'File',
      },
      HyperParameters: { sagemaker_program: 'noop.py', sagemaker_submit_directory: 's3://bench/src.tar.gz' },
      InputDataConfig: [
        {
          ChannelName: 'train',
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bench/train/' } },
        },
      ],
      OutputDataConfig: { S3OutputPath: 's3://bench/out' },
      ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    }),
  );
  let status;
  do {
    await new Promise((r) => setTimeout(r, 10));
    status = (await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;
  } while (status === 'InProgress');
  const jobMs = performance.now() - t0;
  const b0 = performance.now();
  spawnSync(python, [join(dir, 'noop.py')]);
  const bareMs = performance.now() - b0;
  if (i > 0) {
    jobTimes.push(jobMs);
    bareTimes.push(bareMs);
  }
  if (status !== 'Completed') {
    await local.stop();
    throw new Error(`${name} ended ${status}`);
  }
}
const mj = median(jobTimes);
const mb = median(bareTimes);
console.log(
  `runs=${runs} create->Completed median ${mj.toFixed(0)} ms; bare python run median ${mb.toFixed(0)} ms; emulator overhead ~${(mj - mb).toFixed(0)} ms`,
);
s3.destroy();
sm.destroy();
await local.stop();
rmSync(dir, { recursive: true, force: true });
