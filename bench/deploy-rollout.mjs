#!/usr/bin/env node
// actions/deploy during a live rollout, against sagemaker-local on loopback: a bounded request
// loop (2 concurrent clients, at most --max-requests) runs while the committed bundle
// (scripts/lib/run-action.mjs) updates an endpoint
//   (a) with a good model, canary 50 %, 2 s bakes, default rollback alarms;
//   (b) with a model that answers HTTP 500, all-at-once, default alarms → SageMaker rolls back.
// Reported per trial: requests sent, failed requests other than the bad model's own ModelErrors
// (goal 0: no request dropped or refused while traffic moves), and for (b) the time from the
// alarm entering ALARM (DescribeAlarmHistory) to the step's exit (goal ≤ 5 s). Both times are
// this machine's clock. For comparison, the SDK's endpoint waiter (waitUntilEndpointInService,
// botocore waiters-2.json: delay 30 s) notices an end state on average 15 s after it happens and
// up to 30 s after; that figure is computed from its schedule, not run.
//
// Usage: node bench/deploy-rollout.mjs [--trials 3] [--max-requests 3000] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { runActionBundle } from '../scripts/lib/run-action.mjs';

register();
const { startLocal } = await import('../local/index.ts');
const { SCRIPT_SERVER } = await import('../local/endpoints/fleet.ts');
const { uploadScriptModel } = await import('../test/helpers/endpoint-models.ts');
const { S3Client } = await import('@aws-sdk/client-s3');
const { CloudWatchClient, DescribeAlarmHistoryCommand } = await import('@aws-sdk/client-cloudwatch');
const { SageMakerRuntimeClient, InvokeEndpointCommand } = await import('@aws-sdk/client-sagemaker-runtime');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const TRIALS = Number(arg('--trials', 3));
const MAX_REQUESTS = Number(arg('--max-requests', 3000));
const IMAGE = '000000000000.dkr.ecr.us-east-1.amazonaws.com/deploy-bench:1';
const BUCKET = 'deploy-bench';

const dataDir = mkdtempSync(join(tmpdir(), 'deploy-bench-'));
const local = await startLocal({
  port: 0,
  dataDir,
  logger: 'silent',
  stopGraceMs: 1000,
  config: {
    images: [
      {
        match: '*/deploy-bench:*',
        serve: [
          '/usr/bin/python3',
          SCRIPT_SERVER,
          '--code-dir',
          '{model_dir}/code',
          '--program',
          'inference.py',
          '--model-dir',
          '{model_dir}',
          '--port',
          '{port}',
        ],
      },
    ],
  },
});
const cfg = {
  endpoint: local.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' },
};
const s3 = new S3Client({ ...cfg, forcePathStyle: true });
const cw = new CloudWatchClient(cfg);
const rt = new SageMakerRuntimeClient(cfg);
const good1 = await uploadScriptModel(s3, BUCKET, 'm/good1/model.tar.gz', { mode: 'ok', value: 0.25 });
const good2 = await uploadScriptModel(s3, BUCKET, 'm/good2/model.tar.gz', { mode: 'ok', value: 0.75 });
const bad = await uploadScriptModel(s3, BUCKET, 'm/bad/model.tar.gz', { mode: 'fail' });

let run = 1;
const env = () => ({
  AWS_ENDPOINT_URL: local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/bench',
  GITHUB_SHA: 'bench000000',
  GITHUB_RUN_ID: String(run++),
});
const deploy = (inputs) =>
  runActionBundle('actions/deploy', {
    inputs: { 'role-arn': 'arn:aws:iam::000000000000:role/R', image: IMAGE, ...inputs },
    env: env(),
  });

/** Request loop until stopped or MAX_REQUESTS: counts failures other than the model's own 5xx. */
function requestLoop(endpoint) {
  const stats = { sent: 0, modelErrors: 0, failed: 0, failures: [] };
  let stop = false;
  const worker = async () => {
    while (!stop && stats.sent < MAX_REQUESTS) {
      stats.sent += 1;
      try {
        await rt.send(
          new InvokeEndpointCommand({
            EndpointName: endpoint,
            Body: Buffer.from('1,2\n'),
            ContentType: 'text/csv',
          }),
        );
      } catch (err) {
        if (err.name === 'ModelError' && err.OriginalStatusCode === 500) stats.modelErrors += 1;
        else {
          stats.failed += 1;
          if (stats.failures.length < 3) stats.failures.push(`${err.name}: ${err.message}`.slice(0, 160));
        }
      }
    }
  };
  const done = Promise.all([worker(), worker()]);
  return { stats, stop: async () => ((stop = true), await done) };
}

const results = [];
for (let t = 0; t < TRIALS; t++) {
  const ep = `bench-${t}`;
  const base = await deploy({ 'endpoint-name': ep, 'model-artifact': good1 });
  if (base.code !== 0) throw new Error(`create failed: ${base.stdout.slice(-500)}`);

  // (a) good canary update
  let loop = requestLoop(ep);
  const a = await deploy({
    'endpoint-name': ep,
    'model-artifact': good2,
    strategy: 'canary',
    'canary-percent': '50',
    'wait-interval': '2s',
    'create-default-alarms': 'true',
  });
  await loop.stop();
  const aStats = { ...loop.stats };

  // (b) rolled-back update
  loop = requestLoop(ep);
  let exitedAt = 0;
  const b = await deploy({
    'endpoint-name': ep,
    'model-artifact': bad,
    strategy: 'all-at-once',
    'wait-interval': '10m',
    'create-default-alarms': 'true',
  }).then((r) => ((exitedAt = Date.now()), r));
  await loop.stop();
  const hist = await cw.send(
    new DescribeAlarmHistoryCommand({
      AlarmName: `${ep}-deploy-5xx`,
      HistoryItemType: 'StateUpdate',
      ScanBy: 'TimestampAscending',
    }),
  );
  const alarmAt = hist.AlarmHistoryItems?.find((h) =>
    /to ALARM/.test(h.HistorySummary ?? ''),
  )?.Timestamp?.getTime();
  results.push({
    trial: t + 1,
    good: {
      exit: a.code,
      sent: aStats.sent,
      failed: aStats.failed,
      failures: aStats.failures,
      stepMs: Math.round(a.ms),
    },
    rollback: {
      exit: b.code,
      namedAlarm: /ROLLED BACK: alarm \S+-deploy-5xx fired/.test(b.stdout),
      sent: loop.stats.sent,
      modelErrors: loop.stats.modelErrors,
      failed: loop.stats.failed,
      failures: loop.stats.failures,
      alarmToStepFailureMs: alarmAt ? exitedAt - alarmAt : undefined,
    },
  });
}
rt.destroy();
s3.destroy();
cw.destroy();
await local.stop();
rmSync(dataDir, { recursive: true, force: true });

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((p, q) => p - q);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};
const summary = {
  trials: TRIALS,
  goodCanary: {
    requests: results.reduce((s, r) => s + r.good.sent, 0),
    failedRequests: results.reduce((s, r) => s + r.good.failed, 0),
    stepsGreen: results.filter((r) => r.good.exit === 0).length,
  },
  rolledBack: {
    requests: results.reduce((s, r) => s + r.rollback.sent, 0),
    modelErrors: results.reduce((s, r) => s + r.rollback.modelErrors, 0),
    failedRequests: results.reduce((s, r) => s + r.rollback.failed, 0),
    stepsFailedNamingAlarm: results.filter((r) => r.rollback.exit !== 0 && r.rollback.namedAlarm).length,
    alarmToStepFailureMs: {
      median: median(results.map((r) => r.rollback.alarmToStepFailureMs)),
      max: Math.max(...results.map((r) => r.rollback.alarmToStepFailureMs ?? Infinity)),
    },
  },
  sdkWaiterNoticeMs: { mean: 15000, max: 30000, note: 'waitUntilEndpointInService polls every 30 s' },
};
if (process.argv.includes('--json')) console.log(JSON.stringify({ summary, results }, null, 2));
else {
  for (const r of results) console.log(JSON.stringify(r));
  console.log(JSON.stringify(summary, null, 2));
  const ratio = summary.sdkWaiterNoticeMs.mean / summary.rolledBack.alarmToStepFailureMs.median;
  console.log(
    `ALARM → step failure: median ${summary.rolledBack.alarmToStepFailureMs.median} ms (SDK waiter: mean 15000 ms, ${ratio.toFixed(1)}x slower)`,
  );
}
