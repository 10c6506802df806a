/**
 * The KLL quantile sketch in the layout Model Monitor writes into statistics.json
 * (`distribution.kll.sketch`: `parameters {c, k}` and `data`, one array of items per compactor level;
 * an item at level h stands for 2^h values). The compaction schedule follows the open-source
 * sketch Model Monitor's analyzers are built on (awslabs/deequ QuantileNonSample): level capacity
 * 2 * (ceil(k * c^h / 2) + 1), a condense step when the total item count exceeds the total capacity,
 * sorted pairwise compaction keeping every other item with an offset that alternates every second
 * compaction (deterministic, so a sketch is reproducible from its input order).
 *
 * Error bound: compacting a sorted even-length buffer at level h changes the rank of any query
 * by at most 2^h, so `rankErrorBound` (the sum of 2^h over every compaction performed, including
 * those of merged sketches) bounds |estimated rank - true rank| for every query, deterministically.
 * For a sketch read back from JSON the history is unknown; `fromJSON` uses the worst case for the
 * level sizes it sees (see there).
 */
import { StatsError } from './errors.js';
import { before, mergeSorted, sortPrefix } from './kll-sort.js';

export { sortPrefix };

/** Model Monitor's statistics show c = 0.64 and k = 2048 (Deequ's KLL defaults for Model Monitor). */
export const DEFAULT_K = 2048;
export const DEFAULT_C = 0.64;

export interface KllJson {
  parameters: { c: number; k: number };
  data: number[][];
}

/**
 * A sketch's whole state, compaction history included (for moving a sketch between worker threads:
 * typed arrays clone by copy, and the restored sketch continues exactly as the original would).
 */
export interface KllState {
  k: number;
  c: number;
  levels: Float64Array[];
  compressions: number[];
  offsets: number[];
  count: number;
  rankErrorBound: number;
  /**
   * A merge hint (toState(true)): level 0's items but the last, sorted. A sketch merged into
   * another sends them this way, so that when the merge compacts level 0 the receiver merges
   * sorted runs instead of sorting them (the result is the same; the sorting is done by the sender).
   */
  sorted0?: Float64Array;
}

const EMPTY = new Float64Array(0);

/**
 * An order-independent checksum of a[0, n)'s bits: their 32-bit words summed, plain or mixed.
 * (A module function: a closure made per call would start without type feedback each time, and
 * its hot loop would be compiled and thrown away again at every merge.)
 */
function bitSum(a: Float64Array, n: number, mixed: boolean): number {
  const w = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  let x = 0;
  if (mixed)
    for (let i = 0; i < w.length; i++)
      x = (x + Math.imul(w[i]! ^ (i & 1 ? 0x9e3779b9 : 0x85ebca6b), 0x27d4eb2f)) | 0;
  else for (let i = 0; i < w.length; i++) x = (x + w[i]!) | 0;
  return x;
}

/** A sketch's items in value order with cumulative weights (cum[i]: the weight of items 0..i). */
export interface KllCdf {
  values: Float64Array;
  cum: Float64Array;
  total: number;
}

/** The weight of the items below x (or at most x, with `inclusive`), by binary search. */
function weightBelow({ values, cum }: KllCdf, x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (inclusive ? v <= x : v < x) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : cum[lo - 1]!;
}

/** Another sketch's sorted level-0 items (see KllState.sorted0), merged at our level-0 offset `from`. */
interface MergeHint {
  sorted: Float64Array;
  from: number;
}

/**
 * Sorts level 0's first `len` of `items` items during a merge, from the other sketch's sorted
 * items (all but its last, which is in the prefix only when `len` is `items`): our own items
 * before them (usually one or none) are sorted alone and the two runs merged. False when the
 * hint does not fit the buffer (then the caller sorts). (A parameter, not a field: a field that
 * only merges set would change its kind under the optimized update code, which then deoptimizes.)
 */
function sortWithHint(buf: Float64Array, items: number, len: number, { sorted, from }: MergeHint): boolean {
  if (items - from - 1 !== sorted.length) return false;
  const ownCount = from + (len === items ? 1 : 0);
  const own = new Float64Array(ownCount);
  own.set(buf.subarray(0, from));
  if (len === items) own[from] = buf[items - 1]!;
  sortPrefix(own, ownCount);
  mergeSorted(own, sorted, buf);
  return true;
}

export class KllSketch {
  readonly k: number;
  readonly c: number;
  /** levels[h] holds items of weight 2^h; level 0 grows by appends. */
  private levels: Float64Array[] = [];
  private sizes: number[] = [];
  private compressions: number[] = [];
  private offsets: number[] = [];
  private itemCount = 0;
  private totalCapacity = 0;
  /** update() appends without further checks while itemCount is below this (<= totalCapacity). */
  private fastUntil = 0;
  /** cdf()'s answer; current while its total is the count (update moves the count; merge clears it). */
  private cdfCache: KllCdf | undefined;
  /** Values seen (the total weight). */
  count = 0;
  rankErrorBound = 0;
  /** The merge hint (see KllState.sorted0) and the count it was made at (any change moves the count). */
  private sorted0: Float64Array | undefined;
  private sorted0Count = -1;

  constructor(k = DEFAULT_K, c = DEFAULT_C) {
    if (!(Number.isInteger(k) && k >= 2) || !(c > 0 && c <= 1)) {
      throw new StatsError(`KLL parameters k=${k}, c=${c} are not valid; fix: k an integer >= 2, 0 < c <= 1`);
    }
    this.k = k;
    this.c = c;
    this.expand();
  }

  capacity(height: number): number {
    return 2 * (Math.ceil((this.k * Math.pow(this.c, height)) / 2) + 1);
  }

  /** Adds a level (with room for its capacity, unless `allocate` is false: fromState adopts arrays). */
  private expand(allocate = true): void {
    const h = this.levels.length;
    this.levels.push(allocate ? new Float64Array(Math.max(16, this.capacity(h) + 2)) : EMPTY);
    this.sizes.push(0);
    this.compressions.push(0);
    this.offsets.push(0);
    this.totalCapacity += this.capacity(h);
  }

  private append(h: number, v: number): void {
    let buf = this.levels[h]!;
    const n = this.sizes[h]!;
    if (n === buf.length) {
      const bigger = new Float64Array(Math.max(16, buf.length * 2));
      bigger.set(buf);
      this.levels[h] = buf = bigger;
    }
    buf[n] = v;
    this.sizes[h] = n + 1;
  }

  /** Adds one value (NaN is rejected: the caller counts missing values separately). */
  update(v: number): void {
    const buf0 = this.levels[0]!;
    const n = this.sizes[0]!;
    this.count++;
    if (n < buf0.length && this.itemCount < this.fastUntil) {
      buf0[n] = v;
      this.sizes[0] = n + 1;
      this.itemCount++;
    } else this.updateSlow(v);
  }

  /**
   * Adds values[0, m) in order: exactly what m calls of update() do, with the appends that need
   * no compaction done in one loop.
   */
  updateMany(values: Float64Array, m: number): void {
    let i = 0;
    while (i < m) {
      const buf0 = this.levels[0]!;
      const n = this.sizes[0]!;
      const room = Math.min(buf0.length - n, this.fastUntil - this.itemCount, m - i);
      if (room > 0) {
        for (let j = 0; j < room; j++) buf0[n + j] = values[i + j]!;
        this.sizes[0] = n + room;
        this.itemCount += room;
        this.count += room;
        i += room;
      } else {
        this.count++;
        this.updateSlow(values[i++]!);
      }
    }
  }

  /**
   * update() when level 0 is full or a condense is due. A new sketch's first update comes here
   * too (fastUntil starts at 0): the call then has type feedback before the JIT optimizes update()
   * and the code it is inlined into, which otherwise deoptimize at their first condense.
   */
  private updateSlow(v: number): void {
    this.append(0, v);
    if (++this.itemCount > this.totalCapacity) this.condense();
    this.fastUntil = this.totalCapacity; // only grows, so never above the capacity when read
  }

  private condense(hint?: MergeHint): void {
    for (let h = 0; h < this.levels.length; h++) {
      if (this.sizes[h]! >= this.capacity(h)) {
        if (h + 1 >= this.levels.length) this.expand();
        this.compact(h, hint);
        this.itemCount = this.sizes.reduce((a, b) => a + b, 0);
        return;
      }
    }
  }

  /** Sorts the even prefix of level h, moves every other item up, keeps an odd last item. */
  private compact(h: number, hint?: MergeHint): void {
    const items = this.sizes[h]!;
    const len = items - (items % 2);
    // every second compaction flips the offset (0 <-> 1); branch-free, so the JIT has no untaken path here
    this.offsets[h] = this.offsets[h]! ^ (this.compressions[h]! & 1);
    const buf = this.levels[h]!;
    if (h !== 0 || hint === undefined || !sortWithHint(buf, items, len, hint)) sortPrefix(buf, len);
    const up = h + 1;
    let dst = this.levels[up]!;
    let n = this.sizes[up]!;
    const moved = (len - this.offsets[h]! + 1) >> 1;
    if (n + moved > dst.length) {
      const bigger = new Float64Array(Math.max(dst.length * 2, n + moved));
      bigger.set(dst.subarray(0, n));
      this.levels[up] = dst = bigger;
    }
    for (let i = this.offsets[h]!; i < len; i += 2) dst[n++] = buf[i]!;
    this.sizes[up] = n;
    const tail = items % 2 === 1 ? buf[items - 1]! : undefined;
    this.sizes[h] = 0;
    if (tail !== undefined) buf[this.sizes[h]!++] = tail;
    this.compressions[h]!++;
    if (len > 0) this.rankErrorBound += Math.pow(2, h);
  }

  /** Merges another sketch into this one (same k and c); the other sketch is not changed. */
  merge(other: KllSketch): this {
    if (other.k !== this.k || other.c !== this.c) {
      throw new StatsError(
        `cannot merge KLL sketches with different parameters (k=${this.k}, c=${this.c} vs k=${other.k}, c=${other.c}); fix: build both with the same parameters`,
      );
    }
    this.cdfCache = undefined;
    while (this.levels.length < other.levels.length) this.expand();
    // Used by the first compaction only (whatever its level), as the items it describes move then.
    let hint: MergeHint | undefined =
      other.sorted0 !== undefined && other.sorted0Count === other.count && other.sizes[0]! > 0
        ? { sorted: other.sorted0, from: this.sizes[0]! }
        : undefined;
    for (let h = 0; h < other.levels.length; h++) {
      const add = other.sizes[h]!;
      if (add === 0) continue;
      const n = this.sizes[h]!;
      let buf = this.levels[h]!;
      if (n + add > buf.length) {
        const bigger = new Float64Array(Math.max(buf.length * 2, n + add));
        bigger.set(buf.subarray(0, n));
        this.levels[h] = buf = bigger;
      }
      buf.set(other.levels[h]!.subarray(0, add), n);
      this.sizes[h] = n + add;
    }
    this.count += other.count;
    this.rankErrorBound += other.rankErrorBound;
    this.itemCount = this.sizes.reduce((a, b) => a + b, 0);
    while (this.itemCount >= this.totalCapacity) {
      this.condense(hint);
      hint = undefined;
    }
    return this;
  }

  /** The whole state (copies), see KllState; with `hint`, the merge hint too. */
  toState(hint = false): KllState {
    const st: KllState = {
      k: this.k,
      c: this.c,
      levels: this.levels.map((buf, h) => buf.slice(0, this.sizes[h]!)),
      compressions: [...this.compressions],
      offsets: [...this.offsets],
      count: this.count,
      rankErrorBound: this.rankErrorBound,
    };
    if (hint && this.sizes[0]! > 1) {
      st.sorted0 = this.levels[0]!.slice(0, this.sizes[0]! - 1);
      sortPrefix(st.sorted0, st.sorted0.length);
    }
    return st;
  }

  /**
   * Whether `sorted0` is a valid merge hint for `level0` (its items but the last, in sorted order):
   * sorted, and the same values (order-independent checksums of their bits).
   */
  static isMergeHint(level0: Float64Array, sorted0: Float64Array): boolean {
    const n = Math.max(0, level0.length - 1);
    if (sorted0.length !== n) return false;
    for (let i = 1; i < n; i++) if (before(sorted0[i]!, sorted0[i - 1]!)) return false;
    return (
      bitSum(level0, n, false) === bitSum(sorted0, n, false) &&
      bitSum(level0, n, true) === bitSum(sorted0, n, true)
    );
  }

  /** A sketch from toState(), exactly as it was (takes ownership of the level arrays). */
  static fromState(st: KllState): KllSketch {
    const s = new KllSketch(st.k, st.c);
    while (s.levels.length < st.levels.length) s.expand(false);
    st.levels.forEach((lvl, h) => {
      // level 0 keeps its allocated room (it grows by appends); the others are adopted as they
      // are (a worker's arrays arrive as copies of their own) and grow when appended to
      if (h === 0 && lvl.length <= s.levels[0]!.length) s.levels[0]!.set(lvl);
      else s.levels[h] = lvl;
      s.sizes[h] = lvl.length;
      s.compressions[h] = st.compressions[h]!;
      s.offsets[h] = st.offsets[h]!;
    });
    s.count = st.count;
    s.rankErrorBound = st.rankErrorBound;
    s.itemCount = s.sizes.reduce((a, b) => a + b, 0);
    if (st.sorted0) {
      s.sorted0 = st.sorted0;
      s.sorted0Count = s.count;
    }
    return s;
  }

  /**
   * (value, weight) pairs sorted by value, in Float64Array.prototype.sort's order (-0 before +0).
   * Each level is sorted natively (a copy) and merged into the levels above it, from the top level
   * down: levels shrink going up, so most items are copied about three times rather than once per
   * level. Equal values from different levels may come in either order (the distribution reads
   * cumulative weights only where the value changes). Cheap before the JIT optimizes it: it runs
   * for every baseline feature while the scan starts.
   */
  weighted(): { values: Float64Array; weights: Float64Array } {
    let values = new Float64Array(0);
    let weights = new Float64Array(0);
    for (let h = this.levels.length - 1; h >= 0; h--) {
      const n = this.sizes[h]!;
      if (n === 0) continue;
      const lv = this.levels[h]!.slice(0, n).sort();
      const w = Math.pow(2, h);
      const m = values.length;
      if (m === 0) {
        values = lv;
        weights = new Float64Array(n).fill(w);
        continue;
      }
      const outV = new Float64Array(m + n);
      const outW = new Float64Array(m + n);
      let i = 0;
      let j = 0;
      let o = 0;
      let x = values[0]!;
      let y = lv[0]!;
      for (;;) {
        // y first only when strictly before x: y < x, or y is -0 and x is +0
        if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
          outV[o] = y;
          outW[o++] = w;
          if (++j === n) break;
          y = lv[j]!;
        } else {
          outV[o] = x;
          outW[o++] = weights[i]!;
          if (++i === m) break;
          x = values[i]!;
        }
      }
      if (j < n) {
        outV.set(lv.subarray(j), o);
        outW.fill(w, o);
      } else {
        outV.set(values.subarray(i), o);
        outW.set(weights.subarray(i), o);
      }
      values = outV;
      weights = outW;
    }
    return { values, weights };
  }

  /**
   * The items sorted by value with their cumulative weights: the distribution the sketch
   * estimates. Made once and kept until the sketch changes (the rank queries, the drift distance
   * and the histogram of one sketch all read it).
   */
  cdf(): KllCdf {
    if (this.cdfCache !== undefined && this.cdfCache.total === this.count) return this.cdfCache;
    const { values, weights } = this.weighted();
    const cum = new Float64Array(values.length);
    let c = 0;
    for (let i = 0; i < values.length; i++) cum[i] = c += weights[i]!;
    this.cdfCache = { values, cum, total: c };
    return this.cdfCache;
  }

  /** Estimated number of values <= x (inclusive rank). */
  rank(x: number): number {
    return weightBelow(this.cdf(), x, true);
  }

  /** Estimated number of values < x. */
  rankExclusive(x: number): number {
    return weightBelow(this.cdf(), x, false);
  }

  /** The value at quantile q in [0, 1] (the smallest item whose inclusive rank reaches q * count). */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const { values, cum } = this.cdf();
    const target = q * this.count;
    for (let i = 0; i < values.length; i++) if (cum[i]! >= target) return values[i]!;
    return values[values.length - 1]!;
  }

  /** The sketch as Model Monitor writes it. */
  toJSON(): KllJson {
    return {
      parameters: { c: this.c, k: this.k },
      data: this.levels.map((buf, h) => Array.from(buf.subarray(0, this.sizes[h]!))),
    };
  }

  /**
   * A sketch from statistics.json. Its compaction history is not recorded, but weight is conserved
   * by compaction, so the weight now at levels >= h + 1 is exactly the weight that ever entered
   * level h + 1; each compaction at level h sent at least ceil((capacity(h) - 1) / 2) items there
   * and moved ranks by at most 2^h. That bounds the number of compactions per level, hence the error.
   */
  static fromJSON(json: unknown, where: string): KllSketch {
    const fix = 'fix: write the sketch as {"parameters": {"c": 0.64, "k": 2048}, "data": [[...], ...]}';
    const o = json as Partial<KllJson> | null;
    const p = o?.parameters;
    if (!o || typeof o !== 'object' || !p || typeof p.c !== 'number' || typeof p.k !== 'number') {
      throw new StatsError(`${where}: sketch parameters {c, k} missing; ${fix}`);
    }
    if (!Array.isArray(o.data) || o.data.some((lvl) => !Array.isArray(lvl))) {
      throw new StatsError(`${where}: sketch data is not an array of arrays; ${fix}`);
    }
    const s = new KllSketch(Math.round(p.k), p.c);
    o.data.forEach((lvl, h) => {
      while (s.levels.length <= h) s.expand();
      const items = lvl as unknown[];
      for (let i = 0; i < items.length; i++) {
        const v = items[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new StatsError(
            `${where}: sketch item ${JSON.stringify(v)} at level ${h} is not a finite number; ${fix}`,
          );
        }
      }
      // converted natively in one go (a baseline holds tens of thousands of items)
      const values = new Float64Array(items as number[]);
      if (values.length <= s.levels[h]!.length) s.levels[h]!.set(values);
      else s.levels[h] = values;
      s.sizes[h] = values.length;
      s.count += values.length * Math.pow(2, h);
    });
    s.itemCount = s.sizes.reduce((a, b) => a + b, 0);
    let above = s.count;
    for (let h = 0; h + 1 < s.levels.length; h++) {
      above -= s.sizes[h]! * Math.pow(2, h); // weight at levels >= h + 1
      const entered = above / Math.pow(2, h + 1);
      const compactions = Math.floor(entered / Math.ceil((s.capacity(h) - 1) / 2));
      s.rankErrorBound += compactions * Math.pow(2, h);
    }
    return s;
  }
}

let primed = false;

/**
 * Runs the sketch's rarer paths on throwaway data, once per thread (about 3 ms in the interpreter,
 * too little for the JIT to optimize anything here); the capture scan calls it before its first
 * range. The JIT optimizes update and compaction code within a sketch's first few thousand values,
 * partly on stack inside their loops, and V8 records a function's type feedback only from its ninth
 * call or so: paths first taken after that (a level's growth, the first compaction above level 0
 * with its sorted runs to merge, a long run of close values in the radix sort) throw the optimized
 * code away when they come, and it is compiled again (`compact` three times per thread and check
 * instead of once, before this).
 */
export function primeKllFeedback(): void {
  if (primed) return;
  primed = true;
  const a = new KllSketch(16, DEFAULT_C);
  const b = new KllSketch(16, DEFAULT_C);
  const batch = new Float64Array(16);
  for (let i = 0; i < 400; i++) {
    const j = (i * 37) % 400;
    a.update((j % 5 === 0 ? -1 : 1) * (j * 1.37 + 0.01));
  }
  // a second sketch after the first: its growths come when the code records feedback
  for (let i = 0; i < 400; i++) {
    batch[i % 16] = ((i * 37) % 400) % 10;
    if (i % 16 === 15) b.updateMany(batch, 16);
  }
  a.merge(KllSketch.fromState(b.toState(true)));
  a.merge(b);
  const close = new Float64Array(48); // one run of equal top bits, longer than insertion sorts
  for (let i = 0; i < close.length; i++) close[i] = 1000 + ((i * 7) % 48) / 100;
  sortPrefix(close, close.length);
  const runs = new Float64Array(40); // four ascending runs, merged
  for (let i = 0; i < runs.length; i++) runs[i] = (i % 10) + 0.5;
  sortPrefix(runs, runs.length);
}
