// The demo's monitoring stages (scripts/demo.mjs): the monitoring baseline of this run's
// preprocess output, production traffic replayed through the deployed endpoint (data capture on)
// with its ground truth, and the production monitor-gate check (drift and model quality) on it.
//
// The check runs with fail-on-gate: false, by design: the production split's later months drift on
// their own (see templates/olist/README.md §5), so the verdict is whatever the data says. The
// stage then succeeds when the check itself ran (it evaluated the captured rows and the joined
// ground truth) and reports the verdict, "gate failed" with the violations when drift or a
// quality constraint was found; an error of the action (bad input, no capture, join rate too low)
// still fails the stage and the demo. This is what sagemaker-nightly-drift.yml does with a failed
// check: the run is not broken, a model-drift issue is opened.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** Production rows replayed (evenly spaced over the split's months): keeps the demo fast. */
export const REPLAY_ROWS = 1000;

/**
 * The evaluate section's thresholds, as monitor-gate's quality-thresholds (flow YAML): the
 * production model is held to the bar it was released on. Returns { text, metrics }.
 */
export function qualityThresholds(configText) {
  const t = parse(configText)?.evaluate?.thresholds;
  if (!t || typeof t !== 'object' || !Object.keys(t).length)
    throw new Error('the config has no evaluate.thresholds to use as quality-thresholds');
  const text = `{${Object.entries(t)
    .map(([k, v]) => `${k}: ${JSON.stringify(String(v))}`)
    .join(', ')}}`;
  return { text, metrics: Object.keys(t) };
}

/** One line per counted violation (monitor-gate's `violations` output): `feature: check (description)`. */
export function violationLines(violationsJson) {
  let list;
  try {
    list = JSON.parse(violationsJson || '[]');
  } catch {
    throw new Error(`monitor-gate's violations output is not JSON: ${String(violationsJson).slice(0, 120)}`);
  }
  if (!Array.isArray(list)) throw new Error("monitor-gate's violations output is not a list");
  // Report text goes to a terminal: no control characters (escape sequences) from it.
  // eslint-disable-next-line no-control-regex -- removing them is the point
  const clean = (x) => String(x).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return list.map(
    (v) =>
      `${clean(v.feature_name ?? '?')}: ${clean(v.constraint_check_type ?? '?')}${v.description ? ` (${clean(v.description).slice(0, 140)})` : ''}`,
  );
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the three stages. ctx: { stage, action, runNode(argv, env) -> stdout, s3 (an S3Client on
 * sagemaker-local), env (sagemaker-local's AWS variables), config, bucket, run, work }.
 */
export async function monitorProduction(ctx, endpointName) {
  const { stage, action, s3, bucket, run, config } = ctx;
  const { GetObjectCommand, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const prefix = `olist/runs/${run}`;
  const out = {};

  const baselined = await stage(
    'Monitoring baseline of the preprocess output (actions/monitor-gate, mode baseline)',
    async () => {
      out.baseline = await action(
        'monitor-gate',
        '6-monitor-baseline',
        { config: `${config}#monitor-baseline`, mode: 'baseline' },
        'monitor-baseline',
      );
      return `${out.baseline['statistics-uri']}, ${out.baseline['constraints-uri']}`;
    },
  );
  if (!baselined) return out;

  // The capture window starts at the next whole second: the canary's requests (test rows, no
  // inference ids) are before it, only the replayed production traffic is in it.
  const captureUri = `s3://${bucket}/olist/data-capture/${endpointName}/`;
  const since = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  const groundTruthUri = `s3://${bucket}/${prefix}/ground-truth/`;
  const replayed = await stage(
    `Replay production traffic: ${REPLAY_ROWS} production orders spread over its months, with ground truth (templates/olist/replay.ts)`,
    async () => {
      await sleep(Math.max(0, since.getTime() - Date.now() + 50));
      // replay.ts reads the split from a folder: this run's production split, index and features.
      const splitsDir = join(ctx.work, 'replay', 'splits');
      for (const key of ['splits/index.csv', 'splits/production/production.csv', 'features/features.json']) {
        const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}/${key}` }));
        const file = join(ctx.work, 'replay', key);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, Buffer.from(await body.Body.transformToByteArray()));
      }
      const stdout = ctx.runNode([
        'node_modules/tsx/dist/cli.mjs',
        'templates/olist/replay.ts',
        '--splits-dir',
        splitsDir,
        '--endpoint-name',
        endpointName,
        '--split',
        'production',
        '--limit',
        String(REPLAY_ROWS),
        '--ground-truth-uri',
        groundTruthUri,
      ]);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        throw new Error(`replay.ts printed no result line: ${line.slice(0, 200)}`);
      }
      const total = readFileSync(join(splitsDir, 'production', 'production.csv'), 'utf8')
        .split('\n')
        .filter((l) => l.trim()).length;
      // Data capture samples the requests (the deploy section's data-capture-percent) and
      // sagemaker-local writes its buffer every second: wait until the captured count is stable.
      const captured = await countCaptured(
        s3,
        ListObjectsV2Command,
        GetObjectCommand,
        bucket,
        endpointName,
        since,
      );
      out.captured = captured;
      return `${r.sent} of ${total} production orders sent (${r.first} … ${r.last}), ${r.failed} failed; ${captured} captured in the window; ground truth ${r.groundTruthUri}`;
    },
  );
  if (!replayed) return out;

  await stage(
    'Monitor-gate check on the production traffic: drift and model quality (actions/monitor-gate, fail-on-gate: false)',
    async () => {
      const thresholds = qualityThresholds(readFileSync(join(ctx.root, config), 'utf8'));
      out.check = await action(
        'monitor-gate',
        '6-monitor-check',
        {
          config: `${config}#monitor`,
          'capture-uri': captureUri,
          since: since.toISOString(),
          'baseline-statistics': out.baseline['statistics-uri'],
          'baseline-constraints': out.baseline['constraints-uri'],
          'ground-truth-uri': groundTruthUri,
          'quality-thresholds': thresholds.text,
          'fail-on-gate': 'false',
        },
        'monitor',
      );
      const m = JSON.parse(out.check.metrics || '{}');
      if (!(m.records > 0)) throw new Error(`the check evaluated no captured records: ${out.check.metrics}`);
      if (!m.quality) throw new Error('the check computed no model-quality metrics from the ground truth');
      const q = Object.entries(m.quality)
        .filter(([k]) => thresholds.metrics.includes(k))
        .map(([k, v]) => `${k} ${v === null ? 'NaN' : Number(v).toFixed(4)}`)
        .join(', ');
      const facts = `${m.records} captured rows, join rate ${Number(m.join_rate).toFixed(2)}, ${q} (thresholds ${thresholds.text})`;
      if (out.check.passed === 'true') return { verdict: 'gate passed', detail: `gate passed: ${facts}` };
      if (out.check.passed !== 'false') throw new Error(`monitor-gate set passed=${out.check.passed}`);
      const lines = violationLines(out.check.violations);
      return {
        verdict: 'gate failed',
        detail: `gate failed, by design not fatal (fail-on-gate: false): ${out.check['violations-count']} violation(s): ${lines.slice(0, 4).join('; ')}${lines.length > 4 ? `; … (${lines.length - 4} more in 6-monitor-check.html)` : ''}; ${facts}`,
      };
    },
  );
  return out;
}

/** Captured records with an inference time at or after `since`, once the count stops growing. */
async function countCaptured(s3, List, Get, bucket, endpointName, since) {
  const count = async () => {
    let n = 0;
    let token;
    do {
      const page = await s3.send(
        new List({ Bucket: bucket, Prefix: `olist/data-capture/${endpointName}/`, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        const text = await (await s3.send(new Get({ Bucket: bucket, Key: o.Key }))).Body.transformToString();
        for (const l of text.split('\n'))
          if (l.trim() && Date.parse(JSON.parse(l).eventMetadata?.inferenceTime) >= since.getTime()) n += 1;
      }
      token = page.NextContinuationToken;
    } while (token);
    return n;
  };
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await count();
    if (n > 0 && n === last) return n;
    last = n;
    await sleep(1500);
  }
  return last;
}
