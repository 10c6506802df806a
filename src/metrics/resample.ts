/**
 * Seeded randomness and resampling: the model-quality monitor's standard deviations (metric over
 * 5 random 80% subsamples, only with >= 200 rows) and bootstrap weights. Deterministic per seed.
 */
/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { imul, floor } = Math;

/** A seeded generator of uniform doubles in [0, 1) with 53 random bits (two mulberry32 draws). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  const next32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

export const STD_MIN_ROWS = 200;
export const STD_RESAMPLES = 5;
export const STD_FRACTION = 0.8;
export const DEFAULT_SEED = 20240607;

/**
 * `resamples` (<= 8) subsamples packed as bits: bit r of mask[i] is set when row i is in subsample
 * r. Each subsample has exactly floor(fraction * n) rows, drawn uniformly without replacement:
 * Floyd's algorithm picks the excluded rows (one draw each, from a mulberry32 stream seeded from
 * rng; index = floor(u32 * (j + 1) / 2^32)).
 */
export function subsampleMasks(
  n: number,
  resamples: number,
  fraction: number,
  rng: () => number,
): Uint8Array {
  if (resamples < 1 || resamples > 8) throw new RangeError('1..8 resamples fit in a byte mask');
  const mask = new Uint8Array(n).fill((1 << resamples) - 1);
  const exclude = n - floor(fraction * n);
  let a = floor(rng() * 4294967296) >>> 0;
  for (let r = 0; r < resamples; r++) {
    const bit = 1 << r;
    const clear = ~bit;
    for (let j = n - exclude; j < n; j++) {
      a = (a + 0x6d2b79f5) | 0;
      let t = a;
      t = imul(t ^ (t >>> 15), t | 1);
      t ^= t + imul(t ^ (t >>> 7), t | 61);
      const pick = floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (j + 1));
      // Exclude pick if still included, else j; branch-free (the branch is hard to predict).
      const at = j + ((mask[pick]! >> r) & 1) * (pick - j);
      mask[at]! &= clear;
    }
  }
  return mask;
}

/** The 0/1 weights of subsample r from packed masks. */
export function unpackMask(packed: Uint8Array, r: number, out = new Uint8Array(packed.length)): Uint8Array {
  for (let i = 0; i < packed.length; i++) out[i] = (packed[i]! >> r) & 1;
  return out;
}

/** Bootstrap counts: n draws with replacement (a mulberry32 stream seeded from rng; index = floor(u32 * n / 2^32)). */
export function bootstrapCounts(n: number, rng: () => number, out?: Uint32Array): Uint32Array {
  const counts = out ?? new Uint32Array(n);
  counts.fill(0);
  let a = floor(rng() * 4294967296) >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    counts[floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]!++;
  }
  return counts;
}

/** Population standard deviation (numpy's default ddof=0); 'NaN' when any value is not finite. */
export function standardDeviation(values: number[]): number | 'NaN' {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return 'NaN';
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const v = values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length;
  return Math.sqrt(v);
}

/**
 * Standard deviation of every metric over STD_RESAMPLES subsamples of STD_FRACTION of the rows, as
 * the model-quality monitor reports it; 'NaN' for every metric below STD_MIN_ROWS rows.
 * computeAll(packed, R) returns the metrics of each of the R subsamples (see subsampleMasks).
 */
export function resampledStd(
  n: number,
  names: string[],
  computeAll: (packed: Uint8Array, resamples: number) => Record<string, number>[],
  seed: number,
): Record<string, number | 'NaN'> {
  const out: Record<string, number | 'NaN'> = {};
  if (n < STD_MIN_ROWS) {
    for (const name of names) out[name] = 'NaN';
    return out;
  }
  return stdOfSamples(names, computeAll(monitorMasks(n, seed), STD_RESAMPLES));
}

/** The packed subsample masks of the monitor's resampling (STD_RESAMPLES of STD_FRACTION) for a seed. */
export function monitorMasks(n: number, seed: number): Uint8Array {
  return subsampleMasks(n, STD_RESAMPLES, STD_FRACTION, createRng(seed));
}

/** Standard deviation of each named metric over the samples' values. */
export function stdOfSamples(
  names: string[],
  samples: Record<string, number>[],
): Record<string, number | 'NaN'> {
  const out: Record<string, number | 'NaN'> = {};
  for (const name of names) out[name] = standardDeviation(samples.map((s) => s[name] ?? NaN));
  return out;
}

/** Adapts a per-subsample metric function (0/1 weights) to resampledStd's packed form. */
export function eachSubsample(
  compute: (weights: Uint8Array) => Record<string, number>,
): (packed: Uint8Array, resamples: number) => Record<string, number>[] {
  return (packed, resamples) => {
    const w = new Uint8Array(packed.length);
    return Array.from({ length: resamples }, (_, r) => compute(unpackMask(packed, r, w)));
  };
}
