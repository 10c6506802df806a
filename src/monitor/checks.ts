/**
 * The data-quality checks of Model Monitor's built-in container, over the current data's profiles
 * and the baseline: data_type_check, completeness_check, baseline_drift_check,
 * missing_column_check, extra_column_check, categorical_values_check. Each violation carries the
 * description wording Model Monitor uses where it is known (sagemaker.md §7). PSI and KS are
 * computed alongside the drift distance for the report (they are never gated).
 */
import {
  bucketCounts,
  categoricalDistance,
  ksTest,
  linfSimple,
  numericalDistance,
  psi,
} from '../stats/distance.js';
import { MonitorDataError } from './errors.js';
import type { Constraints, FeatureConstraint } from './constraints.js';
import { T_FRACTIONAL, T_INTEGRAL } from './classify.js';
import { FeatureProfile } from './profile.js';
import {
  isNumeric,
  statisticsFromProfiles,
  type DatasetStatistics,
  type FeatureStats,
} from './statistics.js';
import type { Violation } from './violations.js';

export interface ScanTotals {
  rows: number;
  profiles: FeatureProfile[];
  columnCounts: Map<number, number>;
  unknownNames: Map<string, number>;
}

export interface FeatureDrift {
  name: string;
  kind: 'numerical' | 'categorical';
  distance: number;
  threshold: number;
  method: string;
  drifted: boolean;
  psi?: number;
  ks?: { statistic: number; pValue: number };
  /** baseline vs current counts on the baseline's buckets (categories: top baseline values + other) */
  labels: string[];
  baselineCounts: number[];
  currentCounts: number[];
}

export interface CheckResult {
  statistics: DatasetStatistics;
  violations: Violation[];
  drift: FeatureDrift[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function violation(feature: string, type: string, description: string): Violation {
  return { feature_name: feature, constraint_check_type: type, description };
}

/** Fails closed when no captured row has the baseline's shape (e.g. a baseline with the label column). */
function checkShape(baselineCount: number, totals: ScanTotals): void {
  if (totals.rows === 0 || totals.unknownNames.size > 0) return;
  if (!totals.columnCounts.has(baselineCount)) {
    const seen = [...totals.columnCounts.keys()].sort((a, b) => a - b).join(', ');
    throw new MonitorDataError(
      `the baseline describes ${baselineCount} feature(s) but every captured row has ${seen} column(s): the baseline does not match the capture (a baseline built from training data that still has the label column looks like this); fix: build the baseline from the features the endpoint receives, in the same order`,
    );
  }
}

export function runChecks(
  baseline: DatasetStatistics,
  constraints: Constraints,
  totals: ScanTotals,
): CheckResult {
  const names = constraints.features.map((f) => f.name);
  const byName = new Map(baseline.features.map((f) => [f.name, f]));
  for (const n of names) {
    if (!byName.has(n)) {
      throw new MonitorDataError(
        `constraints name feature ${JSON.stringify(n)} but the baseline statistics do not; fix: use the statistics.json and constraints.json of the same baseline`,
      );
    }
  }
  checkShape(names.length, totals);
  const current = statisticsFromProfiles(names, totals.profiles, totals.rows);
  const cfg = constraints.config;
  const violations: Violation[] = [];
  const drift: FeatureDrift[] = [];
  if (!cfg.evaluateConstraints) return { statistics: current, violations, drift };

  // Column counts.
  let fewer = 0;
  let more = 0;
  for (const [cols, rows] of totals.columnCounts) {
    if (cols < names.length) fewer += rows;
    else if (cols > names.length) more += rows;
  }
  const maxCols = Math.max(0, ...totals.columnCounts.keys());
  const minCols = Math.min(names.length, ...totals.columnCounts.keys());
  if (fewer > 0) {
    violations.push(
      violation(
        names[Math.max(0, minCols)] ?? '',
        'missing_column_check',
        `There are missing columns in current dataset. Number of columns in current dataset: ${minCols}, Number of columns in baseline constraints: ${names.length} (${fewer} of ${totals.rows} row(s))`,
      ),
    );
  }
  if (more > 0 || totals.unknownNames.size > 0) {
    const extra =
      totals.unknownNames.size > 0
        ? [...totals.unknownNames.keys()].join(', ')
        : `column ${names.length + 1}`;
    violations.push(
      violation(
        totals.unknownNames.size > 0 ? [...totals.unknownNames.keys()][0]! : `_c${names.length}`,
        'extra_column_check',
        `There are extra columns in current dataset (${extra}). Number of columns in current dataset: ${Math.max(maxCols, names.length + totals.unknownNames.size)}, Number of columns in baseline constraints: ${names.length}`,
      ),
    );
  }

  constraints.features.forEach((fc, i) => {
    if (!fc.evaluate) return;
    const base = byName.get(fc.name)!;
    const cur = current.features[i]!;
    const p = totals.profiles[i] ?? new FeatureProfile();
    dataTypeCheck(fc, p, cfg.datatypeCheckThreshold, violations);
    completenessCheck(fc, cur, totals.rows, violations);
    categoricalValuesCheck(fc, cur, cfg.domainContentThreshold, violations);
    if (cfg.performComparison) {
      const d = driftOf(fc, base, cur, constraints);
      if (d) {
        drift.push(d);
        if (d.drifted) {
          violations.push(
            violation(
              fc.name,
              'baseline_drift_check',
              d.kind === 'numerical'
                ? `Numerical distance: ${d.distance} exceeds numerical threshold: ${d.threshold}`
                : `Categorical distance: ${d.distance} exceeds categorical threshold: ${d.threshold}`,
            ),
          );
        }
      }
    }
  });
  return { statistics: current, violations, drift };
}

function dataTypeCheck(fc: FeatureConstraint, p: FeatureProfile, threshold: number, out: Violation[]): void {
  if (fc.type !== 'Integral' && fc.type !== 'Fractional') return;
  const nonNull = p.types[1]! + p.types[2]! + p.types[3]! + p.types[4]!;
  if (nonNull === 0) return;
  const matching =
    fc.type === 'Integral' ? p.types[T_INTEGRAL]! : p.types[T_INTEGRAL]! + p.types[T_FRACTIONAL]!;
  const ratio = matching / nonNull;
  if (ratio < threshold) {
    out.push(
      violation(
        fc.name,
        'data_type_check',
        `Data type match requirement is not met. Expected data type: ${fc.type}, Expected match: ${pct(threshold)}. Observed: Only ${pct(ratio)} of data is ${fc.type}.`,
      ),
    );
  }
}

function completenessCheck(fc: FeatureConstraint, cur: FeatureStats, rows: number, out: Violation[]): void {
  if (fc.completeness === undefined || rows === 0) return;
  const observed = cur.present / rows;
  if (observed < fc.completeness) {
    out.push(
      violation(
        fc.name,
        'completeness_check',
        `Value: ${observed} does not meet the constraint requirement! `,
      ),
    );
  }
}

function categoricalValuesCheck(
  fc: FeatureConstraint,
  cur: FeatureStats,
  threshold: number,
  out: Violation[],
): void {
  if (!fc.domains || isNumeric(cur) || cur.present === 0) return;
  const domain = new Set(fc.domains);
  let inDomain = 0;
  let total = 0;
  if (cur.categories === null) {
    out.push(
      violation(
        fc.name,
        'categorical_values_check',
        `Value: 0 does not meet the constraint requirement! (more distinct values than can be counted)`,
      ),
    );
    return;
  }
  for (const [v, c] of cur.categories) {
    total += c;
    if (domain.has(v)) inDomain += c;
  }
  const ratio = total === 0 ? 1 : inDomain / total;
  if (ratio < threshold) {
    out.push(
      violation(
        fc.name,
        'categorical_values_check',
        `Value: ${ratio} does not meet the constraint requirement! `,
      ),
    );
  }
}

function driftOf(
  fc: FeatureConstraint,
  base: FeatureStats,
  cur: FeatureStats,
  c: Constraints,
): FeatureDrift | undefined {
  const cfg = c.config;
  if (isNumeric(base) && isNumeric(cur)) {
    if (base.sketch.count === 0 || cur.sketch.count === 0) return undefined;
    const threshold = fc.comparisonThreshold ?? cfg.comparisonThreshold;
    // one CDF walk for the gated distance and the KS statistic (the same L-infinity distance)
    const simple = linfSimple(cur.sketch, base.sketch);
    const distance = numericalDistance(base.sketch, cur.sketch, cfg.comparisonMethod, simple);
    const edges = [-Infinity, ...base.buckets.slice(1).map((b) => b.lower_bound), Infinity];
    const baselineCounts = base.buckets.length > 0 ? base.buckets.map((b) => b.count) : [base.sketch.count];
    const currentCounts = base.buckets.length > 0 ? bucketCounts(cur.sketch, edges) : [cur.sketch.count];
    return {
      name: fc.name,
      kind: 'numerical',
      distance,
      threshold,
      method: cfg.comparisonMethod,
      drifted: distance > threshold,
      psi: psi(baselineCounts, currentCounts),
      ks: ksTest(base.sketch, cur.sketch, simple),
      labels: base.buckets.map((b) => `${fmt(b.lower_bound)}–${fmt(b.upper_bound)}`),
      baselineCounts,
      currentCounts,
    };
  }
  if (
    !isNumeric(base) &&
    !isNumeric(cur) &&
    base.categories &&
    cur.categories &&
    base.categories.size > 0 &&
    cur.categories.size > 0
  ) {
    const threshold = fc.comparisonThreshold ?? cfg.categoricalComparisonThreshold;
    if (cfg.categoricalDriftMethod === 'ChiSquared') {
      throw new MonitorDataError(
        `constraints ask for categorical_drift_method ChiSquared (feature ${JSON.stringify(fc.name)}), which this gate does not compute; it fails closed rather than skip the check; fix: set categorical_drift_method to LInfinity`,
      );
    }
    const distance = categoricalDistance(base.categories, cur.categories, cfg.comparisonMethod);
    const top = [...base.categories]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 9)
      .map(([k]) => k);
    const topSet = new Set(top);
    const other = (m: Map<string, number>) =>
      [...m].filter(([k]) => !topSet.has(k)).reduce((s, [, v]) => s + v, 0);
    return {
      name: fc.name,
      kind: 'categorical',
      distance,
      threshold,
      method: `${cfg.comparisonMethod} LInfinity`,
      drifted: distance > threshold,
      psi: psi(
        [...top.map((k) => base.categories!.get(k) ?? 0), other(base.categories)],
        [...top.map((k) => cur.categories!.get(k) ?? 0), other(cur.categories)],
      ),
      labels: [...top, 'other'],
      baselineCounts: [...top.map((k) => base.categories!.get(k) ?? 0), other(base.categories)],
      currentCounts: [...top.map((k) => cur.categories!.get(k) ?? 0), other(cur.categories)],
    };
  }
  return undefined;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
