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

/**
 * Sorts interleaved (hi, lo) keys ascending: an LSD radix sort on the high words only (2 passes,
 * constant digits skipped), then runs of equal high words are ordered by their low words
 * (insertion sort for short runs, a native numeric sort for long ones). For scores, equal high
 * words mean equal sign, exponent and top 20 mantissa bits, so runs are short.
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
    const base = d * 65536;
    const shift = d * 16;
    let constant = false;
    for (let b = 0; b < 65536; b++) {
      const c = counts[base + b]!;
      if (c === n) constant = true;
      if (c !== 0) break;
    }
    if (constant || n === 0) continue;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[base + b]!;
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const h = src[2 * i]!;
      const to = 2 * counts[base + ((h >>> shift) & 0xffff)]!++;
      dst[to] = h;
      dst[to + 1] = src[2 * i + 1]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== keys) {
    keys.set(src); // an odd number of passes ran: the result goes back to `keys`
    src = keys;
  }
  // Order runs of equal high words by the low word.
  let i = 0;
  while (i < n) {
    const h = src[2 * i]!;
    let j = i + 1;
    while (j < n && src[2 * j] === h) j++;
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
  return src;
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
  const counts = new Uint32Array(2 * 65536); // the two 16-bit digit histograms of the high words
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n * 2);
  let invalidRow = -1;
  let signs = 0; // OR of the high words: bit 31 set when some score is negative
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    const score = scores[i]!;
    if (invalidRow < 0 && ((label !== 0 && label !== 1) || !(score >= 0 && score <= 1))) invalidRow = i;
    const h = score === 0 ? 0 : bits[2 * i + 1]!; // -0 -> +0 (its low word is 0 too)
    const l = bits[2 * i]!;
    signs |= h;
    const kh = ~((h << 1) | (l >>> 31)) >>> 0;
    keys[2 * i] = kh;
    keys[2 * i + 1] = ~((l << 1) | (label === 1 ? 1 : 0)) >>> 0;
    counts[kh & 0xffff]!++;
    counts[65536 + (kh >>> 16)]!++;
  }
  if (signs & 0x80000000) return sortGeneral(scores, labels, invalidRow, keys);
  // The output array doubles as the radix scratch space (page faults on fresh memory are costly).
  const s = shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
  const sb = new Uint32Array(s.buffer);
  const sorted = radixSortByHigh(keys, n, counts, sb);
  // Decode: shift the 64 key bits back right by one; bit 0 is the label.
  const y = shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
  let positives = 0;
  for (let k = 0; k < n; k++) {
    const kh = ~sorted[2 * k]!;
    const kl = ~sorted[2 * k + 1]!;
    y[k] = kl & 1;
    positives += kl & 1;
    sb[2 * k] = (kl >>> 1) | (kh << 31);
    sb[2 * k + 1] = kh >>> 1;
  }
  // The key array is free now: hand it out as scratch space of n doubles (contents undefined).
  return { s, y, invalidRow, positives, spare: new Float64Array(keys.buffer, keys.byteOffset, n) };
}
