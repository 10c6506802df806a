#!/usr/bin/env node
// npm run demo: the Olist reference pipeline end to end on sagemaker-local, with no AWS account.
//   generate data -> ingest into the data lake (S3 raw/) -> preprocess (actions/train, processing job)
//   -> train (actions/train, built-in XGBoost) -> evaluate (actions/evaluate) -> the Olist SageMaker
//   Pipeline (actions/train, mode pipeline) -> deploy (actions/deploy: endpoint, canary update,
//   requests) -> monitoring (actions/monitor-gate: the baseline of the preprocess output; 500
//   production orders replayed with injected drift, then 1,000 clean ones, through the endpoint
//   with data capture and ground truth by templates/olist/replay.ts; after each, a nightly check
//   (drift and model quality, fail-on-gate: false so its verdict is shown without stopping the
//   demo) that opens, comments on or closes the endpoint's drift issue on a fake GitHub API:
//   scripts/lib/demo-monitor.mjs) -> the forced failures of deploy and monitor-gate (alarm rollback,
//   smoke test, drift, model quality, misconfigured alarm), each action run through its committed
//   bundle exactly as the GitHub runner runs it. demo-report/index.html links every job summary as
//   HTML.
// Options: --orders N (default 99441, the real size), --seed S, --report DIR (default demo-report),
//          --keep (keep sagemaker-local's data dir), --quiet (no live job logs).
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runActionBundle } from './lib/run-action.mjs';
import { markdownToTerminal } from './lib/terminal-markdown.mjs';
import { escapeHtml, htmlPage } from './lib/html-report.mjs';
import { startLocalProcess } from './lib/local-process.mjs';
import { ensurePython } from './lib/ensure-python.mjs';
import { CAPTURE_PERCENT, monitorProduction } from './lib/demo-monitor.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const CONFIG = 'templates/olist/sagemaker-actions.yml';
const BUCKET = 'sagemaker-actions-olist';
// One run id for the whole demo: the config's `{run}` prefixes (olist/runs/{run}/...) then agree
// across stages, as they do across the steps of one workflow run.
const RUN_ID = String(Date.now());
const RUN = `${RUN_ID}-1`;
const REPOSITORY = 'demo/olist-satisfaction';

let args;
try {
  args = parseArgs({
    options: {
      orders: { type: 'string', default: '99441' },
      seed: { type: 'string', default: '42' },
      report: { type: 'string', default: 'demo-report' },
      keep: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  }).values;
  if (!/^\d+$/.test(args.orders) || Number(args.orders) < 500)
    throw new Error(`--orders ${args.orders}: expected a whole number >= 500`);
  if (!/^\d+$/.test(args.seed)) throw new Error(`--seed ${args.seed}: expected a whole number`);
} catch (err) {
  console.error(
    `demo: ${err.message}\nusage: npm run demo -- [--orders N] [--seed S] [--report DIR] [--keep] [--quiet]`,
  );
  process.exit(2);
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint('1', s);
const dim = (s) => paint('2', s);
const green = (s) => paint('32', s);
const red = (s) => paint('31', s);
const yellow = (s) => paint('33', s);

const reportDir = resolve(args.report);
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'sagemaker-actions-demo-'));
const results = [];
let local;
// Verdicts of a stage that ran as designed and found something in the data (shown in yellow).
const FINDINGS = new Set(['gate failed', 'drift found']);

// The reports (job summaries as HTML) written by the stage running now.
let stageReports = [];

async function stage(name, fn) {
  console.log(`\n${bold(`▶ ${name}`)}`);
  const t0 = Date.now();
  stageReports = [];
  const reports = stageReports;
  try {
    // A stage returns its detail line, or { detail, verdict } when its verdict is not a plain
    // "passed" (the nightly monitor checks: "drift found", "gate passed" or "gate failed").
    const out = (await fn()) ?? '';
    const { detail, verdict } = typeof out === 'object' ? out : { detail: out, verdict: 'passed' };
    const secs = (Date.now() - t0) / 1000;
    results.push({ name, ok: true, verdict, secs, detail, reports });
    const mark = FINDINGS.has(verdict) ? yellow : green;
    console.log(
      mark(`✔ ${name}`) +
        (verdict === 'passed' ? '' : mark(` [${verdict}]`)) +
        dim(` (${secs.toFixed(1)} s)`),
    );
    if (verdict !== 'passed') console.log(`  ${detail}`);
    return true;
  } catch (err) {
    const secs = (Date.now() - t0) / 1000;
    results.push({ name, ok: false, verdict: 'FAILED', secs, detail: err.message.split('\n')[0], reports });
    console.log(red(`✘ ${name}: ${err.message}`));
    return false;
  }
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', stdio: opts.stdio ?? 'pipe', ...opts });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${argv.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || '').trim().slice(-600)}`,
    );
  return r.stdout ?? '';
}

const ghEnv = (job) => ({
  GITHUB_REPOSITORY: REPOSITORY,
  GITHUB_WORKFLOW: 'demo',
  GITHUB_JOB: job,
  GITHUB_RUN_ID: RUN_ID,
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: gitSha(),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  RUNNER_TEMP: work,
});

function gitSha() {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '0'.repeat(40);
}

/** An S3 client on sagemaker-local (the caller destroys it). */
async function localS3() {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({
    region: 'us-east-1',
    endpoint: local.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

async function readS3Json(key) {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const s3 = await localS3();
  try {
    const r = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return JSON.parse(await r.Body.transformToString());
  } finally {
    s3.destroy();
  }
}

/** Saves a page of the report (Markdown and HTML) and lists it under the running stage. */
function page(file, title, markdown) {
  writeFileSync(join(reportDir, `${file}.md`), markdown);
  writeFileSync(join(reportDir, `${file}.html`), htmlPage(title, markdown, { back: 'index.html' }));
  stageReports.push(`${file}.html`);
}

/**
 * Runs an action bundle like the runner, shows its log, saves and prints its job summary.
 * `env`: variables over the run's GitHub ones (e.g. another run id).
 */
async function action(name, file, inputs, job, env = {}) {
  const r = await runActionBundle(join(root, 'actions', name), {
    inputs,
    env: { ...local.env, ...ghEnv(job), ...env, NODE_NO_WARNINGS: '1' },
    cwd: root,
    onStdout: args.quiet
      ? undefined
      : (chunk) => process.stdout.write(chunk.replace(/^(?=.)/gm, dim('  │ '))),
  });
  page(file, `${file}: actions/${name}`, r.summary.trim() ? r.summary : '_(no job summary)_');
  if (r.summary.trim()) console.log(`\n${markdownToTerminal(r.summary)}\n`);
  if (r.code !== 0) {
    const crash = r.stderr
      .trim()
      .split('\n')
      // The first lines that say what broke (the AWS SDK's Node 20 support notice is not it).
      .filter((l) => !/NodeVersionSupportWarning|^\s*$/.test(l))
      .slice(0, 5)
      .join(' / ');
    const err = /::error::(.*)/.exec(r.stdout)?.[1] ?? (crash || `exit ${r.code}`);
    throw Object.assign(new Error(err.replace(/%0A/g, ' ')), { outputs: r.outputs });
  }
  return r.outputs;
}

const outputs = {};
try {
  await stage('Preflight: Node.js and the Python runtime (XGBoost, pandas, scikit-learn)', async () => {
    const version = ensurePython({ log: (m) => console.log(`  ${m}`) });
    return `node ${process.version}, xgboost ${version}`;
  });

  await stage('Start sagemaker-local (SageMaker, S3, CloudWatch on 127.0.0.1)', async () => {
    local = await startLocalProcess({ dataDir: join(work, 'sagemaker-local'), cwd: root });
    return local.url;
  });

  const dataDir = join(work, 'olist');
  await stage(`Generate the Olist data set (${args.orders} orders, seed ${args.seed})`, async () => {
    run(process.execPath, [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'templates/olist/generator/cli.ts',
      '--out',
      dataDir,
      '--orders',
      args.orders,
      '--seed',
      args.seed,
    ]);
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv'));
    return `${files.length} CSV files`;
  });

  await stage('Ingest into the data lake (s3://sagemaker-actions-olist/olist/raw/<table>/)', async () => {
    const { CreateBucketCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
    const s3 = await localS3();
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    let bytes = 0;
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv'));
    for (const f of files) {
      const table = f
        .replace(/^olist_/, '')
        .replace(/_dataset\.csv$/, '')
        .replace(/\.csv$/, '');
      const body = readFileSync(join(dataDir, f));
      bytes += body.length;
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `olist/raw/${table}/${f}`,
          Body: body,
          ContentType: 'text/csv',
        }),
      );
    }
    const codeDir = join(root, 'templates', 'olist', 'code');
    for (const f of readdirSync(codeDir).filter((f) => f.endsWith('.py'))) {
      await s3.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: `olist/runs/${RUN}/code/${f}`,
          Body: readFileSync(join(codeDir, f)),
        }),
      );
    }
    s3.destroy();
    return `${files.length} tables, ${(bytes / 1e6).toFixed(1)} MB`;
  });

  const preprocessed = await stage(
    `Preprocess: features, 40/10/10/40 time split, EDA under olist/runs/${RUN}/ (actions/train, processing job)`,
    async () => {
      outputs.preprocess = await action(
        'train',
        '1-preprocess',
        { config: `${CONFIG}#preprocess` },
        'preprocess',
      );
      const manifest = await readS3Json(`olist/runs/${RUN}/splits/manifest.json`);
      const splits = Object.entries(manifest.splits ?? {}).map(
        ([name, s]) => `${name} ${s.rows} rows (${(100 * s.label_prevalence).toFixed(1)}% satisfied)`,
      );
      return `${manifest.feature_count} features; ${splits.join(' → ')}`;
    },
  );

  const trained =
    preprocessed &&
    (await stage('Train: built-in XGBoost 1.7-1 (actions/train, training job)', async () => {
      outputs.train = await action('train', '2-train', { config: `${CONFIG}#train` }, 'train');
      const m = JSON.parse(outputs.train.metrics || '{}');
      return Object.entries(m)
        .map(([k, v]) => `${k} ${Number(v).toFixed(4)}`)
        .join(', ');
    }));

  if (trained && existsSync(join(root, 'actions', 'evaluate', 'action.yml'))) {
    await stage(
      'Evaluate: batch transform of the test split, metrics, gate, registry (actions/evaluate)',
      async () => {
        outputs.evaluate = await action(
          'evaluate',
          '3-evaluate',
          {
            config: `${CONFIG}#evaluate`,
            'model-artifact': outputs.train['model-artifact'],
            register: 'true',
            'approve-on-pass': 'true',
          },
          'evaluate',
        );
        const m = JSON.parse(outputs.evaluate.metrics || '{}');
        return `passed=${outputs.evaluate.passed}, auc ${Number(m.auc).toFixed(4)}, accuracy ${Number(m.accuracy).toFixed(4)}`;
      },
    );

    // The champion gate: the first model is now the Approved champion of the group; a second
    // candidate (other hyperparameters) is compared with it on the same test rows, as a PR would be.
    const second =
      outputs.evaluate?.passed === 'true' &&
      (await stage('Train a second candidate: eta 0.1, 100 rounds (actions/train)', async () => {
        outputs.train2 = await action(
          'train',
          '4-train-candidate-2',
          {
            config: `${CONFIG}#train`,
            'job-name': `olist-candidate-2-${RUN_ID}`,
            hyperparameters:
              '{max_depth: 5, eta: 0.1, gamma: 4, min_child_weight: 6, subsample: 0.8, objective: "binary:logistic", num_round: 100, eval_metric: auc}',
          },
          'train-candidate-2',
        );
        return `model ${outputs.train2['model-artifact']}`;
      }));
    if (second)
      await stage(
        'Evaluate the second candidate against the champion (PR comment: 5-evaluate-vs-champion.md)',
        async () => {
          outputs.evaluate2 = await action(
            'evaluate',
            '5-evaluate-vs-champion',
            {
              config: `${CONFIG}#evaluate`,
              'model-artifact': outputs.train2['model-artifact'],
              'fail-on-gate': 'false',
            },
            'evaluate-candidate-2',
          );
          const m = JSON.parse(outputs.evaluate2.metrics || '{}');
          return `champion ${outputs.evaluate2['champion-package-arn'] || 'none'}; candidate auc ${Number(m.auc).toFixed(4)}; passed=${outputs.evaluate2.passed}`;
        },
      );
  }

  if (outputs.evaluate?.passed === 'true' && existsSync(join(root, 'actions', 'deploy', 'action.yml'))) {
    await stage(
      'Deploy: endpoint from the approved model, then a canary update with data capture, and requests (actions/deploy)',
      async () => {
        const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
        const { SageMakerRuntimeClient, InvokeEndpointCommand } =
          await import('@aws-sdk/client-sagemaker-runtime');
        const cfg = {
          region: 'us-east-1',
          endpoint: local.url,
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        };
        const s3 = new S3Client({ ...cfg, forcePathStyle: true });
        const rt = new SageMakerRuntimeClient(cfg);
        try {
          const test = await (
            await s3.send(
              new GetObjectCommand({ Bucket: BUCKET, Key: `olist/runs/${RUN}/splits/test/test.csv` }),
            )
          ).Body.transformToString();
          // The test split has the label first and no header: the features are the rest.
          const rows = test
            .split('\n')
            .filter(Boolean)
            .slice(0, 5)
            .map((l) => l.slice(l.indexOf(',') + 1));
          const fast = {
            'wait-interval': '3s',
            'bake-time': '2s',
            'max-time': '10m',
            'smoke-test-payload': rows[0],
            'smoke-test-expect': '/^\\s*[0-9][0-9.eE+-]*\\s*$/', // a probability
          };
          // First release: the endpoint is created (no capture yet: 0 %).
          outputs.deploy = await action(
            'deploy',
            '4-deploy-create',
            { config: `${CONFIG}#deploy`, ...fast, 'data-capture-percent': '0' },
            'deploy',
          );
          // Second release: the same approved model with data capture, as a canary update guarded
          // by the default alarms while requests keep coming. Every request is captured: the
          // demo's few thousand requests are a quiet endpoint's traffic, where a user raises the
          // config's 20 % to 100 % so the nightly check sees enough rows (demo-monitor.mjs).
          let stop = false;
          let sent = 0;
          let failed = 0;
          const traffic = (async () => {
            while (!stop && sent < 2000) {
              sent += 1;
              await rt
                .send(
                  new InvokeEndpointCommand({
                    EndpointName: outputs.deploy['endpoint-name'],
                    Body: Buffer.from(rows[sent % rows.length]),
                    ContentType: 'text/csv',
                  }),
                )
                .catch(() => (failed += 1));
            }
          })();
          outputs.canary = await action(
            'deploy',
            '5-deploy-canary',
            { config: `${CONFIG}#deploy`, ...fast, 'data-capture-percent': String(CAPTURE_PERCENT) },
            'deploy',
          );
          stop = true;
          await traffic;
          const answers = [];
          for (const row of rows) {
            const out = await rt.send(
              new InvokeEndpointCommand({
                EndpointName: outputs.canary['endpoint-name'],
                Body: Buffer.from(row),
                ContentType: 'text/csv',
              }),
            );
            answers.push(Number(Buffer.from(out.Body).toString('utf8')).toFixed(3));
          }
          return `${outputs.canary['endpoint-name']} serves ${outputs.canary['endpoint-config-name']}; ${sent} requests during the canary, ${failed} failed; P(satisfied) for 5 test orders: ${answers.join(', ')}`;
        } finally {
          s3.destroy();
          rt.destroy();
        }
      },
    );
  }
  // Monitoring the production endpoint: baseline, replayed production traffic, monitor-gate check.
  if (outputs.canary?.['endpoint-name'] && existsSync(join(root, 'actions', 'monitor-gate', 'action.yml'))) {
    const s3 = await localS3();
    try {
      outputs.monitor = await monitorProduction(
        {
          stage,
          action,
          page,
          importTs: async (file) => (await import('tsx/esm/api')).tsImport(join(root, file), import.meta.url),
          s3,
          root,
          work,
          config: CONFIG,
          bucket: BUCKET,
          run: RUN,
          runId: RUN_ID,
          repository: REPOSITORY,
          runNode: (argv) =>
            run(process.execPath, argv, { env: { ...process.env, ...local.env, NODE_NO_WARNINGS: '1' } }),
        },
        outputs.canary['endpoint-name'],
      );
    } finally {
      s3.destroy();
    }
  }
  if (trained) {
    await stage(
      'Pipeline: the Olist SageMaker Pipeline: CI checks, train, evaluate, AUC gate, register (actions/train, mode pipeline)',
      async () => {
        outputs.pipeline = await action(
          'train',
          '4-pipeline',
          {
            mode: 'pipeline',
            'pipeline-name': 'olist-satisfaction',
            'pipeline-definition': 'templates/olist/pipeline.json',
            // This run's splits (per-run prefixes: two runs never share data).
            'pipeline-parameters': JSON.stringify({
              DataPrefix: `s3://${BUCKET}/olist/runs/${RUN}`,
            }),
            'role-arn': 'arn:aws:iam::123456789012:role/SageMakerExecutionRole',
          },
          'pipeline',
        );
        const steps = Object.keys(JSON.parse(outputs.pipeline['step-statuses'] || '{}'));
        return `${outputs.pipeline.status}: ${steps.join(' → ')}; registered ${outputs.pipeline['model-package-arn'].split('/').slice(-2).join('/')} (PendingManualApproval)`;
      },
    );
  }

  // The forced failures of deploy and monitor-gate (as in .github/workflows/forced-fail.yml): each
  // stage passes only when the action failed, and for the reason it should have.
  if (trained && existsSync(join(root, 'actions', 'deploy', 'action.yml'))) {
    const ff = `${CONFIG}#deploy-forced-fail`;
    const data = `s3://${BUCKET}/olist/runs/${RUN}`;
    const base = { config: ff, 'model-artifact': outputs.train['model-artifact'] };
    const helper = (...argv) =>
      run(process.execPath, ['scripts/forced-fail.mjs', ...argv], {
        env: { ...process.env, ...local.env, NODE_NO_WARNINGS: '1' },
      });
    /** Runs an action that must fail; `why` checks the error message and the outputs it set. */
    const mustFail = async (name, file, inputs, job, why) => {
      try {
        await action(name, file, inputs, job);
      } catch (err) {
        const problem = why(err.message, err.outputs ?? {});
        if (problem)
          throw new Error(`failed, but not for the right reason: ${problem}. It said: ${err.message}`);
        return `failed as designed: ${err.message.slice(0, 200)}`;
      }
      throw new Error('the stage passed: the forced failure did not happen');
    };
    const ready = await stage(
      'Forced failures: endpoint olist-forced-fail serving the candidate, 100 requests with ground truth',
      async () => {
        outputs.ffBase = await action('deploy', '7-forced-fail-endpoint', base, 'forced-fail');
        const out = helper(
          'requests',
          'olist-forced-fail',
          `${data}/splits/test/test.csv`,
          '100',
          `${data}/forced-fail/ground-truth/`,
        );
        outputs.ffPayload = /^payload=(.*)$/m.exec(out)?.[1] ?? '';
        return `serves ${outputs.ffBase['endpoint-config-name']}`;
      },
    );
    if (ready) {
      await stage('Forced failure: deploy rolled back by an alarm (actions/deploy)', async () => {
        helper('tripped-alarm', 'olist-forced-fail-latency', 'olist-forced-fail');
        return mustFail(
          'deploy',
          '8-forced-fail-alarm-rollback',
          { ...base, 'data-capture-percent': '90', 'rollback-alarms': 'olist-forced-fail-latency' },
          'forced-fail',
          (msg, o) =>
            o['rolled-back'] !== 'true'
              ? 'rolled-back is not true'
              : /ROLLED BACK: alarm olist-forced-fail-latency fired/.test(msg)
                ? ''
                : 'the message does not name the alarm',
        );
      });
      await stage('Forced failure: smoke-test failure, rolled back (actions/deploy)', async () =>
        mustFail(
          'deploy',
          '9-forced-fail-smoke-test',
          {
            ...base,
            'data-capture-percent': '50',
            'smoke-test-payload': outputs.ffPayload,
            'smoke-test-expect': 'forced-fail: no prediction contains this',
          },
          'forced-fail',
          (msg, o) =>
            o['rolled-back'] === 'true' && /smoke test failed.*rolled back/.test(msg)
              ? ''
              : 'no smoke-test rollback',
        ),
      );
      const capture = {
        'endpoint-name': 'olist-forced-fail',
        'capture-uri': `${data}/forced-fail/capture/`,
        since: '1h',
      };
      await stage(
        'Forced failure: monitor violation, drift against a zero-tolerance baseline (actions/monitor-gate)',
        async () => {
          const strict = await action(
            'monitor-gate',
            '10-forced-fail-strict-baseline',
            {
              mode: 'baseline',
              'baseline-data': `${data}/splits/baseline/baseline.csv`,
              'output-uri': `${data}/forced-fail/strict-baseline/`,
              'comparison-method': 'Simple',
              'comparison-threshold': '0',
            },
            'forced-fail',
          );
          return mustFail(
            'monitor-gate',
            '11-forced-fail-monitor-violation',
            {
              ...capture,
              'baseline-statistics': strict['statistics-uri'],
              'baseline-constraints': strict['constraints-uri'],
            },
            'forced-fail',
            (msg, o) =>
              (o.violations ?? '').includes('baseline_drift_check')
                ? ''
                : 'no baseline_drift_check violation',
          );
        },
      );
      await stage('Forced failure: model quality below its constraint (actions/monitor-gate)', async () =>
        mustFail(
          'monitor-gate',
          '12-forced-fail-model-quality',
          {
            ...capture,
            'ground-truth-uri': `${data}/forced-fail/ground-truth/`,
            'quality-thresholds': '{auc: ">= 0.999"}',
          },
          'forced-fail',
          (msg, o) =>
            (o.violations ?? '').includes('model_quality_check') ? '' : 'no model_quality_check violation',
        ),
      );
      await stage('Forced failure: misconfigured alarm, no data (actions/monitor-gate)', async () => {
        helper('blind-alarm', 'olist-forced-fail-blind', 'olist-forced-fail');
        return mustFail(
          'monitor-gate',
          '13-forced-fail-misconfigured-alarm',
          { 'endpoint-name': 'olist-forced-fail', alarms: 'olist-forced-fail-blind' },
          'forced-fail',
          (msg) =>
            /alarm olist-forced-fail-blind is misconfigured/.test(msg) ? '' : 'not reported as misconfigured',
        );
      });
    }
    await stage(
      'Forced failures: nothing left running (endpoint and alarms deleted, no job running)',
      async () => {
        helper('cleanup', 'olist-forced-fail', 'olist-forced-fail-latency', 'olist-forced-fail-blind');
        return run(process.execPath, ['scripts/assert-nothing-running.mjs', '--gone', 'olist-forced-fail'], {
          env: { ...process.env, ...local.env, NODE_NO_WARNINGS: '1' },
        }).trim();
      },
    );
  }
} finally {
  await local?.stop();
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

// One screen: each stage, its verdict, its time and where its report is.
const total = results.reduce((s, r) => s + r.secs, 0);
const failed = results.filter((r) => !r.ok);
// A monitor gate that failed on the data with fail-on-gate: false is a verdict, not a failed stage;
// "drift found" (the injected drift, found as designed) is not counted here.
const gateFailed = results.filter((r) => r.ok && r.verdict === 'gate failed');
const reportRel = relative(process.cwd(), reportDir) || '.';
const lines = [
  '',
  bold('sagemaker-actions demo: Olist customer satisfaction on sagemaker-local'),
  '',
  `${'stage'.padEnd(84)} ${'verdict'.padEnd(11)} ${'time'.padStart(8)}  report`,
  ...results.map(
    (r) =>
      `${r.name.padEnd(84).slice(0, 84)} ${(r.ok ? (FINDINGS.has(r.verdict) ? yellow : green) : red)(r.verdict.padEnd(11))} ${`${r.secs.toFixed(1)} s`.padStart(8)}  ${r.reports.length ? r.reports.map((f) => `${reportRel}/${f}`).join(', ') : '-'}${r.detail ? `\n    ${dim(r.detail)}` : ''}`,
  ),
  '',
  outputs.train?.['model-artifact'] ? `model:   ${outputs.train['model-artifact']}` : '',
  outputs.monitor?.lifecycle ? `drift:   ${outputs.monitor.lifecycle}` : '',
  `report:  ${reportRel}/index.html (every job summary as HTML; the Markdown beside it)`,
  `total:   ${total.toFixed(1)} s`,
  failed.length
    ? red(bold(`FAILED: ${failed.map((r) => r.name.split(':')[0]).join(', ')}`))
    : gateFailed.length
      ? yellow(
          bold(
            `All stages ran as designed; the production monitor gate failed on the data (drift or model quality, fail-on-gate: false): see ${gateFailed.map((r) => r.reports.map((f) => `${reportRel}/${f}`).join(', ')).join(', ')}.`,
          ),
        )
      : green(bold('All stages passed.')),
].filter((l) => l !== '');
writeFileSync(
  join(reportDir, 'README.md'),
  `# Demo run\n\n| stage | result | seconds | report | detail |\n| --- | --- | --- | --- | --- |\n${results.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${r.verdict} | ${r.secs.toFixed(1)} | ${r.reports.map((f) => `[${f}](${f})`).join(' ')} | ${r.detail.replace(/\|/g, '\\|')} |`).join('\n')}\n`,
);
writeFileSync(
  join(reportDir, 'index.html'),
  htmlPage(
    'sagemaker-actions demo',
    `# Demo run\n\nTotal ${total.toFixed(1)} s. ${failed.length ? `**${failed.length} stage(s) FAILED.**` : gateFailed.length ? '**All stages ran as designed; the production monitor gate failed on the data (fail-on-gate: false).**' : '**All stages passed.**'}\n\n${outputs.monitor?.lifecycle ? `Drift: ${outputs.monitor.lifecycle}\n\n` : ''}`,
  ).replace(
    '</body>',
    `<table><thead><tr><th>stage</th><th>verdict</th><th>seconds</th><th>report</th><th>detail</th></tr></thead><tbody>\n${results
      .map(
        (r) =>
          `<tr><td>${escapeHtml(r.name)}</td><td>${r.ok ? escapeHtml(r.verdict) : '<strong>FAILED</strong>'}</td><td>${r.secs.toFixed(1)}</td><td>${r.reports.map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f)}</a>`).join('<br>')}</td><td>${escapeHtml(r.detail)}</td></tr>`,
      )
      .join('\n')}\n</tbody></table>\n</body>`,
  ),
);
console.log(lines.join('\n'));
process.exit(failed.length ? 1 : 0);
