/**
 * sortScoresWithLabels on two threads, with the same result: this thread and a worker of the
 * shared pool (src/workers) each build the keys of half the rows, run both radix passes over
 * their half (stable: this thread's keys of a digit go before the worker's), then order the runs
 * and decode half of the sorted keys (split at a run boundary). Keys, scratch and the output live
 * on SharedArrayBuffers; the worker gets copies of its half of the scores and labels. Between the
 * phases each thread waits for the other (one message each way). The worker's part is checked
 * where that is cheap (every answer's shape and counts; the output's order): a malformed answer
 * fails closed. undefined means "sort on this thread": the worker did not take part (it could not
 * start or crashed), or some row breaks the binary contract (sortBinary then names it).
 */
import { requestChecked, type ThreadWorker } from '../workers/pool.js';
import {
  buildScoreKeys,
  constantDigit,
  decodeSorted,
  digitOffsets,
  DIGITS,
  runStart,
  scatterPass,
  type SortedScores,
} from './sort.js';
import {
  assertPositives,
  assertScatter,
  assertScoreKeys,
  SORT_DECODE_TASK,
  SORT_KEYS_TASK,
  SORT_SCATTER_TASK,
} from './worker-tasks.js';

export async function sortOnCores(
  worker: ThreadWorker,
  scores: Float64Array,
  labels: Float64Array,
  closed: (why: string) => Error,
): Promise<SortedScores | undefined> {
  const n = scores.length;
  const h = n >>> 1;
  const keys = new Uint32Array(new SharedArrayBuffer(8 * n));
  const s = new Float64Array(new SharedArrayBuffer(8 * n));
  const scratch = new Uint32Array(s.buffer); // the output doubles as the radix scratch space
  const ask = <T>(kind: string, task: object, check: (a: unknown) => T, transfer: ArrayBuffer[] = []) =>
    requestChecked(worker, kind, task, check, closed, transfer);

  // 1. Keys and digit histograms, half each.
  const tail = { scores: scores.slice(h), labels: labels.slice(h) };
  const second = ask(SORT_KEYS_TASK, { ...tail, keys, at: h }, (a) => assertScoreKeys(a, n - h), [
    tail.scores.buffer as ArrayBuffer,
    tail.labels.buffer as ArrayBuffer,
  ]);
  const first = buildScoreKeys(scores.subarray(0, h), labels.subarray(0, h), keys, 0);
  const other = await second;
  if (!other.ran) return undefined;
  if (first.invalidRow >= 0 || other.value.invalidRow >= 0 || (first.signs | other.value.signs) & 0x80000000)
    return undefined;

  // 2. The two radix passes over the high words, half each (constant digits skipped).
  const counts = new Uint32Array(2 * DIGITS);
  for (let b = 0; b < 2 * DIGITS; b++) counts[b] = first.counts[b]! + other.value.counts[b]!;
  let below = first.counts; // the digit histograms of src's keys [0, h)
  let src = keys;
  let dst = scratch;
  for (let d = 0; d < 2; d++) {
    const base = d * DIGITS;
    if (constantDigit(counts, base, n)) continue;
    const mine = digitOffsets(counts, base);
    const theirs = new Uint32Array(DIGITS);
    for (let b = 0; b < DIGITS; b++) theirs[b] = mine[b]! + below[base + b]!;
    const split = d === 0 ? h : undefined; // after the first pass, the next one's halves need counts
    const pass = ask(
      SORT_SCATTER_TASK,
      { src, dst, from: h, to: n, shift: 16 * d, offsets: theirs, split },
      (a) => assertScatter(a, n - h, split !== undefined),
      [theirs.buffer],
    );
    const next = scatterPass(src, dst, 0, h, 16 * d, mine, split);
    const done = await pass;
    if (!done.ran) return undefined;
    if (next && done.value) {
      below = new Uint32Array(2 * DIGITS);
      for (let b = 0; b < DIGITS; b++) below[DIGITS + b] = next[b]! + done.value[b]!;
    }
    [src, dst] = [dst, src];
  }
  if (src !== keys) keys.set(src); // one pass ran: the sorted keys go back to `keys`

  // 3. Runs ordered and keys decoded, split at a run boundary.
  const y = new Uint8Array(new SharedArrayBuffer(n));
  const m = runStart(keys, h, n);
  const decoded = ask(SORT_DECODE_TASK, { sorted: keys, s, y, from: m, to: n }, (a) =>
    assertPositives(a, n - m),
  );
  const positives = decodeSorted(keys, s, y, 0, m);
  const theirPositives = await decoded;
  if (!theirPositives.ran) return undefined;

  // The worker's share, checked where it is cheap: scores descending, positives first among equal
  // scores, and its positive count.
  let ones = 0;
  for (let k = 0; k < n; k++) {
    ones += y[k]!;
    if (k > 0 && !(s[k - 1]! > s[k]! || (s[k - 1] === s[k] && y[k - 1]! >= y[k]!)))
      throw closed(`sorted scores out of order at row ${k + 1}`);
  }
  if (ones !== positives + theirPositives.value)
    throw closed(`${theirPositives.value} positives where there are ${ones - positives}`);
  return { s, y, invalidRow: -1, positives: ones, spare: new Float64Array(keys.buffer, 0, n) };
}
