/** CloudWatch statistics over datapoints (raw values and statistic sets). Pure. */
export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
type Statistic = (typeof STATISTICS)[number];

interface Points {
  values: number[];
  stats?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
}

export interface Aggregate {
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
  Average: number;
  values: number[];
}

/** Aggregates datapoints (raw values and pre-aggregated statistic sets). Pure. */
export function aggregate(points: Points[]): Aggregate {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const values: number[] = [];
  for (const p of points) {
    for (const v of p.values) {
      count += 1;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      values.push(v);
    }
    if (p.stats) {
      count += p.stats.SampleCount;
      sum += p.stats.Sum;
      min = Math.min(min, p.stats.Minimum);
      max = Math.max(max, p.stats.Maximum);
    }
  }
  return {
    SampleCount: count,
    Sum: sum,
    Minimum: min,
    Maximum: max,
    Average: count ? sum / count : 0,
    values,
  };
}

/** Value of a statistic name (Average, Sum, ..., or pNN percentile over raw values). */
export function statisticValue(agg: Aggregate, stat: string): number | undefined {
  if ((STATISTICS as readonly string[]).includes(stat)) return agg[stat as Statistic];
  const m = /^p(\d{1,2}(?:\.\d+)?|100)$/.exec(stat);
  if (!m || agg.values.length === 0) return undefined;
  const sorted = [...agg.values].sort((a, b) => a - b);
  const rank = Math.ceil((Number(m[1]) / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
