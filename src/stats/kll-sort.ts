/**
 * Sorting for KLL compaction: exactly the order of Float64Array.prototype.sort, cheaper for the
 * buffers compaction sees (a few sorted runs above level 0, small-range integers).
 */
/** a sorts strictly before b in Float64Array.prototype.sort's order (-0 before +0). */
export function before(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && Object.is(a, -0) && Object.is(b, 0));
}

let scratch = new Float64Array(4096);
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
 * buffers (Integral features) are counted; anything else falls back to the native sort.
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
  if (!countingSort(buf, len)) buf.subarray(0, len).sort();
}

/** Bottom-up merge of the ascending runs buf[runStarts[r], runStarts[r + 1]). */
function mergeRuns(buf: Float64Array, runs: number): void {
  const len = runStarts[runs]!;
  if (scratch.length < len) scratch = new Float64Array(len * 2);
  let src: Float64Array = buf;
  let dst: Float64Array = scratch;
  let bounds = Array.from(runStarts.subarray(0, runs + 1));
  while (bounds.length > 2) {
    const next = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const a0 = bounds[r]!;
      const a1 = bounds[r + 1]!;
      const b1 = r + 2 < bounds.length ? bounds[r + 2]! : a1;
      let i = a0;
      let j = a1;
      let o = a0;
      while (i < a1 && j < b1) dst[o++] = before(src[j]!, src[i]!) ? src[j++]! : src[i++]!;
      while (i < a1) dst[o++] = src[i++]!;
      while (j < b1) dst[o++] = src[j++]!;
      next.push(b1);
    }
    bounds = next;
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== buf) buf.set(src.subarray(0, len));
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
