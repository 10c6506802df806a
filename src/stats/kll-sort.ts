/**
 * Sorting for KLL compaction: exactly the order of Float64Array.prototype.sort, cheaper for the
 * buffers compaction sees (a few sorted runs above level 0, small-range integers).
 */
/** a sorts strictly before b in Float64Array.prototype.sort's order (-0 before +0). */
export function before(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && Object.is(a, -0) && Object.is(b, 0));
}

/**
 * Scratch runs, sized for two merged level-0 buffers of the default sketch (2 x 2050 items) so
 * they never grow in a check: a growth taken for the first time after the JIT optimized the sort
 * throws its code away.
 */
const SCRATCH_ITEMS = 1 << 13;
let scratch = new Float64Array(SCRATCH_ITEMS);
let counts = new Int32Array(4096);
/** Longest integer range sorted by counting. */
const COUNTING_RANGE = 4096;
/** Above this many ascending runs a prefix is sorted from scratch rather than merged. */
const MAX_RUNS = 8;
const runStarts = new Int32Array(MAX_RUNS + 2);

/**
 * Sorts buf[0, len) into exactly the order of Float64Array.prototype.sort (ascending, -0 before
 * +0; NaN never reaches a sketch), faster for what compaction sees: levels above 0 are a few
 * sorted runs (each compaction below appends one), merged in linear time; small-range integer
 * buffers (Integral features) are counted; anything else is radix-sorted on its top bits.
 */
export function sortPrefix(buf: Float64Array, len: number): void {
  if (len < 2) return;
  // Ascending runs (stop counting once there are too many to merge).
  let runs = 1;
  runStarts[0] = 0;
  for (let i = 1; i < len && runs <= MAX_RUNS; i++) {
    if (before(buf[i]!, buf[i - 1]!)) runStarts[runs++] = i;
  }
  if (runs === 1) return;
  if (runs <= MAX_RUNS) {
    runStarts[runs] = len;
    mergeRuns(buf, runs);
    return;
  }
  if (!countingSort(buf, len)) radixSort(buf, len);
}

let radixScratch = new Float64Array(SCRATCH_ITEMS);
const radixCounts = new Int32Array(2 * 2048);
/** Runs of equal top key bits up to this long are insertion-sorted; longer ones use the native sort. */
const INSERTION_RUN = 24;

/**
 * Sorts buf[0, len) by the IEEE-754 bits: an LSD radix sort on the top 22 bits of each value's
 * order-preserving key (sign, exponent, 10 mantissa bits; two 11-bit passes, a pass whose digit
 * is the same for every value skipped), then each run of values sharing those bits is sorted by
 * value (runs are short unless the values are very close together). The order is exactly
 * Float64Array.prototype.sort's: the key puts negatives (all bits flipped) below positives (sign
 * bit set), so -0 (key 0x7fffffff) sorts before +0 (0x80000000); NaN never reaches a sketch.
 */
function radixSort(buf: Float64Array, len: number): void {
  if (radixScratch.length < len) radixScratch = new Float64Array(len * 2);
  const words = new Uint32Array(buf.buffer, buf.byteOffset, len * 2);
  const counts = radixCounts;
  counts.fill(0);
  for (let i = 0; i < len; i++) {
    const h = words[2 * i + 1]!;
    const key = h ^ ((h >> 31) | 0x80000000); // negative: flip every bit; positive: flip the sign
    counts[(key >>> 10) & 2047]!++;
    counts[2048 + (key >>> 21)]!++;
  }
  let src: Float64Array = buf;
  let dst: Float64Array = radixScratch;
  for (let pass = 0; pass < 2; pass++) {
    const base = pass * 2048;
    const shift = pass === 0 ? 10 : 21;
    const srcWords = new Uint32Array(src.buffer, src.byteOffset, len * 2);
    const h0 = srcWords[1]!;
    if (counts[base + (((h0 ^ ((h0 >> 31) | 0x80000000)) >>> shift) & 2047)] === len) continue;
    let sum = 0;
    for (let d = base; d < base + 2048; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < len; i++) {
      const h = srcWords[2 * i + 1]!;
      const key = h ^ ((h >> 31) | 0x80000000);
      dst[counts[base + ((key >>> shift) & 2047)]!++] = src[i]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== buf) buf.set(src.subarray(0, len));
  // Runs of equal top 22 bits (equal high words shifted right by 10: the same sign, so plain
  // comparisons order them).
  let i = 0;
  while (i < len) {
    const top = words[2 * i + 1]! >>> 10;
    let j = i + 1;
    while (j < len && words[2 * j + 1]! >>> 10 === top) j++;
    if (j - i > 1) {
      if (j - i <= INSERTION_RUN) {
        for (let a = i + 1; a < j; a++) {
          const v = buf[a]!;
          let b = a - 1;
          while (b >= i && buf[b]! > v) {
            buf[b + 1] = buf[b]!;
            b--;
          }
          buf[b + 1] = v;
        }
      } else buf.subarray(i, j).sort();
    }
    i = j;
  }
}

const bounds = new Int32Array(MAX_RUNS + 2);

/** Bottom-up merge of the ascending runs buf[runStarts[r], runStarts[r + 1]). */
function mergeRuns(buf: Float64Array, runs: number): void {
  const len = runStarts[runs]!;
  if (scratch.length < len) scratch = new Float64Array(len * 2);
  let src: Float64Array = buf;
  let dst: Float64Array = scratch;
  let count = runs + 1; // boundaries
  bounds.set(runStarts.subarray(0, count));
  while (count > 2) {
    let next = 1; // bounds[0] stays 0; merged boundaries are written in place (never ahead of reads)
    for (let r = 0; r + 1 < count; r += 2) {
      const a1 = bounds[r + 1]!;
      const b1 = r + 2 < count ? bounds[r + 2]! : a1;
      mergeTwo(src, dst, bounds[r]!, a1, b1);
      bounds[next++] = b1;
    }
    count = next;
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== buf) buf.set(src.subarray(0, len));
}

/** Merges the ascending runs src[a0, a1) and src[a1, b1) into dst[a0, b1) (stable; -0 before +0). */
function mergeTwo(src: Float64Array, dst: Float64Array, a0: number, a1: number, b1: number): void {
  let i = a0;
  let j = a1;
  let o = a0;
  if (i < a1 && j < b1) {
    let x = src[i]!;
    let y = src[j]!;
    for (;;) {
      // y first only when strictly before x: y < x, or y is -0 and x is +0
      if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
        dst[o++] = y;
        if (++j === b1) break;
        y = src[j]!;
      } else {
        dst[o++] = x;
        if (++i === a1) break;
        x = src[i]!;
      }
    }
  }
  while (i < a1) dst[o++] = src[i++]!;
  while (j < b1) dst[o++] = src[j++]!;
}

/** Merges the ascending arrays a and b into out[0, a.length + b.length) (-0 before +0). */
export function mergeSorted(a: Float64Array, b: Float64Array, out: Float64Array): void {
  const na = a.length;
  const nb = b.length;
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < na && j < nb) {
    const x = a[i]!;
    const y = b[j]!;
    if (y < x || (y === x && y === 0 && 1 / y < 1 / x)) {
      out[o++] = y;
      j++;
    } else {
      out[o++] = x;
      i++;
    }
  }
  // The rest of whichever run is left, copied natively (a merge hint's run is most of the output).
  // One copy for either run: a copy per run would leave one of them untaken for a while, and the
  // optimized code would be thrown away when it first is (a per-item loop here was, merge after merge).
  let rest = b;
  let from = j;
  if (i < na) {
    rest = a;
    from = i;
  }
  out.set(rest.subarray(from, rest.length), o);
}

/** Counting sort when every item is an integer (no -0) within a small range; false otherwise. */
function countingSort(buf: Float64Array, len: number): boolean {
  let min = buf[0]!;
  let max = min;
  for (let i = 0; i < len; i++) {
    const v = buf[i]!;
    if ((v | 0) !== v || (v === 0 && Object.is(v, -0))) return false;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > COUNTING_RANGE) return false;
  if (counts.length < range) counts = new Int32Array(COUNTING_RANGE);
  counts.fill(0, 0, range);
  for (let i = 0; i < len; i++) counts[buf[i]! - min]!++;
  let o = 0;
  for (let v = 0; v < range; v++) {
    const c = counts[v]!;
    for (let k = 0; k < c; k++) buf[o++] = v + min;
  }
  return true;
}
