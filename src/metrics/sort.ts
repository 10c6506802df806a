/**
 * argsort for Float64Array scores, descending, as a Uint32Array of indices: an LSD radix sort
 * over the IEEE-754 bit patterns (16-bit digits, passes whose digit is constant are skipped), so
 * 3 M scores sort in tens of milliseconds and ties keep index order (stable). -0 sorts as 0.
 * NaN must be rejected before calling.
 */
export function argsortDescending(scores: Float64Array): Uint32Array {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let idx = new Uint32Array(n);
  const counts = new Uint32Array(4 * 65536);
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + 1]!;
    let l = bits[2 * i]!;
    if (h === 0x80000000 && l === 0) h = 0; // -0 -> +0
    // Ascending-order key: flip all bits of negatives, set the sign bit of positives; then invert for descending.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    h = ~h >>> 0;
    l = ~l >>> 0;
    hi[i] = h;
    lo[i] = l;
    idx[i] = i;
    counts[l & 0xffff]!++;
    counts[65536 + (l >>> 16)]!++;
    counts[131072 + (h & 0xffff)]!++;
    counts[196608 + (h >>> 16)]!++;
  }
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 65536;
    // Skip a pass when every key has the same digit.
    let constant = false;
    for (let d = 0; d < 65536; d++) {
      const c = counts[base + d]!;
      if (c === n) constant = true;
      if (c !== 0) break;
    }
    if (constant || n === 0) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[base + d]!;
      counts[base + d] = sum;
      sum += c;
    }
    const useLo = pass < 2;
    const shift = pass % 2 === 0 ? 0 : 16;
    const key = useLo ? lo : hi;
    for (let i = 0; i < n; i++) {
      const d = (key[i]! >>> shift) & 0xffff;
      const to = counts[base + d]!++;
      idx2[to] = idx[i]!;
      hi2[to] = hi[i]!;
      if (useLo) lo2[to] = lo[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
    if (useLo) [lo, lo2] = [lo2, lo];
  }
  return idx;
}

/** Radix digits: the two 16-bit halves of a key's high word. */
export const DIGITS = 65536;

/** Whether one bucket of the digit's histogram holds all n keys (its pass would change nothing). */
export function constantDigit(counts: Uint32Array, base: number, n: number): boolean {
  for (let b = 0; b < DIGITS; b++) {
    const c = counts[base + b]!;
    if (c === n) return true;
    if (c !== 0) return false;
  }
  return false;
}

/**
 * One stable LSD pass over keys [from, to) of `src` (interleaved (high, low) words): each key
 * goes to `dst` at `offsets[digit]++`, the digit being the high word's 16 bits at `shift`. With
 * `split`, also returns the histograms of the next digit (the high word's top 16 bits) of the
 * keys this pass wrote below and at-or-above key position `split` (two threads splitting the next
 * pass at `split` need them).
 */
export function scatterPass(
  src: Uint32Array,
  dst: Uint32Array,
  from: number,
  to: number,
  shift: number,
  offsets: Uint32Array,
  split?: number,
): Uint32Array | undefined {
  if (split === undefined) {
    for (let i = from; i < to; i++) {
      const h = src[2 * i]!;
      const at = 2 * offsets[(h >>> shift) & 0xffff]!++;
      dst[at] = h;
      dst[at + 1] = src[2 * i + 1]!;
    }
    return undefined;
  }
  const next = new Uint32Array(2 * DIGITS);
  for (let i = from; i < to; i++) {
    const h = src[2 * i]!;
    const k = offsets[(h >>> shift) & 0xffff]!++;
    dst[2 * k] = h;
    dst[2 * k + 1] = src[2 * i + 1]!;
    next[(k < split ? 0 : DIGITS) + (h >>> 16)]!++;
  }
  return next;
}

/** The first key position at or after `at` that starts a run of equal high words (n when none). */
export function runStart(keys: Uint32Array, at: number, n: number): number {
  if (at <= 0) return 0;
  let m = at;
  while (m < n && keys[2 * m] === keys[2 * m - 2]) m++;
  return m;
}

/**
 * Orders the runs of equal high words in keys [from, to) by their low words (insertion sort for
 * short runs, a native numeric sort for long ones); `from` and `to` must be run boundaries.
 */
export function orderRuns(src: Uint32Array, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const h = src[2 * i]!;
    let j = i + 1;
    while (j < to && src[2 * j] === h) j++;
    if (j - i > 1) {
      if (j - i <= 16) {
        for (let a = i + 1; a < j; a++) {
          const l = src[2 * a + 1]!;
          let b = a - 1;
          while (b >= i && src[2 * b + 1]! > l) {
            src[2 * b + 3] = src[2 * b + 1]!;
            b--;
          }
          src[2 * b + 3] = l;
        }
      } else {
        const lows = new Float64Array(j - i);
        for (let a = i; a < j; a++) lows[a - i] = src[2 * a + 1]!;
        lows.sort();
        for (let a = i; a < j; a++) src[2 * a + 1] = lows[a - i]!;
      }
    }
    i = j;
  }
}

/**
 * Sorts interleaved (hi, lo) keys ascending by high word: an LSD radix sort on the high words only
 * (2 passes, constant digits skipped); orderRuns then orders runs of equal high words by their low
 * words. For scores, equal high words mean equal sign, exponent and top 20 mantissa bits, so runs
 * are short.
 */
function radixSortByHigh(
  keys: Uint32Array,
  n: number,
  counts: Uint32Array,
  scratch: Uint32Array = new Uint32Array(keys.length),
): Uint32Array {
  let src: Uint32Array = keys;
  let dst: Uint32Array = scratch;
  for (let d = 0; d < 2; d++) {
    const base = d * DIGITS;
    if (n === 0 || constantDigit(counts, base, n)) continue;
    scatterPass(src, dst, 0, n, d * 16, digitOffsets(counts, base));
    [src, dst] = [dst, src];
  }
  if (src !== keys) {
    keys.set(src); // an odd number of passes ran: the result goes back to `keys`
    src = keys;
  }
  return src; // runs of equal high words are still in input order: decodeSorted orders them
}

/** Where each digit's keys start: the exclusive prefix sums of counts[base .. base + DIGITS). */
export function digitOffsets(counts: Uint32Array, base: number): Uint32Array {
  const offsets = new Uint32Array(DIGITS);
  let sum = 0;
  for (let b = 0; b < DIGITS; b++) {
    offsets[b] = sum;
    sum += counts[base + b]!;
  }
  return offsets;
}

/** Sorted scores, their labels (1 = positive), the count of positives and n doubles of scratch. */
export interface SortedScores {
  s: Float64Array;
  y: Uint8Array;
  invalidRow: number;
  positives: number;
  spare: Float64Array;
}

/**
 * sortScoresWithLabels when some score is negative (invalid for a binary model, but the result
 * must still be sorted): an index sort, then each run of equal scores lists its positives first.
 */
function sortGeneral(
  scores: Float64Array,
  labels: ArrayLike<number>,
  invalidRow: number,
  keys: Uint32Array,
): SortedScores {
  const n = scores.length;
  const order = argsortDescending(scores);
  const s = new Float64Array(n);
  const y = new Uint8Array(n);
  for (let k = 0; k < n; k++) s[k] = scores[order[k]!]! + 0; // + 0 turns -0 into 0
  let positives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    let run = 0;
    do run += labels[order[j++]!] === 1 ? 1 : 0;
    while (j < n && s[j] === s[i]); // (NaN: a run of one)
    y.fill(1, i, i + run);
    positives += run;
    i = j;
  }
  return { s, y, invalidRow, positives, spare: new Float64Array(keys.buffer, keys.byteOffset, n) };
}

/**
 * Scores sorted descending with their 0/1 labels alongside, without an index array, in one radix
 * sort: valid scores are >= 0 (-0 becomes 0), so their sign bit is free, and the key is the 64
 * score bits shifted left by one with the label in bit 0. Descending keys then mean descending
 * scores, and positives before negatives among equal scores (so the output is fully determined
 * by the (score, label) multiset). Keys are stored inverted so the ascending sort gives descending
 * order (with some negative score: see sortGeneral). Also checks the binary contract on the way:
 * `invalidRow` is the first row whose label is not 0/1 or whose score is not in [0, 1] (-1 when
 * none; the result is then meaningless and the caller reports the row). `spare` is n doubles of
 * scratch memory the sort no longer needs (contents undefined). `_positives` is accepted for
 * compatibility. `shared`: s and y live on SharedArrayBuffers (a worker thread can read them
 * without a copy).
 */
export function sortScoresWithLabels(
  scores: Float64Array,
  labels: ArrayLike<number>,
  _positives?: number,
  shared = false,
): SortedScores {
  const n = scores.length;
  const keys = new Uint32Array(2 * n); // (high, low) word pairs
  const { counts, invalidRow, signs } = buildScoreKeys(scores, labels, keys, 0);
  if (signs & 0x80000000) return sortGeneral(scores, labels, invalidRow, keys);
  // The output array doubles as the radix scratch space (page faults on fresh memory are costly).
  const s = shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
  const sorted = radixSortByHigh(keys, n, counts, new Uint32Array(s.buffer));
  const y = shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
  const positives = decodeSorted(sorted, s, y, 0, n);
  // The key array is free now: hand it out as scratch space of n doubles (contents undefined).
  return { s, y, invalidRow, positives, spare: new Float64Array(keys.buffer, keys.byteOffset, n) };
}

/** buildScoreKeys' answer: the two digit histograms of the rows' high words, and the contract checks. */
export interface ScoreKeys {
  /** counts[b]: keys whose high word's low 16 bits are b; counts[DIGITS + b]: whose top 16 bits are. */
  counts: Uint32Array;
  /** The first row (of `scores`) whose label is not 0/1 or whose score is not in [0, 1]; -1 when none. */
  invalidRow: number;
  /** The OR of the scores' high words: bit 31 set when some score is negative. */
  signs: number;
}

/**
 * The sort keys of scores[i] with labels[i] (see sortScoresWithLabels), written to keys at row
 * `at + i`: two threads each build the keys of their rows into one shared array.
 */
export function buildScoreKeys(
  scores: Float64Array,
  labels: ArrayLike<number>,
  keys: Uint32Array,
  at: number,
): ScoreKeys {
  const n = scores.length;
  const counts = new Uint32Array(2 * DIGITS);
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  let invalidRow = -1;
  let signs = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    const score = scores[i]!;
    if (invalidRow < 0 && ((label !== 0 && label !== 1) || !(score >= 0 && score <= 1))) invalidRow = i;
    const h = score === 0 ? 0 : bits[2 * i + 1]!; // -0 -> +0 (its low word is 0 too)
    const l = bits[2 * i]!;
    signs |= h;
    const kh = ~((h << 1) | (l >>> 31)) >>> 0;
    const k = 2 * (at + i);
    keys[k] = kh;
    keys[k + 1] = ~((l << 1) | (label === 1 ? 1 : 0)) >>> 0;
    counts[kh & 0xffff]!++;
    counts[DIGITS + (kh >>> 16)]!++;
  }
  return { counts, invalidRow, signs };
}

/**
 * Sorted keys [from, to) decoded into scores s and labels y at the same positions: the 64 key
 * bits shifted back right by one, bit 0 the label. `from` and `to` must be run boundaries (see
 * orderRuns, which this runs first). Returns the positives among them. s may be the memory the
 * sort used as scratch, but not `sorted` itself.
 */
export function decodeSorted(
  sorted: Uint32Array,
  s: Float64Array,
  y: Uint8Array,
  from: number,
  to: number,
): number {
  orderRuns(sorted, from, to);
  const sb = new Uint32Array(s.buffer, s.byteOffset, 2 * s.length);
  let positives = 0;
  for (let k = from; k < to; k++) {
    const kh = ~sorted[2 * k]!;
    const kl = ~sorted[2 * k + 1]!;
    y[k] = kl & 1;
    positives += kl & 1;
    sb[2 * k] = (kl >>> 1) | (kh << 31);
    sb[2 * k + 1] = kh >>> 1;
  }
  return positives;
}
