import { describe, expect, it } from '@jest/globals';
import { pairedBootstrap } from '../../../src/stats/bootstrap.js';
import { delong } from '../../../src/stats/delong.js';
import { StatsError } from '../../../src/stats/errors.js';

describe('paired bootstrap', () => {
  const n = 2000;
  const labels = new Float64Array(n);
  const good = new Float64Array(n);
  const worse = new Float64Array(n);
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    labels[i] = rnd() < 0.4 ? 1 : 0;
    good[i] = Math.min(1, Math.max(0, 0.35 * labels[i]! + 0.65 * rnd()));
    worse[i] = Math.min(1, Math.max(0, 0.5 * good[i]! + 0.5 * rnd()));
  }
  it('is deterministic per seed, brackets the observed difference, and detects a worse model', () => {
    const a = pairedBootstrap(labels, worse, good, 'auc', {
      threshold: 0.5,
      confidence: 0.95,
      iterations: 300,
      seed: 3,
    });
    const b = pairedBootstrap(labels, worse, good, 'auc', {
      threshold: 0.5,
      confidence: 0.95,
      iterations: 300,
      seed: 3,
    });
    expect(a).toEqual(b);
    expect(a.method).toBe('paired-bootstrap');
    expect(a.ci[0]).toBeLessThan(a.diff);
    expect(a.ci[1]).toBeGreaterThan(a.diff);
    expect(a.ci[1]).toBeLessThan(0);
    const d = delong(labels, worse, good, 0.95);
    expect(a.diff).toBeCloseTo(d.diff, 12);
    expect(Math.abs(a.ci[0] - d.ci[0])).toBeLessThan(0.02); // both estimate the same sampling distribution
  });
  it('works for threshold metrics, lower-is-better metrics, regression and multiclass', () => {
    const f1 = pairedBootstrap(labels, good, good, 'f1', { threshold: 0.5, confidence: 0.9, iterations: 50 });
    expect([f1.diff, f1.ci[0], f1.ci[1]]).toEqual([0, 0, 0]);
    const ll = pairedBootstrap(labels, worse, good, 'log_loss', {
      threshold: 0.5,
      confidence: 0.95,
      iterations: 100,
    });
    expect(ll.candidate).toBeGreaterThan(ll.champion);
    const reg = pairedBootstrap(
      Float64Array.from([1, 2, 3, 4]),
      Float64Array.from([1, 2, 3, 5]),
      Float64Array.from([1, 2, 3, 4]),
      'mae',
      { threshold: 0.5, confidence: 0.95, iterations: 100 },
    );
    expect(reg.diff).toBeCloseTo(0.25, 12);
    const mc = pairedBootstrap(
      Float64Array.from([0, 1, 2, 2]),
      Float64Array.from([0, 1, 2, 2]),
      Float64Array.from([0, 1, 1, 2]),
      'weighted_f1',
      { threshold: 0.5, confidence: 0.95, iterations: 100 },
    );
    expect(mc.diff).toBeGreaterThan(0);
    const acc = pairedBootstrap(
      Float64Array.from([0, 1, 2, 2]),
      Float64Array.from([0, 1, 2, 2]),
      Float64Array.from([0, 1, 1, 2]),
      'accuracy',
      { threshold: 0.5, confidence: 0.95, iterations: 100 },
    );
    expect(acc.diff).toBeCloseTo(0.25, 12); // multiclass accuracy, detected from the data
    expect(() => pairedBootstrap(labels, good, good, 'nope', { threshold: 0.5, confidence: 0.95 })).toThrow(
      StatsError,
    );
  });
  // Skipped under mutation testing (StrykerJS sets STRYKER_MUTATOR_WORKER): it pins no value, and
  // re-running it for every covered mutant would take hours on a shared machine.
  (process.env['STRYKER_MUTATOR_WORKER'] ? it.skip : it)(
    'is fast enough on 10k rows with 1000 iterations (no timing assertion; just completes)',
    () => {
      const big = 10000;
      const l = Float64Array.from({ length: big }, (_, i) => (i % 3 === 0 ? 1 : 0));
      const s = Float64Array.from({ length: big }, (_, i) => ((i * 7919) % 1000) / 1000);
      const r = pairedBootstrap(
        l,
        s,
        s.map((v) => v * v),
        'auc',
        { threshold: 0.5, confidence: 0.95 },
      );
      expect(r.ci[0]).toBeLessThanOrEqual(r.ci[1]);
    },
  );
});
