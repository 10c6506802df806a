#!/usr/bin/env node
// Start-up cost of the committed train action (dist/train.js) against bare `node -e 0`, in the same run,
// interleaved, N runs each (default 20; BENCH_N overrides). Wall time is measured around the
// spawn; peak RSS with /usr/bin/time -f %M (kilobytes).
//   (a) a bad input failing: the action must fail before loading the AWS SDK.
//   (b) bundle start to the first AWS API call: AWS_ENDPOINT_URL points at a tiny HTTP server on
//       127.0.0.1 started here, which records when the first request arrives and answers
//       AccessDeniedException so the action ends at once.
// Usage: node bench/startup.mjs [--json]   (BENCH_BUNDLE=path/to/index.js measures another build)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const bundle = process.env.BENCH_BUNDLE ?? join(root, 'dist', 'train.js');
const N = Number(process.env.BENCH_N ?? 20);
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) throw new Error('/usr/bin/time is needed for peak RSS (apt-get install time)');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const baseEnv = () => {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|STATE_|GITHUB_|AWS_)/.test(k)) env[k] = v;
  return env;
};

/** Runs `node args` under /usr/bin/time; resolves {ms, rssKiB, code, firstRequestMs?}. */
function measure(args, env, onStart) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    onStart?.(t0);
    const child = spawn(TIME, ['-f', '__RSS__%M', process.execPath, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const m = /__RSS__(\d+)/.exec(err);
      resolve({ ms, rssKiB: m ? Number(m[1]) : NaN, code, stderr: err });
    });
  });
}

const validInputs = {
  INPUT_IMAGE: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  'INPUT_ROLE-ARN': 'arn:aws:iam::123456789012:role/SageMakerRole',
  'INPUT_OUTPUT-PATH': 's3://bench-bucket/models',
  INPUT_INPUTS: 'train: s3://bench-bucket/train/',
  'INPUT_JOB-NAME': 'bench-job',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'secret',
};

async function main() {
  let firstRequestAt;
  const server = createServer((req, res) => {
    firstRequestAt ??= process.hrtime.bigint();
    req.resume();
    req.on('end', () => {
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'AccessDeniedException',
      });
      res.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'bench server: access denied' }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;

  const rows = { bare: [], badInput: [], firstCall: [] };
  for (let i = 0; i < N; i++) {
    rows.bare.push(await measure(['-e', '0'], baseEnv()));
    const bad = await measure([bundle], { ...baseEnv(), INPUT_MODE: 'trianing-job' });
    if (bad.code === 0) throw new Error('the bad-input run did not fail');
    rows.badInput.push(bad);
    firstRequestAt = undefined;
    let t0;
    const fc = await measure(
      [bundle],
      { ...baseEnv(), ...validInputs, AWS_ENDPOINT_URL: url, AWS_MAX_ATTEMPTS: '1' },
      (t) => (t0 = t),
    );
    if (firstRequestAt === undefined) throw new Error(`no API call reached the bench server:\n${fc.stderr}`);
    rows.firstCall.push({ ...fc, firstMs: Number(firstRequestAt - t0) / 1e6 });
  }
  server.close();

  const bare = median(rows.bare.map((r) => r.ms));
  const bareRss = median(rows.bare.map((r) => r.rssKiB)) / 1024;
  const bad = median(rows.badInput.map((r) => r.ms));
  const badRss = Math.max(...rows.badInput.map((r) => r.rssKiB)) / 1024;
  const first = median(rows.firstCall.map((r) => r.firstMs));
  const firstRss = Math.max(...rows.firstCall.map((r) => r.rssKiB)) / 1024;
  const result = {
    node: process.version,
    n: N,
    bareNode: { medianMs: +bare.toFixed(1), medianPeakRssMiB: +bareRss.toFixed(1) },
    badInput: {
      medianMs: +bad.toFixed(1),
      ratio: +(bad / bare).toFixed(2),
      maxPeakRssMiB: +badRss.toFixed(1),
      goal: 'ratio <= 1.6, RSS < 55 MiB',
    },
    firstApiCall: {
      medianMs: +first.toFixed(1),
      ratio: +(first / bare).toFixed(2),
      maxPeakRssMiB: +firstRss.toFixed(1),
      goal: 'ratio <= 2.1-3.1, RSS <= 66-73 MiB',
    },
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`node ${result.node}, N=${N} interleaved runs each`);
    console.log(`bare node -e 0          median ${bare.toFixed(1)} ms, peak RSS ${bareRss.toFixed(1)} MiB`);
    console.log(
      `(a) bad input fails     median ${bad.toFixed(1)} ms = ${result.badInput.ratio}x bare, max peak RSS ${badRss.toFixed(1)} MiB (goal <= 1.6x, < 55 MiB)`,
    );
    console.log(
      `(b) start -> first API  median ${first.toFixed(1)} ms = ${result.firstApiCall.ratio}x bare, max peak RSS ${firstRss.toFixed(1)} MiB (goal <= 2.1-3.1x, <= 66-73 MiB)`,
    );
  }
}
await main();
