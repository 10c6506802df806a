/** The six data-quality checks, on a baseline built from CSV and captured rows fed through the same profiles. */
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanBaselineCsv } from '../../../src/monitor/baseline-csv.js';
import { runChecks } from '../../../src/monitor/checks.js';
import { suggestConstraints } from '../../../src/monitor/constraints.js';
import { feedCsv, newSink } from '../../../src/monitor/payload.js';
import { FeatureProfile, inferType } from '../../../src/monitor/profile.js';
import { statisticsFromProfiles } from '../../../src/monitor/statistics.js';

const tmp = mkdtempSync(join(tmpdir(), 'checks-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function rows(n: number, f: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';
}
const STATES = ['SP', 'RJ', 'MG'];
const clean = (i: number) => `${(10 + ((i * 7) % 20)).toFixed(1)},${1 + (i % 3)},${STATES[i % 3]}`;

function baseline() {
  const p = join(tmp, 'baseline.csv');
  writeFileSync(p, 'freight_value,item_count,customer_state\n' + rows(3000, clean));
  const b = scanBaselineCsv([p]);
  const stats = statisticsFromProfiles(b.names, b.sink.profiles, b.sink.rows);
  return { stats, constraints: suggestConstraints(stats) };
}

function current(text: string) {
  const sink = newSink();
  const buf = Buffer.from(text);
  expect(feedCsv(sink, buf, 0, buf.length)).toBeNull();
  return sink;
}

describe('runChecks', () => {
  const { stats, constraints } = baseline();

  it('baseline: inferred types, completeness, domains', () => {
    expect(stats.features.map((f) => f.type)).toEqual(['Fractional', 'Integral', 'String']);
    expect(constraints.features.map((f) => f.completeness)).toEqual([1, 1, 1]);
    expect(constraints.features[2]!.domains).toEqual(['MG', 'RJ', 'SP']);
    expect(constraints.features[0]!.isNonNegative).toBe(true);
  });

  it('clean traffic passes', () => {
    const r = runChecks(stats, constraints, current(rows(1000, (i) => clean(i + 5))));
    expect(r.violations).toEqual([]);
    expect(r.drift.every((d) => !d.drifted)).toBe(true);
  });

  it('doubled freight and an unseen state code are drift and categorical violations', () => {
    const r = runChecks(
      stats,
      constraints,
      current(
        rows(1000, (i) =>
          clean(i)
            .replace(/^[\d.]+/, (v) => String(2 * Number(v)))
            .replace(/SP$/, 'XX'),
        ),
      ),
    );
    const types = r.violations.map((v) => `${v.feature_name}:${v.constraint_check_type}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'freight_value:baseline_drift_check',
        'customer_state:categorical_values_check',
        'customer_state:baseline_drift_check',
      ]),
    );
    const drift = r.drift.find((d) => d.name === 'freight_value')!;
    expect(drift.distance).toBeGreaterThan(0.5);
    expect(drift.psi).toBeGreaterThan(1);
    expect(r.violations.find((v) => v.constraint_check_type === 'baseline_drift_check')!.description).toMatch(
      /^Numerical distance: [\d.]+ exceeds numerical threshold: 0.1$/,
    );
  });

  it('type, completeness, missing and extra columns', () => {
    const text = rows(200, (i) =>
      i % 10 === 0
        ? 'n/a,1,SP'
        : i % 7 === 0
          ? ',2.5,RJ'
          : i % 13 === 0
            ? '12.0,1'
            : i % 17 === 0
              ? '12.0,1,SP,extra'
              : clean(i),
    );
    const r = runChecks(stats, constraints, current(text));
    const types = new Set(r.violations.map((v) => `${v.feature_name}:${v.constraint_check_type}`));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'freight_value:data_type_check',
        'item_count:data_type_check',
        'freight_value:completeness_check',
        'customer_state:completeness_check',
      ]),
    );
    expect(r.violations.some((v) => v.constraint_check_type === 'missing_column_check')).toBe(true);
    expect(r.violations.some((v) => v.constraint_check_type === 'extra_column_check')).toBe(true);
    expect(
      r.violations.find(
        (v) => v.feature_name === 'freight_value' && v.constraint_check_type === 'data_type_check',
      )!.description,
    ).toMatch(
      /^Data type match requirement is not met\. Expected data type: Fractional, Expected match: 100\.0%\. Observed: Only 88\.5% of data is Fractional\.$/,
    );
  });

  it('fails closed when no row has the baseline shape (a baseline with the label column)', () => {
    expect(() =>
      runChecks(stats, constraints, current(rows(50, (i) => clean(i).split(',').slice(0, 2).join(',')))),
    ).toThrow(/the baseline does not match the capture/);
  });
});

describe('profiles', () => {
  it('infer types as Model Monitor does', () => {
    const t = (vals: string[]) => {
      const p = new FeatureProfile();
      vals.forEach((v) => p.addText(v));
      return inferType(p.types);
    };
    expect(t(['1', '-2', '+ 3'])).toBe('Integral');
    expect(t(['1', '2.5', '.5'])).toBe('Fractional');
    expect(t(['1', 'SP'])).toBe('String');
    expect(t(['1e5'])).toBe('String'); // the analyzer's regexes have no exponent
    expect(t(['true', 'false'])).toBe('String');
    expect(t([])).toBe('Unknown');
  });

  it('count numbers in the categorical view only after the first string, however many wait to be added', () => {
    for (const before of [2, 63, 64, 65, 300]) {
      const p = new FeatureProfile();
      for (let i = 0; i < before; i++) p.addText(String(i % 7));
      p.addText('SP');
      p.addText('3');
      p.addText('3');
      expect([...p.numericCategories!]).toEqual([[3, 2]]);
      expect(p.n).toBe(before + 2);
      expect(p.types).toEqual([0, 0, before + 2, 0, 1]);
    }
  });

  it('read the same moments, extremes and sketch whether the numbers came one by one or were read in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 500 }),
        (ints) => {
          const vals = ints.map((v) => String(v / 8));
          const quiet = new FeatureProfile();
          const watched = new FeatureProfile();
          vals.forEach((v, i) => {
            quiet.addText(v);
            watched.addText(v);
            if (i % 37 === 0) expect(watched.n).toBe(i + 1); // a read adds what waits
          });
          const nums = vals.map(Number);
          const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
          for (const p of [quiet, watched]) {
            expect(p.n).toBe(nums.length);
            expect(p.mean).toBeCloseTo(mean, 9);
            expect(p.m2).toBeCloseTo(
              nums.reduce((a, v) => a + (v - mean) ** 2, 0),
              6,
            );
            expect(p.min).toBe(Math.min(...nums));
            expect(p.max).toBe(Math.max(...nums));
            expect(p.kll.count).toBe(nums.length);
          }
          expect(quiet.kll.toState()).toEqual(watched.kll.toState());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('merging the profiles of two halves equals the profile of the whole', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -50, max: 50 }).map(String),
            fc.constantFrom('', 'SP', 'RJ', '2.5', '-0.25'),
          ),
          { minLength: 1, maxLength: 400 },
        ),
        fc.nat(),
        (vals, cut) => {
          const at = cut % vals.length;
          const feed = (vs: string[]) => {
            const p = new FeatureProfile();
            vs.forEach((v) => (v === '' ? p.addNull() : p.addText(v)));
            return p;
          };
          const whole = feed(vals);
          const merged = feed(vals.slice(0, at)).merge(feed(vals.slice(at)));
          expect(merged.types).toEqual(whole.types);
          expect(merged.n).toBe(whole.n);
          expect(merged.min).toBe(whole.min);
          expect(merged.max).toBe(whole.max);
          expect(merged.sum).toBeCloseTo(whole.sum, 9);
          if (whole.n > 0) {
            expect(merged.mean).toBeCloseTo(whole.mean, 9);
            expect(merged.m2).toBeCloseTo(whole.m2, 6);
          }
          expect(merged.categories).toEqual(whole.categories);
          expect(Array.from(merged.kll.weighted().values)).toEqual(Array.from(whole.kll.weighted().values));
        },
      ),
    );
  });
});
