/**
 * statistics.json in Model Monitor's format (sagemaker.md §7): writing it from feature profiles,
 * and reading it back (ours, or one written by a Model Monitor baselining or monitoring job).
 */
import { KllSketch } from '../stats/kll.js';
import { bucketCounts, equalWidthEdges } from '../stats/distance.js';
import { MonitorDataError } from './errors.js';
import { arr, isObj, num, obj, parseJsonText, str, type Obj } from './json-util.js';
import { FeatureProfile, inferType, type InferredType } from './profile.js';

/** Model Monitor materialises the KLL distribution in 10 buckets (not configurable). */
export const KLL_BUCKETS = 10;

export interface Bucket {
  lower_bound: number;
  upper_bound: number;
  count: number;
}

export interface NumericFeatureStats {
  name: string;
  type: 'Integral' | 'Fractional';
  present: number;
  missing: number;
  mean: number;
  sum: number;
  stdDev: number;
  min: number;
  max: number;
  buckets: Bucket[];
  sketch: KllSketch;
}

export interface StringFeatureStats {
  name: string;
  type: 'String' | 'Unknown';
  present: number;
  missing: number;
  distinctCount: number;
  /** null when there were too many distinct values to keep */
  categories: Map<string, number> | null;
}

export type FeatureStats = NumericFeatureStats | StringFeatureStats;

export interface DatasetStatistics {
  itemCount: number;
  features: FeatureStats[];
}

export function isNumeric(f: FeatureStats): f is NumericFeatureStats {
  return f.type === 'Integral' || f.type === 'Fractional';
}

/** Buckets as Model Monitor draws them: 10 equal-width from min to max, last one closed. */
export function kllBuckets(sketch: KllSketch, min: number, max: number): Bucket[] {
  const edges = equalWidthEdges(min, max, KLL_BUCKETS);
  const counts = bucketCounts(sketch, edges);
  return counts.map((count, i) => ({ lower_bound: edges[i]!, upper_bound: edges[i + 1]!, count }));
}

/** Statistics of a scanned dataset: `itemCount` rows, one profile per feature name. */
export function statisticsFromProfiles(
  names: string[],
  profiles: FeatureProfile[],
  itemCount: number,
): DatasetStatistics {
  const features = names.map((name, i): FeatureStats => {
    const p = profiles[i] ?? new FeatureProfile();
    const type: InferredType = inferType(p.types);
    if (type === 'Integral' || type === 'Fractional') {
      return {
        name,
        type,
        present: p.n,
        missing: itemCount - p.n,
        mean: p.mean,
        sum: p.sum,
        stdDev: p.n > 0 ? Math.sqrt(Math.max(0, p.m2 / p.n)) : 0,
        min: p.min,
        max: p.max,
        buckets: kllBuckets(p.kll, p.min, p.max),
        sketch: p.kll,
      };
    }
    const present = p.types[1]! + p.types[2]! + p.types[3]! + p.types[4]!;
    let categories: Map<string, number> | null = null;
    if (p.categories !== null && p.numericCategories !== null) {
      categories = new Map(p.categories);
      for (const [v, c] of p.numericCategories)
        categories.set(String(v), (categories.get(String(v)) ?? 0) + c);
    }
    return {
      name,
      type,
      present,
      missing: itemCount - present,
      distinctCount: categories ? categories.size : (p.categories?.size ?? 0),
      categories,
    };
  });
  return { itemCount, features };
}

/** The statistics.json document. */
export function statisticsJson(stats: DatasetStatistics): Obj {
  return {
    version: 0.0,
    dataset: { item_count: stats.itemCount },
    features: stats.features.map((f) => {
      if (isNumeric(f)) {
        return {
          name: f.name,
          inferred_type: f.type,
          numerical_statistics: {
            common: { num_present: f.present, num_missing: f.missing },
            mean: f.mean,
            sum: f.sum,
            std_dev: f.stdDev,
            min: f.min,
            max: f.max,
            distribution: { kll: { buckets: f.buckets, sketch: f.sketch.toJSON() } },
          },
        };
      }
      const s: Obj = {
        common: { num_present: f.present, num_missing: f.missing },
        distinct_count: f.distinctCount,
      };
      if (f.categories) {
        s.distribution = {
          categorical: {
            buckets: [...f.categories]
              .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
              .map(([value, count]) => ({ value, count })),
          },
        };
      }
      return { name: f.name, inferred_type: f.type, string_statistics: s };
    }),
  };
}

const FIX =
  'fix: use a statistics.json written by monitor-gate (mode: baseline) or by a Model Monitor baselining job';

/** Reads statistics.json (object or text). Lenient only where Model Monitor itself varies (version 0 vs 0.0, no distribution). */
export function parseStatistics(input: unknown, source: string): DatasetStatistics {
  const doc = typeof input === 'string' || Buffer.isBuffer(input) ? parseJsonText(input, source, FIX) : input;
  if (!isObj(doc)) throw new MonitorDataError(`${source}: statistics is not a JSON object; ${FIX}`);
  const dataset = obj(doc, 'dataset', source, FIX);
  const itemCount = num(dataset, 'item_count', `${source}: dataset`, FIX)!;
  const features = arr(doc, 'features', source, FIX).map((raw, i): FeatureStats => {
    const where = `${source}: features[${i}]`;
    if (!isObj(raw)) throw new MonitorDataError(`${where} is not an object; ${FIX}`);
    const name = str(raw, 'name', where, FIX);
    const type = str(raw, 'inferred_type', where, FIX);
    const at = `${source}: feature ${JSON.stringify(name)}`;
    if (type === 'Integral' || type === 'Fractional') {
      const ns = obj(raw, 'numerical_statistics', at, FIX);
      const common = obj(ns, 'common', `${at}.numerical_statistics`, FIX);
      const w = `${at}.numerical_statistics`;
      const dist = isObj(ns.distribution) ? ns.distribution : undefined;
      const kll = dist && isObj(dist.kll) ? dist.kll : undefined;
      if (!kll || !isObj(kll.sketch)) {
        throw new MonitorDataError(
          `${w}.distribution.kll.sketch is missing: the drift distance Model Monitor uses needs the KLL sketch; ${FIX}`,
        );
      }
      const sketch = KllSketch.fromJSON(kll.sketch, `${w}.distribution.kll.sketch`);
      const buckets = Array.isArray(kll.buckets)
        ? kll.buckets.map((b, j) => {
            if (!isObj(b))
              throw new MonitorDataError(`${w}.distribution.kll.buckets[${j}] is not an object; ${FIX}`);
            const bw = `${w}.distribution.kll.buckets[${j}]`;
            return {
              lower_bound: num(b, 'lower_bound', bw, FIX)!,
              upper_bound: num(b, 'upper_bound', bw, FIX)!,
              count: num(b, 'count', bw, FIX)!,
            };
          })
        : [];
      return {
        name,
        type,
        present: num(common, 'num_present', `${w}.common`, FIX)!,
        missing: num(common, 'num_missing', `${w}.common`, FIX)!,
        mean: num(ns, 'mean', w, FIX)!,
        sum: num(ns, 'sum', w, FIX)!,
        stdDev: num(ns, 'std_dev', w, FIX)!,
        min: num(ns, 'min', w, FIX)!,
        max: num(ns, 'max', w, FIX)!,
        buckets,
        sketch,
      };
    }
    if (type === 'String' || type === 'Unknown') {
      const ss = isObj(raw.string_statistics) ? raw.string_statistics : undefined;
      if (!ss) {
        if (type === 'Unknown')
          return { name, type, present: 0, missing: itemCount, distinctCount: 0, categories: null };
        throw new MonitorDataError(`${at}.string_statistics is missing; ${FIX}`);
      }
      const w = `${at}.string_statistics`;
      const common = obj(ss, 'common', w, FIX);
      let categories: Map<string, number> | null = null;
      const d =
        isObj(ss.distribution) && isObj(ss.distribution.categorical)
          ? ss.distribution.categorical
          : undefined;
      if (d && Array.isArray(d.buckets)) {
        categories = new Map();
        d.buckets.forEach((b, j) => {
          const bw = `${w}.distribution.categorical.buckets[${j}]`;
          if (!isObj(b)) throw new MonitorDataError(`${bw} is not an object; ${FIX}`);
          const value = typeof b.value === 'number' ? String(b.value) : str(b, 'value', bw, FIX);
          categories!.set(value, num(b, 'count', bw, FIX)!);
        });
      }
      return {
        name,
        type,
        present: num(common, 'num_present', `${w}.common`, FIX)!,
        missing: num(common, 'num_missing', `${w}.common`, FIX)!,
        distinctCount: num(ss, 'distinct_count', w, FIX, true) ?? categories?.size ?? 0,
        categories,
      };
    }
    throw new MonitorDataError(
      `${at}.inferred_type is ${JSON.stringify(type)}; expected Integral, Fractional, String or Unknown; ${FIX}`,
    );
  });
  return { itemCount, features };
}
