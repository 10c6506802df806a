import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End to end: `npm run demo` on a small Olist data set, every stage through the committed action
 * bundles against sagemaker-local (started and stopped by the demo itself).
 */
const report = mkdtempSync(join(tmpdir(), 'demo-e2e-'));
afterAll(() => rmSync(report, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('runs generate → ingest → preprocess → train → evaluate → deploy → monitoring → pipeline → forced failures and reports each stage', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/demo.mjs', '--orders', '20000', '--quiet', '--report', report],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 600_000,
      },
    );
    const out = `${r.stdout}\n${r.stderr}`;
    // The production monitor check runs with fail-on-gate: false: its verdict (passed or failed on
    // the data) is reported, and a failed gate alone does not fail the demo.
    expect([r.status, out.slice(-3000)]).toEqual([
      0,
      expect.stringMatching(
        /All stages passed\.|All stages ran as designed; the production monitor gate failed on the data/,
      ),
    ]);
    for (const stage of [
      'Generate',
      'Ingest',
      'Preprocess',
      'Train',
      'Evaluate',
      'Deploy',
      'Monitoring baseline',
      'Replay production traffic with injected drift',
      'Nightly check 1, the drifted traffic',
      'Replay production traffic: 1000',
      'Nightly check 2, the production traffic',
      'Pipeline',
    ]) {
      expect(out).toMatch(new RegExp(`✔ ${stage}`));
    }
    // Job summaries are saved as markdown, one per action step, plus the run's index.
    for (const f of ['1-preprocess.md', '2-train.md', '3-evaluate.md', '4-pipeline.md', 'README.md']) {
      expect(existsSync(join(report, f))).toBe(true);
    }
    expect(readFileSync(join(report, '2-train.md'), 'utf8')).toMatch(/validation:auc/);
    expect(readFileSync(join(report, 'README.md'), 'utf8')).not.toMatch(/FAILED/);
    expect(readFileSync(join(report, '4-pipeline.md'), 'utf8')).toMatch(/```mermaid\nflowchart TD/);
    // Every job summary is also a page a person can open, linked from index.html.
    const index = readFileSync(join(report, 'index.html'), 'utf8');
    for (const f of [
      '3-evaluate.html',
      '8-forced-fail-alarm-rollback.html',
      '11-forced-fail-monitor-violation.html',
    ]) {
      expect(existsSync(join(report, f))).toBe(true);
      expect(index).toContain(`<a href="${f}">`);
    }
    expect(readFileSync(join(report, '3-evaluate.html'), 'utf8')).toMatch(/<table>[\s\S]*auc/);
    // Monitoring: the baseline and the checks have job summaries (HTML, linked from the index).
    // The bad day: 500 drifted production rows, every one answered and captured; nightly check 1
    // finds the injected drift and opens the drift issue (on the fake GitHub API).
    for (const f of [
      '6-monitor-baseline.html',
      '6-monitor-check-drift.html',
      '6-drift-issue-after-check-1.html',
      '6-monitor-check.html',
    ]) {
      expect(existsSync(join(report, f))).toBe(true);
      expect(index).toContain(`<a href="${f}">`);
    }
    expect(out).toMatch(
      /\nReplay production traffic with injected drift.*\n +500 of \d+ production orders sent \(drift-.*, 0 failed; 500 captured in the window/,
    );
    expect(out).toMatch(
      /\nNightly check 1, the drifted traffic.* drift found +[\d.]+ s .*6-monitor-check-drift\.html.*\n +gate failed, as the injected drift should make it: \d+ violation\(s\): baseline_drift_check: .*total_freight.*; 500 captured rows, join rate 1\.00, .*drift issue #100 opened/,
    );
    expect(readFileSync(join(report, '6-drift-issue-after-check-1.md'), 'utf8')).toMatch(
      /^# #100 Model drift on endpoint olist-satisfaction \(open\)[\s\S]*baseline\\_drift\\_check/,
    );
    // The normal day: 1,000 clean production rows; check 2's verdict is whatever the data says, on
    // the final screen and in README.md, and the drift issue follows it (closed on a pass).
    expect(out).toMatch(
      /\nReplay production traffic: 1000.*\n +1000 of \d+ production orders sent .*, 0 failed; 1000 captured in the window/,
    );
    const verdict =
      /\n(Nightly check 2, the production traffic.*?) (gate passed|gate failed) +[\d.]+ s .*6-monitor-check\.html.*\n +(.*)/.exec(
        out,
      );
    expect(verdict).not.toBeNull();
    expect(verdict![3]).toMatch(
      new RegExp(
        `^${verdict![2]}.*1000 captured rows, join rate 1\\.00, accuracy 0\\.\\d+, auc 0\\.\\d+.*; drift issue #100 ${verdict![2] === 'gate passed' ? 'commented on and closed' : 'commented on, still open'} \\(1 comment\\)`,
      ),
    );
    expect(out).toMatch(
      /\ndrift: +nightly check 1 found the injected drift \(baseline_drift_check on .*total_freight.*\): drift issue #100 opened/,
    );
    expect(readFileSync(join(report, 'README.md'), 'utf8')).toContain(`| ${verdict![2]} |`);
    expect(readFileSync(join(report, '6-monitor-check.md'), 'utf8')).toMatch(/join rate/);
    // The forced failures ran last, each failing for its reason, and left nothing running.
    for (const line of [
      /✔ Forced failure: deploy rolled back by an alarm[\s\S]*?failed as designed: deploy: endpoint olist-forced-fail ROLLED BACK: alarm olist-forced-fail-latency fired/,
      /✔ Forced failure: smoke-test failure, rolled back[\s\S]*?failed as designed: .*smoke test failed/,
      /✔ Forced failure: monitor violation[\s\S]*?failed as designed: monitor-gate: gate failed/,
      /✔ Forced failure: model quality below its constraint[\s\S]*?failed as designed: monitor-gate: gate failed/,
      /✔ Forced failure: misconfigured alarm[\s\S]*?is misconfigured/,
      /✔ Forced failures: nothing left running[\s\S]*?nothing running/,
    ])
      expect(out).toMatch(line);
  });
});
