/**
 * Per-feature accumulators for statistics.json: Model Monitor's type counts, completeness,
 * mean/sum/std_dev/min/max (Welford, merged with Chan's formula), a KLL sketch, and category
 * counts. Mergeable, and transferable between worker threads as plain data.
 */
import { KllSketch, type KllState } from '../stats/kll.js';

/*
 * Type of one CSV field as Model Monitor infers it, from bytes. Model Monitor's analyzers
 * (awslabs/deequ StatefulDataType) classify each non-null value by regular expressions:
 * Fractional `^(-|\+)? ?\d*\.\d*$`, Integral `^(-|\+)? ?\d*$`, Boolean `^(true|false)$`, else
 * String; an empty CSV field is null. Two deliberate differences, both documented in the README:
 * a value the regex calls numeric but that holds no digit ("." or "-") counts as String, and
 * Boolean (which Model Monitor's statistics never report) is folded into String.
 */
export const T_NULL = 0;
export const T_FRACTIONAL = 1;
export const T_INTEGRAL = 2;
export const T_BOOLEAN = 3;
export const T_STRING = 4;

export const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/** [0]: the numeric value of the last field classified Fractional or Integral (an out slot, not a live binding: bundlers turn those into getters on the hot path). */
export const fieldValue = new Float64Array(1);

/** Classifies buf[s, e) and, for numbers, leaves the value in `fieldValue[0]`. */
export function classifyField(buf: Uint8Array, s: number, e: number): number {
  if (s === e) return T_NULL;
  let i = s;
  let c = buf[i]!;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    if (++i === e) return T_STRING;
    c = buf[i]!;
  }
  if (c === 32) {
    if (++i === e) return T_STRING; // matches Integral's regex but holds no number
    c = buf[i]!;
  }
  const from = i;
  let m = 0;
  while (i < e && (c = buf[i]!) >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    i++;
  }
  let digits = i - from;
  let exp = 0;
  let fractional = false;
  if (i < e && buf[i] === 46) {
    fractional = true;
    i++;
    const f = i;
    while (i < e && (c = buf[i]!) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      i++;
    }
    exp = f - i;
    digits += i - f;
  }
  if (i !== e) {
    if (e - s === 4 && buf[s] === 116 && buf[s + 1] === 114 && buf[s + 2] === 117 && buf[s + 3] === 101)
      return T_BOOLEAN;
    if (
      e - s === 5 &&
      buf[s] === 102 &&
      buf[s + 1] === 97 &&
      buf[s + 2] === 108 &&
      buf[s + 3] === 115 &&
      buf[s + 4] === 101
    )
      return T_BOOLEAN;
    return T_STRING;
  }
  if (digits === 0) return T_STRING;
  let v: number;
  if (m <= 9007199254740991 && -exp <= 22) v = exp === 0 ? m : m / POW10[-exp]!;
  else v = Number(Buffer.from(buf.buffer, buf.byteOffset + from, e - from).toString('latin1'));
  fieldValue[0] = neg ? -v : v;
  return fractional ? T_FRACTIONAL : T_INTEGRAL;
}

/** Distinct categories kept per feature; beyond this the feature has no domain (too many values). */
export const MAX_CATEGORIES = 10_000;
/** Distinct numeric values kept for the categorical view of a mixed (String) feature. */
const MAX_NUMERIC_CATEGORIES = 1_000;

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
  /** Counts by T_NULL, T_FRACTIONAL, T_INTEGRAL, T_BOOLEAN, T_STRING. */
  readonly types = typeCounts();
  n = 0;
  mean = 0;
  m2 = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  kll: KllSketch;
  categories: Map<string, number> | null = new Map();
  numericCategories: Map<number, number> | null = new Map();
  /** recently seen category bytes and their text, so repeated values are not decoded again */
  private readonly recent = new RecentTexts();

  constructor(kll?: KllSketch) {
    this.kll = kll ?? new KllSketch();
  }

  /** Adds one field buf[s, e) (no surrounding quotes). */
  addField(buf: Uint8Array, s: number, e: number): void {
    const t = classifyField(buf, s, e);
    this.types[t]!++;
    if (t === T_FRACTIONAL || t === T_INTEGRAL) this.addNumber(fieldValue[0]!);
    else if (t === T_STRING || t === T_BOOLEAN) this.addCategory(this.recent.text(buf, s, e));
  }

  /** Adds a field already classified (T_FRACTIONAL or T_INTEGRAL) with its value. */
  addClassified(t: number, v: number): void {
    this.types[t]!++;
    this.addNumber(v);
  }

  /** Adds a value that arrived as text (quoted CSV field, JSON string). */
  addText(text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.addField(b, 0, b.length);
  }

  addNull(): void {
    this.types[T_NULL]!++;
  }

  /** Adds a number that arrived typed (JSON number): Integral when it is a whole number. */
  addTypedNumber(v: number): void {
    this.types[Number.isInteger(v) ? T_INTEGRAL : T_FRACTIONAL]!++;
    this.addNumber(v);
  }

  addNumber(v: number): void {
    const n = ++this.n;
    const d = v - this.mean;
    this.mean += d / n;
    this.m2 += d * (v - this.mean);
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    this.kll.update(v);
    // Numbers enter the categorical view only once the feature has shown a string (a mixed
    // feature is inferred String); this keeps low-cardinality numeric features off the Map.
    const nc = this.numericCategories;
    if (nc !== null && this.types[T_STRING]! + this.types[T_BOOLEAN]! > 0) {
      nc.set(v, (nc.get(v) ?? 0) + 1);
      if (nc.size > MAX_NUMERIC_CATEGORIES) this.numericCategories = null;
    }
  }

  addCategory(value: string): void {
    const c = this.categories;
    if (c === null) return;
    c.set(value, (c.get(value) ?? 0) + 1);
    if (c.size > MAX_CATEGORIES) this.categories = null;
  }

  get total(): number {
    return this.types[0]! + this.types[1]! + this.types[2]! + this.types[3]! + this.types[4]!;
  }

  merge(o: FeatureProfile): this {
    for (let t = 0; t < 5; t++) this.types[t]! += o.types[t]!;
    if (o.n > 0) {
      const n = this.n + o.n;
      const d = o.mean - this.mean;
      this.mean += (d * o.n) / n;
      this.m2 += o.m2 + (d * d * this.n * o.n) / n;
      this.n = n;
      this.sum += o.sum;
      this.min = Math.min(this.min, o.min);
      this.max = Math.max(this.max, o.max);
      this.kll.merge(o.kll);
    }
    // stored only when they change (to null): see fromData
    const categories = mergeCounts(this.categories, o.categories, MAX_CATEGORIES);
    if (categories !== this.categories) this.categories = categories;
    const numeric = mergeCounts(this.numericCategories, o.numericCategories, MAX_NUMERIC_CATEGORIES);
    if (numeric !== this.numericCategories) this.numericCategories = numeric;
    return this;
  }

  /** As plain data; with `mergeHint`, the sketch's merge hint too (see KllState.sorted0). */
  toData(mergeHint = false): ProfileData {
    return {
      types: [...this.types],
      n: this.n,
      mean: this.mean,
      m2: this.m2,
      sum: this.sum,
      min: this.min,
      max: this.max,
      kll: this.kll.toState(mergeHint),
      categories: this.categories && [...this.categories],
      numericCategories: this.numericCategories && [...this.numericCategories],
    };
  }

  static fromData(d: ProfileData): FeatureProfile {
    const p = new FeatureProfile(KllSketch.fromState(d.kll));
    for (let t = 0; t < 5; t++) p.types[t] = d.types[t]!;
    p.n = d.n;
    p.mean = d.mean;
    p.m2 = d.m2;
    p.sum = d.sum;
    p.min = d.min ?? Infinity;
    p.max = d.max ?? -Infinity;
    // Into the maps the profile starts with, unless there are none: replacing them would make the
    // fields variable for V8, throwing away the optimized code that adds values to them.
    if (d.categories === null) p.categories = null;
    else for (const [k, n] of d.categories) p.categories!.set(k, n);
    if (d.numericCategories === null) p.numericCategories = null;
    else for (const [k, n] of d.numericCategories) p.numericCategories!.set(k, n);
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
