#!/usr/bin/env node
// How long after a SageMaker job ends does actions/train notice it and exit, and how many
// Describe calls does it make while waiting? Runs the committed bundle (scripts/lib/run-action.mjs)
// against sagemaker-local, through a counting proxy on 127.0.0.1, for jobs of varied length:
// processing jobs (a Python script that sleeps; no "finishing" hint in its log: the worst case
// for the adaptive schedule) and built-in XGBoost training jobs. Lateness = the step's exit time
// minus the job's end time (ProcessingEndTime / TrainingEndTime) -- both from this machine's clock.
//
// The AWS SDK waiter waitUntilTrainingJobCompletedOrStopped (minDelay 120 s, maxDelay 6 h,
// smithy backoff: first look after 120 s, then uniform in [120 s, min(max, 120 s * 2^(n-1))])
// is not run for real (it would take minutes per job); its lateness for the same job lengths is
// computed from that schedule by simulation (1000 draws per job).
//
// Usage: node bench/notice-latency.mjs [--trials 8] [--json]     (BENCH_SEED for other lengths)
import { createServer, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';
import { runActionBundle } from '../scripts/lib/run-action.mjs';

register();
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const { startLocal } = await import('../local/index.ts');
const { S3Client, CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
const { SageMakerClient, DescribeProcessingJobCommand, DescribeTrainingJobCommand } =
  await import('@aws-sdk/client-sagemaker');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const TRIALS = Number(arg('--trials', process.env.BENCH_TRIALS ?? 8));
let seed = Number(process.env.BENCH_SEED ?? 7);
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Lateness of the SDK waiter for a job ending `endS` seconds after the first Describe (one draw). */
function waiterLateness(endS, minS = 120, maxS = 21600) {
  let t = 0;
  for (let attempt = 1; t < endS; attempt++) {
    const ceiling = Math.log(maxS / minS) / Math.log(2) + 1;
    const cap = attempt > ceiling ? maxS : Math.min(minS * 2 ** (attempt - 1), maxS);
    t += attempt > ceiling ? maxS : minS + Math.random() * (cap - minS);
  }
  return t - endS;
}

const dataDir = mkdtempSync(join(tmpdir(), 'notice-bench-'));
const local = await startLocal({ port: 0, dataDir, logger: 'silent', stopGraceMs: 1000 });
const target = new URL(local.url);
const calls = [];
const proxy = createServer((req, res) => {
  calls.push({ t: Date.now(), target: String(req.headers['x-amz-target'] ?? `${req.method} ${req.url}`) });
  const up = request(
    {
      host: target.hostname,
      port: target.port,
      path: req.url,
      method: req.method,
      // sagemaker-local answers only requests that name it in Host (DNS-rebinding protection)
      headers: { ...req.headers, host: target.host },
    },
    (r) => {
      res.writeHead(r.statusCode ?? 500, r.headers);
      r.pipe(res);
    },
  );
  up.on('error', (e) => {
    res.writeHead(502);
    res.end(String(e));
  });
  req.pipe(up);
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;

const cfg = {
  endpoint: local.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' },
};
const s3 = new S3Client({ ...cfg, forcePathStyle: true });
const sm = new SageMakerClient(cfg);
const BUCKET = 'notice-bench';
await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
await s3.send(
  new PutObjectCommand({
    Bucket: BUCKET,
    Key: 'code/sleep.py',
    Body: 'import sys, time\nprint("working", flush=True)\ntime.sleep(float(sys.argv[1]))\nprint("done", flush=True)\n',
  }),
);
const rows = [];
for (let i = 0; i < 400; i++) rows.push(`${i % 2},${(i % 7) / 7},${(i % 11) / 11}`);
await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'xgb/train.csv', Body: rows.join('\n') + '\n' }));

const env = {
  AWS_ENDPOINT_URL: proxyUrl,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
};
const results = [];
for (let i = 0; i < TRIALS; i++) {
  const training = i % 2 === 1;
  const seconds = Math.round(15 + rand() * 65);
  const name = `notice-${Date.now()}-${i}`;
  const inputs = training
    ? {
        'job-name': name,
        image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
        'role-arn': 'arn:aws:iam::000000000000:role/SageMakerRole',
        'output-path': `s3://${BUCKET}/models`,
        inputs: `train: s3://${BUCKET}/xgb/`,
        'content-type': 'text/csv',
        hyperparameters: `num_round: ${seconds * 40}\nmax_depth: 8\neta: 0.01\nobjective: binary:logistic`,
      }
    : {
        mode: 'processing-job',
        'job-name': name,
        image: 'python-local:latest',
        'role-arn': 'arn:aws:iam::000000000000:role/SageMakerRole',
        entrypoint: 'python3 /opt/ml/processing/input/code/sleep.py',
        arguments: String(seconds),
        'processing-inputs': `code: s3://${BUCKET}/code/`,
      };
  const before = calls.length;
  const started = Date.now();
  const r = await runActionBundle(join(root, 'actions', 'train'), { inputs, env });
  const exited = Date.now();
  if (r.code !== 0) throw new Error(`trial ${i} failed:\n${r.stdout}\n${r.stderr}`);
  const d = training
    ? await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))
    : await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
  const start = (training ? d.CreationTime : d.CreationTime).getTime();
  const end = (training ? d.TrainingEndTime : d.ProcessingEndTime).getTime();
  const describes = calls
    .slice(before)
    .filter((c) => /Describe(Training|Processing)Job$/.test(c.target)).length;
  const waitedMin = (exited - started) / 60_000;
  const jobS = (end - start) / 1000;
  const sdk = Array.from({ length: 1000 }, () => waiterLateness(jobS));
  results.push({
    kind: training ? 'training' : 'processing',
    jobSeconds: +jobS.toFixed(1),
    lateSeconds: +((exited - end) / 1000).toFixed(2),
    describes,
    describesPerMinute: +(describes / waitedMin).toFixed(2),
    sdkWaiterMedianLateSeconds: +median(sdk).toFixed(1),
  });
  if (!process.argv.includes('--json')) console.log(JSON.stringify(results.at(-1)));
}
s3.destroy();
sm.destroy();
proxy.close();
await local.stop();
rmSync(dataDir, { recursive: true, force: true });

const totalDescribes = results.reduce((a, r) => a + r.describes, 0);
const totalMinutes = results.reduce((a, r) => a + r.describes / r.describesPerMinute, 0);
const summary = {
  trials: results.length,
  medianLateSeconds: +median(results.map((r) => r.lateSeconds)).toFixed(2),
  maxLateSeconds: Math.max(...results.map((r) => r.lateSeconds)),
  describesPerMinuteOverall: +(totalDescribes / totalMinutes).toFixed(2),
  secondsPerDescribe: +((totalMinutes * 60) / totalDescribes).toFixed(1),
  sdkWaiterMedianLateSeconds: +median(results.map((r) => r.sdkWaiterMedianLateSeconds)).toFixed(1),
  goal: 'median <= 5 s late, <= 1 Describe per 5 s (<= 12 per minute)',
};
console.log(
  process.argv.includes('--json') ? JSON.stringify({ summary, results }) : JSON.stringify(summary, null, 2),
);
process.exit(0);
