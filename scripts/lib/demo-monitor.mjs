// The demo's monitoring stages (scripts/demo.mjs): the drift lifecycle of issue 11 on the deployed
// endpoint, as two nightly checks would see it.
//
//   1. the monitoring baseline of this run's preprocess output (monitor-gate mode baseline);
//   2. a bad day: production orders replayed with injected drift (freight doubled, every customer
//      from a state the model never saw: templates/olist/replay.ts --freight-factor 2
//      --unseen-state), then the nightly check: it must find baseline_drift_check violations on
//      the freight features and the customer-state columns, and it opens the endpoint's
//      model-drift issue on a fake GitHub API (local/rehearse/github-api.ts on 127.0.0.1);
//   3. a normal day: clean production orders spread over the split's months, then the nightly
//      check again: its verdict is whatever the data says. Passed: it comments on the issue and
//      closes it; failed (drift of the later months, or model quality under the evaluate
//      section's thresholds): it comments and the issue stays open. (The generated data's months
//      do not drift measurably; real Olist months may.)
//
// The checks run with fail-on-gate: false (as sagemaker-nightly-drift.yml's check: a failed gate is
// a finding and an issue, not a broken run); the stages show the verdicts ("drift found", "gate
// passed" or "gate failed") and the drift issue after each check is saved as an HTML page. An
// error of the action (bad input, no capture, join rate too low), or injected drift the check
// does not find, fails the stage and the demo.
//
// Every request is captured (data-capture-percent 100 on the demo's canary deploy): a demo's
// 1,500 requests are a quiet endpoint's traffic, where a user would capture them all; at the
// config's 20 % the check would see ~200 rows, too few for the Robust distance to flag anything
// but a gross shift (its threshold grows by 1.8·sqrt(1/n + 1/m)).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** Clean production rows replayed (evenly spaced over the split's months). */
export const REPLAY_ROWS = 1000;
/** Drifted production rows replayed (evenly spaced too; ids prefixed `drift-`). */
export const DRIFT_ROWS = 500;
/** The demo endpoint's data capture (see above). */
export const CAPTURE_PERCENT = 100;
/** The injected drift, as replay.ts options. */
export const INJECTED_DRIFT = ['--freight-factor', '2', '--unseen-state'];

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

// Report text goes to a terminal: no control characters (escape sequences) from it.
// eslint-disable-next-line no-control-regex -- removing them is the point
const clean = (x) => String(x).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** monitor-gate's `violations` output as a list (fails closed on anything else). */
function violationList(violationsJson) {
  let list;
  try {
    list = JSON.parse(violationsJson || '[]');
  } catch {
    throw new Error(`monitor-gate's violations output is not JSON: ${String(violationsJson).slice(0, 120)}`);
  }
  if (!Array.isArray(list)) throw new Error("monitor-gate's violations output is not a list");
  return list;
}

/** One line per counted violation (monitor-gate's `violations` output): `feature: check (description)`. */
export function violationLines(violationsJson) {
  return violationList(violationsJson).map(
    (v) =>
      `${clean(v.feature_name ?? '?')}: ${clean(v.constraint_check_type ?? '?')}${v.description ? ` (${clean(v.description).slice(0, 140)})` : ''}`,
  );
}

/** The violations grouped by check, as [check, features[]] in order of first appearance. */
function byCheck(violationsJson) {
  const by = new Map();
  for (const v of violationList(violationsJson)) {
    const check = clean(v.constraint_check_type ?? '?');
    by.set(check, [...(by.get(check) ?? []), clean(v.feature_name ?? '?')]);
  }
  return [...by];
}

/** The violations grouped by check: `baseline_drift_check: a, b; model_quality_check: auc`. */
export function violationsByCheck(violationsJson) {
  return byCheck(violationsJson)
    .map(([check, features]) => `${check}: ${features.join(', ')}`)
    .join('; ');
}

/**
 * What the check missed of the injected drift ('' when it found it all): baseline_drift_check
 * violations on total_freight and freight_ratio (freight doubled) and on at least one
 * customer_state=* column (an unseen state zeroes them all; the common states move most).
 */
export function injectedDriftMissed(violationsJson) {
  const drifted = new Set(
    violationList(violationsJson)
      .filter((v) => v.constraint_check_type === 'baseline_drift_check')
      .map((v) => String(v.feature_name)),
  );
  const missed = ['total_freight', 'freight_ratio'].filter((f) => !drifted.has(f));
  if (![...drifted].some((f) => f.startsWith('customer_state='))) missed.push('customer_state=*');
  return missed.length ? `no baseline_drift_check violation on ${missed.join(', ')}` : '';
}

const MARKER = /^<!-- sagemaker-actions:[^\n]*-->\n?/gm;

/**
 * The drift issue as a page (Markdown for htmlPage): title, state, labels, body and comments, as
 * GitHub shows it (the hidden markers that make the check idempotent are left out).
 */
export function issueMarkdown(issue, comments) {
  const mine = comments.filter((c) => c.issue === issue.number);
  return [
    `# #${issue.number} ${issue.title.replace(/[<>]/g, '')} (${issue.state})`,
    '',
    `Labels: ${issue.labels.map((l) => `\`${l}\``).join(', ') || 'none'}. Written by monitor-gate (github-token) to a fake GitHub API on 127.0.0.1 (local/rehearse/github-api.ts), as it would be to github.com.`,
    '',
    issue.body.replace(MARKER, ''),
    ...mine.flatMap((c, i) => ['', `## Comment ${i + 1}`, '', c.body.replace(MARKER, '')]),
    '',
  ].join('\n');
}

/** `#100 open (opened by this check)`-style words for a stage's detail line. */
export function issueLine(before, issue, comments) {
  if (!issue) return 'no drift issue';
  const n = comments.filter((c) => c.issue === issue.number).length;
  const was = before.find((i) => i.number === issue.number);
  const what = !was
    ? 'opened'
    : was.state === 'open' && issue.state === 'closed'
      ? 'commented on and closed'
      : `${n > was.comments ? 'commented on' : 'unchanged'}, still ${issue.state}`;
  return `drift issue #${issue.number} ${what} (${n} comment${n === 1 ? '' : 's'})`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the monitoring stages. ctx: { stage, action(name, file, inputs, job, env), page(file, title,
 * markdown), runNode(argv) -> stdout, s3 (an S3Client on sagemaker-local), root, work, config,
 * bucket, run, runId, repository }.
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

  // replay.ts reads the split from a folder: this run's production split, index and features.
  const splitsDir = join(ctx.work, 'replay', 'splits');
  for (const key of ['splits/index.csv', 'splits/production/production.csv', 'features/features.json']) {
    const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}/${key}` }));
    const file = join(ctx.work, 'replay', key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(await body.Body.transformToByteArray()));
  }
  const total = readFileSync(join(splitsDir, 'production', 'production.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
  const captureUri = `s3://${bucket}/olist/data-capture/${endpointName}/`;
  const groundTruthUri = `s3://${bucket}/${prefix}/ground-truth/`;
  const thresholds = qualityThresholds(readFileSync(join(ctx.root, config), 'utf8'));

  /** Replays `rows` production orders; the capture window starts at the next whole second. */
  const replay = async (rows, extra) => {
    const since = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
    await sleep(Math.max(0, since.getTime() - Date.now() + 50));
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
      String(rows),
      '--ground-truth-uri',
      groundTruthUri,
      ...extra,
    ]);
    const line = stdout.trim().split('\n').at(-1) ?? '';
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      throw new Error(`replay.ts printed no result line: ${line.slice(0, 200)}`);
    }
    // sagemaker-local writes its capture buffer every second: wait until every request is in.
    const captured = await countCaptured(s3, ListObjectsV2Command, GetObjectCommand, {
      bucket,
      endpointName,
      since,
      expected: r.sent,
    });
    return {
      since,
      captured,
      text: `${r.sent} of ${total} production orders sent (${r.first} … ${r.last}), ${r.failed} failed; ${captured} captured in the window; ground truth ${r.groundTruthUri}`,
    };
  };

  /** One nightly check of the window from `since`, with the drift issue on the fake GitHub API. */
  const check = async (file, since, nightly) => {
    const before = ctx.github.issues.map((i) => ({
      number: i.number,
      state: i.state,
      comments: ctx.github.comments.filter((c) => c.issue === i.number).length,
    }));
    const o = await action(
      'monitor-gate',
      file,
      {
        config: `${config}#monitor`,
        'capture-uri': captureUri,
        since: since.toISOString(),
        'baseline-statistics': out.baseline['statistics-uri'],
        'baseline-constraints': out.baseline['constraints-uri'],
        'ground-truth-uri': groundTruthUri,
        'quality-thresholds': thresholds.text,
        'fail-on-gate': 'false',
        'github-token': 'ghs_demo-token-for-the-fake-github-api',
      },
      'monitor',
      // Each check is its own nightly run (the issue records which runs wrote to it).
      {
        GITHUB_RUN_ID: `${ctx.runId}${nightly}`,
        GITHUB_WORKFLOW: 'nightly-drift',
        GITHUB_API_URL: ctx.github.url,
      },
    );
    const m = JSON.parse(o.metrics || '{}');
    if (!(m.records > 0)) throw new Error(`the check evaluated no captured records: ${o.metrics}`);
    if (!m.quality) throw new Error('the check computed no model-quality metrics from the ground truth');
    if (o.passed !== 'true' && o.passed !== 'false') throw new Error(`monitor-gate set passed=${o.passed}`);
    const issue = ctx.github.issues.find((i) => String(i.number) === o['issue-number']);
    if (issue) {
      ctx.page(
        `6-drift-issue-after-check-${nightly}`,
        `drift issue #${issue.number} after nightly check ${nightly}`,
        issueMarkdown(issue, ctx.github.comments),
      );
    }
    const q = Object.entries(m.quality)
      .filter(([k]) => thresholds.metrics.includes(k))
      .map(([k, v]) => `${k} ${v === null ? 'NaN' : Number(v).toFixed(4)}`)
      .join(', ');
    const issueText = issueLine(before, issue, ctx.github.comments);
    return {
      o,
      issue,
      issueText,
      facts: `${m.records} captured rows, join rate ${Number(m.join_rate).toFixed(2)}, ${q} (thresholds ${thresholds.text}); ${issueText}`,
    };
  };

  const { startGitHubApi } = await ctx.importTs('local/rehearse/github-api.ts');
  ctx.github = await startGitHubApi(ctx.repository);
  try {
    let drifted;
    const replayedDrift = await stage(
      `Replay production traffic with injected drift: ${DRIFT_ROWS} orders, freight doubled, every customer from a state the model never saw (templates/olist/replay.ts ${INJECTED_DRIFT.join(' ')})`,
      async () => {
        drifted = await replay(DRIFT_ROWS, [...INJECTED_DRIFT, '--id-prefix', 'drift-']);
        return drifted.text;
      },
    );
    if (!replayedDrift) return out;
    const found = await stage(
      'Nightly check 1, the drifted traffic: drift and model quality, drift issue opened (actions/monitor-gate, fail-on-gate: false)',
      async () => {
        const c = await check('6-monitor-check-drift', drifted.since, 1);
        out.driftCheck = c.o;
        if (c.o.passed === 'true')
          throw new Error(`the check passed: the injected drift was not found; ${c.facts}`);
        const missed = injectedDriftMissed(c.o.violations);
        if (missed)
          throw new Error(
            `the injected drift was not found (${missed}): ${violationsByCheck(c.o.violations)}`,
          );
        if (!c.issue || c.issue.state !== 'open')
          throw new Error(`no open drift issue after the failed check: ${c.facts}`);
        const drift = byCheck(c.o.violations).find(([k]) => k === 'baseline_drift_check')?.[1] ?? [];
        out.lifecycle = `nightly check 1 found the injected drift (baseline_drift_check on ${drift.join(', ')}): ${c.issueText}`;
        return {
          verdict: 'drift found',
          detail: `gate failed, as the injected drift should make it: ${c.o['violations-count']} violation(s): ${violationsByCheck(c.o.violations)}; ${c.facts}`,
        };
      },
    );
    if (!found) return out;

    let normal;
    const replayed = await stage(
      `Replay production traffic: ${REPLAY_ROWS} production orders spread over its months, with ground truth (templates/olist/replay.ts)`,
      async () => {
        normal = await replay(REPLAY_ROWS, []);
        out.captured = normal.captured;
        return normal.text;
      },
    );
    if (!replayed) return out;
    await stage(
      'Nightly check 2, the production traffic: drift and model quality, drift issue closed on a pass (actions/monitor-gate, fail-on-gate: false)',
      async () => {
        const c = await check('6-monitor-check', normal.since, 2);
        out.check = c.o;
        out.lifecycle += `; nightly check 2 on clean production traffic ${c.o.passed === 'true' ? 'passed' : 'failed'}: ${c.issueText}`;
        if (c.o.passed === 'true') return { verdict: 'gate passed', detail: `gate passed: ${c.facts}` };
        const lines = violationLines(c.o.violations);
        return {
          verdict: 'gate failed',
          detail: `gate failed, by design not fatal (fail-on-gate: false): ${c.o['violations-count']} violation(s): ${lines.slice(0, 4).join('; ')}${lines.length > 4 ? `; … (${lines.length - 4} more in 6-monitor-check.html)` : ''}; ${c.facts}`,
        };
      },
    );
  } finally {
    await ctx.github.stop();
  }
  return out;
}

/** Captured records with an inference time at or after `since`, once all `expected` are in (or the count stops growing). */
async function countCaptured(s3, List, Get, { bucket, endpointName, since, expected }) {
  const count = async () => {
    let n = 0;
    let token;
    do {
      const page = await s3.send(
        new List({ Bucket: bucket, Prefix: `olist/data-capture/${endpointName}/`, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        // A file written well before the window holds none of its records (capture is flushed
        // every second); skipping it keeps the polling cheap as earlier traffic accumulates.
        if (o.LastModified && o.LastModified.getTime() < since.getTime() - 5000) continue;
        const text = await (await s3.send(new Get({ Bucket: bucket, Key: o.Key }))).Body.transformToString();
        for (const l of text.split('\n'))
          if (l.trim() && Date.parse(JSON.parse(l).eventMetadata?.inferenceTime) >= since.getTime()) n += 1;
      }
      token = page.NextContinuationToken;
    } while (token);
    return n;
  };
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 60; i++) {
    const n = await count();
    if (n >= expected) return n;
    // Sampled capture (under 100 %) never reaches `expected`: stop once the count is stable.
    stable = n > 0 && n === last ? stable + 1 : 0;
    if (stable >= 2) return n;
    last = n;
    await sleep(500);
  }
  return last;
}
