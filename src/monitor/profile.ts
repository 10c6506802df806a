/**
 * Per-feature accumulators for statistics.json: Model Monitor's type counts, completeness,
 * mean/sum/std_dev/min/max (moments of batches of up to 64 numbers, merged with Chan's formula), a
 * KLL sketch, and category counts. Mergeable, and transferable between worker threads as plain data.
 */
import { KllSketch, type KllState } from '../stats/kll.js';
import {
  classifyField,
  fieldValue,
  T_BOOLEAN,
  T_FRACTIONAL,
  T_INTEGRAL,
  T_NULL,
  T_STRING,
} from './classify.js';

/** Distinct categories kept per feature; beyond this the feature has no domain (too many values). */
export const MAX_CATEGORIES = 10_000;
/** Distinct numeric values kept for the categorical view of a mixed (String) feature. */
const MAX_NUMERIC_CATEGORIES = 1_000;
/** Numbers a profile holds back before it adds them to its statistics (see FeatureProfile.flush). */
const PENDING = 64;

export interface ProfileData {
  types: number[];
  n: number;
  mean: number;
  m2: number;
  sum: number;
  min: number;
  max: number;
  kll: KllState;
  categories: [string, number][] | null;
  numericCategories: [number, number][] | null;
}

/**
 * Five zero counts in an array of its own (a literal [0, 0, 0, 0, 0] would share its storage with
 * the literal until the first write copies it, and the optimized code that counts, made for
 * arrays already copied, deoptimizes at every new profile's first field).
 */
function typeCounts(): number[] {
  const counts: number[] = [];
  for (let t = 0; t < 5; t++) counts.push(0);
  return counts;
}

export class FeatureProfile {
  // The statistics, read through the getters below (which add the pending numbers first).
  private readonly _types = typeCounts();
  private _n = 0;
  private _mean = 0;
  private _m2 = 0;
  private _sum = 0;
  private _min = Infinity;
  private _max = -Infinity;
  private _kll: KllSketch;
  categories: Map<string, number> | null = new Map();
  private _numericCategories: Map<number, number> | null = new Map();
  /** recently seen category bytes and their text, so repeated values are not decoded again */
  private readonly recent = new RecentTexts();
  /**
   * Numbers not yet in the statistics above (see flush): added a batch at a time, their moments
   * and sketch updates run in one tight loop rather than field by field per value.
   */
  private readonly pending = new Float64Array(PENDING);
  private pendingCount = 0;
  private pendingFractional = 0;

  constructor(kll?: KllSketch) {
    this._kll = kll ?? new KllSketch();
  }

  /** Counts by T_NULL, T_FRACTIONAL, T_INTEGRAL, T_BOOLEAN, T_STRING. */
  get types(): readonly number[] {
    this.flush();
    return this._types;
  }
  /** Numbers seen (Fractional and Integral values). */
  get n(): number {
    this.flush();
    return this._n;
  }
  get mean(): number {
    this.flush();
    return this._mean;
  }
  /** Sum of squared deviations from the mean. */
  get m2(): number {
    this.flush();
    return this._m2;
  }
  get sum(): number {
    this.flush();
    return this._sum;
  }
  get min(): number {
    this.flush();
    return this._min;
  }
  get max(): number {
    this.flush();
    return this._max;
  }
  get kll(): KllSketch {
    this.flush();
    return this._kll;
  }
  /** Numbers counted as categories (a mixed feature's), or null once there are too many. */
  get numericCategories(): ReadonlyMap<number, number> | null {
    this.flush();
    return this._numericCategories;
  }

  /** Adds one field buf[s, e) (no surrounding quotes). */
  addField(buf: Uint8Array, s: number, e: number): void {
    const t = classifyField(buf, s, e);
    if (t === T_FRACTIONAL || t === T_INTEGRAL) this.addClassified(t, fieldValue[0]!);
    else {
      // a string changes how later numbers count (see flush): the numbers before it go in first
      if (t !== T_NULL) this.flush();
      this._types[t]!++;
      if (t === T_STRING || t === T_BOOLEAN) this.addCategory(this.recent.text(buf, s, e));
    }
  }

  /** Adds a number classified T_FRACTIONAL or T_INTEGRAL (pending until the next flush). */
  addClassified(t: number, v: number): void {
    const k = this.pendingCount;
    this.pending[k] = v;
    this.pendingFractional += t === T_FRACTIONAL ? 1 : 0;
    this.pendingCount = k + 1;
    if (k + 1 === PENDING) this.flush();
  }

  /**
   * Moves the pending numbers into the statistics, in the order they came: the type counts, the
   * moments (the batch's sum and squared deviations from its own mean, merged with Chan's formula),
   * min/max, the sketch, and the categorical view. Every read of the statistics calls it first
   * (the getters, merge, toData, total).
   */
  flush(): void {
    const m = this.pendingCount;
    if (m === 0) return;
    const vals = this.pending;
    const frac = this.pendingFractional;
    this.pendingCount = 0;
    this.pendingFractional = 0;
    this._types[T_FRACTIONAL]! += frac;
    this._types[T_INTEGRAL]! += m - frac;
    let sum = 0;
    let min = this._min;
    let max = this._max;
    for (let i = 0; i < m; i++) {
      const v = vals[i]!;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / m;
    let m2 = 0;
    for (let i = 0; i < m; i++) {
      const d = vals[i]! - mean;
      m2 += d * d;
    }
    this.mergeMoments(m, mean, m2);
    this._sum += sum;
    this._min = min;
    this._max = max;
    this._kll.updateMany(vals, m);
    // Numbers enter the categorical view only once the feature has shown a string (a mixed
    // feature is inferred String); this keeps low-cardinality numeric features off the Map.
    if (this._numericCategories !== null && this._types[T_STRING]! + this._types[T_BOOLEAN]! > 0)
      for (let i = 0; i < m; i++) this.addNumericCategory(vals[i]!);
  }

  /** Chan's parallel update of n, mean and m2 with another set's (count, mean, squared deviations). */
  private mergeMoments(n2: number, mean2: number, m22: number): void {
    const n1 = this._n;
    const n = n1 + n2;
    // w is exactly 1 when this profile had no numbers: the other's mean and m2 are taken as they are
    const w = n2 / n;
    const d = mean2 - this._mean;
    this._mean += d * w;
    this._m2 += m22 + d * d * n1 * w;
    this._n = n;
  }

  private addNumericCategory(v: number): void {
    const nc = this._numericCategories;
    // stored only when it changes (to null), as in merge
    if (nc !== null && countIn(nc, v, MAX_NUMERIC_CATEGORIES) === null) this._numericCategories = null;
  }

  /** Adds a value that arrived as text (quoted CSV field, JSON string). */
  addText(text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.addField(b, 0, b.length);
  }

  addNull(): void {
    this._types[T_NULL]!++;
  }

  /** Adds a number that arrived typed (JSON number): Integral when it is a whole number. */
  addTypedNumber(v: number): void {
    this.addClassified(Number.isInteger(v) ? T_INTEGRAL : T_FRACTIONAL, v);
  }

  addCategory(value: string): void {
    const c = this.categories;
    if (c !== null && countIn(c, value, MAX_CATEGORIES) === null) this.categories = null;
  }

  get total(): number {
    this.flush();
    return this._types[0]! + this._types[1]! + this._types[2]! + this._types[3]! + this._types[4]!;
  }

  merge(o: FeatureProfile): this {
    this.flush();
    o.flush();
    for (let t = 0; t < 5; t++) this._types[t]! += o._types[t]!;
    if (o._n > 0) {
      this.mergeMoments(o._n, o._mean, o._m2);
      this._sum += o._sum;
      this._min = Math.min(this._min, o._min);
      this._max = Math.max(this._max, o._max);
      this._kll.merge(o._kll);
    }
    // stored only when they change (to null): see fromData
    const categories = mergeCounts(this.categories, o.categories, MAX_CATEGORIES);
    if (categories !== this.categories) this.categories = categories;
    const numeric = mergeCounts(this._numericCategories, o._numericCategories, MAX_NUMERIC_CATEGORIES);
    if (numeric !== this._numericCategories) this._numericCategories = numeric;
    return this;
  }

  /** As plain data; with `mergeHint`, the sketch's merge hint too (see KllState.sorted0). */
  toData(mergeHint = false): ProfileData {
    this.flush();
    return {
      types: [...this._types],
      n: this._n,
      mean: this._mean,
      m2: this._m2,
      sum: this._sum,
      min: this._min,
      max: this._max,
      kll: this._kll.toState(mergeHint),
      categories: this.categories && [...this.categories],
      numericCategories: this._numericCategories && [...this._numericCategories],
    };
  }

  static fromData(d: ProfileData): FeatureProfile {
    const p = new FeatureProfile(KllSketch.fromState(d.kll));
    for (let t = 0; t < 5; t++) p._types[t] = d.types[t]!;
    p._n = d.n;
    p._mean = d.mean;
    p._m2 = d.m2;
    p._sum = d.sum;
    p._min = d.min ?? Infinity;
    p._max = d.max ?? -Infinity;
    // Into the maps the profile starts with, unless there are none: replacing them would make the
    // fields variable for V8, throwing away the optimized code that adds values to them.
    if (d.categories === null) p.categories = null;
    else for (const [k, n] of d.categories) p.categories!.set(k, n);
    if (d.numericCategories === null) p._numericCategories = null;
    else for (const [k, n] of d.numericCategories) p._numericCategories!.set(k, n);
    return p;
  }
}

/**
 * The UTF-8 text of byte ranges, remembering the last few distinct ones: a categorical feature
 * repeats a handful of values, and comparing a few bytes is cheaper than decoding them. The same
 * bytes always give the same text, so counts are unchanged.
 */
class RecentTexts {
  private static readonly SIZE = 16;
  private readonly keys: Uint8Array[] = [];
  private readonly texts: string[] = [];
  private next = 0;

  text(buf: Uint8Array, s: number, e: number): string {
    const n = e - s;
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key.length !== n) continue;
      let i = 0;
      while (i < n && key[i] === buf[s + i]) i++;
      if (i === n) return this.texts[k]!;
    }
    const text = Buffer.from(buf.buffer, buf.byteOffset + s, n).toString('utf8');
    if (n <= 64) {
      const slot = this.next;
      this.next = (slot + 1) % RecentTexts.SIZE;
      keys[slot] = Uint8Array.prototype.slice.call(buf, s, e); // a copy (Buffer#slice is a view)
      this.texts[slot] = text;
    }
    return text;
  }
}

/** Counts `key` in `m`; null once `m` holds more than `cap` keys (the view is given up). */
function countIn<K>(m: Map<K, number>, key: K, cap: number): Map<K, number> | null {
  m.set(key, (m.get(key) ?? 0) + 1);
  return m.size > cap ? null : m;
}

function mergeCounts<K>(
  a: Map<K, number> | null,
  b: Map<K, number> | null,
  cap: number,
): Map<K, number> | null {
  if (a === null || b === null) return null;
  for (const [k, v] of b) a.set(k, (a.get(k) ?? 0) + v);
  return a.size > cap ? null : a;
}

export type InferredType = 'Integral' | 'Fractional' | 'String' | 'Unknown';

/** Model Monitor's decision from the type counts (Deequ DataTypeHistogram.determineType, Boolean as String). */
export function inferType(types: readonly number[]): InferredType {
  const nonNull = types[1]! + types[2]! + types[3]! + types[4]!;
  if (nonNull === 0) return 'Unknown';
  if (types[T_STRING]! > 0 || types[T_BOOLEAN]! > 0) return 'String';
  if (types[T_FRACTIONAL]! > 0) return 'Fractional';
  return 'Integral';
}
