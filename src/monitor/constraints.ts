/**
 * constraints.json in Model Monitor's format (sagemaker.md §7): suggesting it from baseline
 * statistics as Model Monitor's baselining job does, and reading it (ours or Model Monitor's,
 * including the older variants: `monitoring_config_overrides` inside string_constraints and
 * `distribution_constraints {enable_comparisons, min_domain_mass, comparison_threshold}`).
 */
import type { ComparisonMethod } from '../stats/distance.js';
import { MonitorDataError } from './errors.js';
import { arr, isObj, parseJsonText, str, type Obj } from './json-util.js';
import { isNumeric, type DatasetStatistics } from './statistics.js';

/** String features with at most this many distinct values get a domain (the profiler's low-cardinality limit). */
export const DOMAIN_MAX_VALUES = 120;

export type CategoricalDriftMethod = 'LInfinity' | 'ChiSquared';

export interface FeatureConstraint {
  name: string;
  type: 'Integral' | 'Fractional' | 'String' | 'Unknown';
  completeness?: number;
  isNonNegative?: boolean;
  domains?: string[];
  /** per-feature monitoring_config overrides (evaluate_constraints, comparison_threshold, ...) */
  evaluate: boolean;
  comparisonThreshold?: number;
}

export interface MonitoringConfig {
  evaluateConstraints: boolean;
  emitMetrics: boolean;
  datatypeCheckThreshold: number;
  domainContentThreshold: number;
  performComparison: boolean;
  comparisonThreshold: number;
  comparisonMethod: ComparisonMethod;
  categoricalComparisonThreshold: number;
  categoricalDriftMethod: CategoricalDriftMethod;
}

export interface Constraints {
  features: FeatureConstraint[];
  config: MonitoringConfig;
}

/**
 * Defaults as Model Monitor's suggested constraints show them: both type and domain thresholds
 * 1.0 (every value must match: its violation text reads "Expected match: 100.0%"), drift threshold
 * 0.1 with the Robust method, categorical LInfinity 0.1. AWS's current schema page gives 0.1 as the
 * default of the first two when a file omits them; readers use that.
 */
export const SUGGESTED_CONFIG: MonitoringConfig = {
  evaluateConstraints: true,
  emitMetrics: true,
  datatypeCheckThreshold: 1.0,
  domainContentThreshold: 1.0,
  performComparison: true,
  comparisonThreshold: 0.1,
  comparisonMethod: 'Robust',
  categoricalComparisonThreshold: 0.1,
  categoricalDriftMethod: 'LInfinity',
};

export function suggestConstraints(
  stats: DatasetStatistics,
  overrides: Partial<MonitoringConfig> = {},
): Constraints {
  const features = stats.features.map((f): FeatureConstraint => {
    const c: FeatureConstraint = {
      name: f.name,
      type: f.type,
      completeness: stats.itemCount > 0 ? f.present / stats.itemCount : 0,
      evaluate: true,
    };
    if (isNumeric(f)) c.isNonNegative = f.present > 0 && f.min >= 0;
    else if (f.type === 'String' && f.categories && f.categories.size <= DOMAIN_MAX_VALUES) {
      c.domains = [...f.categories.keys()].sort();
    }
    return c;
  });
  return { features, config: { ...SUGGESTED_CONFIG, ...overrides } };
}

const enabled = (b: boolean) => (b ? 'Enabled' : 'Disabled');

export function constraintsJson(c: Constraints): Obj {
  return {
    version: 0.0,
    features: c.features.map((f) => {
      const o: Obj = { name: f.name, inferred_type: f.type };
      if (f.completeness !== undefined) o.completeness = f.completeness;
      if (f.isNonNegative !== undefined) o.num_constraints = { is_non_negative: f.isNonNegative };
      if (f.domains) o.string_constraints = { domains: f.domains };
      return o;
    }),
    monitoring_config: {
      evaluate_constraints: enabled(c.config.evaluateConstraints),
      emit_metrics: enabled(c.config.emitMetrics),
      datatype_check_threshold: c.config.datatypeCheckThreshold,
      domain_content_threshold: c.config.domainContentThreshold,
      distribution_constraints: {
        perform_comparison: enabled(c.config.performComparison),
        comparison_threshold: c.config.comparisonThreshold,
        comparison_method: c.config.comparisonMethod,
        categorical_comparison_threshold: c.config.categoricalComparisonThreshold,
        categorical_drift_method: c.config.categoricalDriftMethod,
      },
    },
  };
}

const FIX =
  'fix: use a constraints.json written by monitor-gate (mode: baseline) or by a Model Monitor baselining job';

function flag(v: unknown, where: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (v === 'Enabled' || v === true) return true;
  if (v === 'Disabled' || v === false) return false;
  throw new MonitorDataError(`${where} is ${JSON.stringify(v)}; expected "Enabled" or "Disabled"; ${FIX}`);
}

function optNumber(v: unknown, where: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new MonitorDataError(`${where} is ${JSON.stringify(v)}; expected a number; ${FIX}`);
}

function overridesOf(raw: Obj): Obj | undefined {
  for (const holder of [raw, raw.string_constraints, raw.num_constraints]) {
    if (!isObj(holder)) continue;
    const o = holder.monitoringConfigOverrides ?? holder.monitoring_config_overrides;
    if (isObj(o)) return o;
  }
  return undefined;
}

export function parseConstraints(input: unknown, source: string): Constraints {
  const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, FIX) : input;
  if (!isObj(doc)) throw new MonitorDataError(`${source}: constraints is not a JSON object; ${FIX}`);
  const features = arr(doc, 'features', source, FIX).map((raw, i): FeatureConstraint => {
    const where = `${source}: features[${i}]`;
    if (!isObj(raw)) throw new MonitorDataError(`${where} is not an object; ${FIX}`);
    const name = str(raw, 'name', where, FIX);
    const type = str(raw, 'inferred_type', where, FIX);
    const at = `${source}: feature ${JSON.stringify(name)}`;
    if (!['Integral', 'Fractional', 'String', 'Unknown'].includes(type)) {
      throw new MonitorDataError(
        `${at}.inferred_type is ${JSON.stringify(type)}; expected Integral, Fractional, String or Unknown; ${FIX}`,
      );
    }
    const f: FeatureConstraint = { name, type: type as FeatureConstraint['type'], evaluate: true };
    if (raw.completeness !== undefined) {
      const c = optNumber(raw.completeness, `${at}.completeness`, 1);
      if (c < 0 || c > 1)
        throw new MonitorDataError(`${at}.completeness is ${c}; expected a fraction in [0, 1]; ${FIX}`);
      f.completeness = c;
    }
    if (isObj(raw.num_constraints) && typeof raw.num_constraints.is_non_negative === 'boolean') {
      f.isNonNegative = raw.num_constraints.is_non_negative;
    }
    if (isObj(raw.string_constraints) && raw.string_constraints.domains !== undefined) {
      const d = raw.string_constraints.domains;
      if (!Array.isArray(d) || d.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
        throw new MonitorDataError(`${at}.string_constraints.domains must be an array of strings; ${FIX}`);
      }
      f.domains = d.map(String);
    }
    const ov = overridesOf(raw);
    if (ov) {
      f.evaluate = flag(ov.evaluate_constraints, `${at} overrides.evaluate_constraints`, true);
      if (ov.comparison_threshold !== undefined)
        f.comparisonThreshold = optNumber(
          ov.comparison_threshold,
          `${at} overrides.comparison_threshold`,
          0.1,
        );
    }
    return f;
  });
  const mc = isObj(doc.monitoring_config) ? doc.monitoring_config : {};
  const w = `${source}: monitoring_config`;
  const dc = isObj(mc.distribution_constraints) ? mc.distribution_constraints : {};
  const dw = `${w}.distribution_constraints`;
  const method = dc.comparison_method ?? dc.comparion_method ?? 'Robust'; // an older AWS page misspelt it
  if (method !== 'Simple' && method !== 'Robust') {
    throw new MonitorDataError(
      `${dw}.comparison_method is ${JSON.stringify(method)}; expected "Simple" or "Robust"; ${FIX}`,
    );
  }
  const catMethod = dc.categorical_drift_method ?? 'LInfinity';
  if (catMethod !== 'LInfinity' && catMethod !== 'ChiSquared') {
    throw new MonitorDataError(
      `${dw}.categorical_drift_method is ${JSON.stringify(catMethod)}; expected "LInfinity" or "ChiSquared"; ${FIX}`,
    );
  }
  const config: MonitoringConfig = {
    evaluateConstraints: flag(mc.evaluate_constraints, `${w}.evaluate_constraints`, true),
    emitMetrics: flag(mc.emit_metrics, `${w}.emit_metrics`, true),
    datatypeCheckThreshold: optNumber(mc.datatype_check_threshold, `${w}.datatype_check_threshold`, 0.1),
    domainContentThreshold: optNumber(mc.domain_content_threshold, `${w}.domain_content_threshold`, 0.1),
    performComparison: flag(dc.perform_comparison ?? dc.enable_comparisons, `${dw}.perform_comparison`, true),
    comparisonThreshold: optNumber(dc.comparison_threshold, `${dw}.comparison_threshold`, 0.1),
    comparisonMethod: method,
    categoricalComparisonThreshold: optNumber(
      dc.categorical_comparison_threshold,
      `${dw}.categorical_comparison_threshold`,
      0.1,
    ),
    categoricalDriftMethod: catMethod,
  };
  return { features, config };
}
