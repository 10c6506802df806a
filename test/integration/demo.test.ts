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
  it('runs generate → ingest → preprocess → train → evaluate → pipeline and reports each stage', () => {
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
    expect([r.status, out.slice(-3000)]).toEqual([0, expect.stringContaining('All stages passed.')]);
    for (const stage of ['Generate', 'Ingest', 'Preprocess', 'Train', 'Evaluate', 'Pipeline']) {
      expect(out).toMatch(new RegExp(`✔ ${stage}`));
    }
    // Job summaries are saved as markdown, one per action step, plus the run's index.
    for (const f of ['1-preprocess.md', '2-train.md', '3-evaluate.md', '4-pipeline.md', 'README.md']) {
      expect(existsSync(join(report, f))).toBe(true);
    }
    expect(readFileSync(join(report, '2-train.md'), 'utf8')).toMatch(/validation:auc/);
    expect(readFileSync(join(report, 'README.md'), 'utf8')).not.toMatch(/FAILED/);
    expect(readFileSync(join(report, '4-pipeline.md'), 'utf8')).toMatch(/```mermaid\nflowchart TD/);
  });
});
