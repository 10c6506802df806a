/**
 * Streaming readers for labelled test data and prediction files (batch transform `.out` files,
 * hand-made score files, JSON lines). Numbers are parsed from bytes into typed arrays; every bad
 * value fails closed with a DataError naming the file, the line, the value and the fix.
 */
import { open, stat } from 'node:fs/promises';
import { DataError } from './data-error.js';
import { Float64Builder } from './lines.js';
import { scanColumnParallel } from './parallel-scan.js';
import { parseNumberBytes } from './parse-number.js';
import type { ProblemType } from './types.js';

export { DataError } from './data-error.js';

export interface LabelledData {
  labels: Float64Array;
  features?: undefined;
}

/**
 * What a bad value looks like, without its content: test data and predictions may hold personal
 * or secret data, and an error message becomes an annotation anyone with read access can see.
 * The file and line in the message say where to look.
 */
function shapeOf(start: number, end: number): string {
  return `(${end - start} byte${end - start === 1 ? '' : 's'}; content not shown)`;
}

/**
 * Initial capacity: total bytes / the average line length of the first 64 KiB of the first file,
 * plus 5% (the builder doubles when it is not enough), so no huge over-allocation.
 */
async function sizeHint(files: string[]): Promise<number> {
  let total = 0;
  for (const f of files) {
    try {
      total += (await stat(f)).size;
    } catch (err) {
      throw new DataError(`cannot read ${f}: ${(err as Error).message}; fix: check the path`);
    }
  }
  let bytesPerLine = 8;
  try {
    const fh = await open(files[0]!, 'r');
    try {
      const probe = Buffer.alloc(1 << 16);
      const { bytesRead } = await fh.read(probe, 0, probe.length, 0);
      let lines = 0;
      for (let i = 0; i < bytesRead; i++) if (probe[i] === 10) lines++;
      if (lines > 0) bytesPerLine = bytesRead / lines;
    } finally {
      await fh.close();
    }
  } catch {
    // the reader reports unreadable files with their path
  }
  return Math.min(1 << 26, Math.ceil((total / bytesPerLine) * 1.05) + 1024);
}

async function scanFile(...args: Parameters<typeof scanColumnParallel>): Promise<number> {
  try {
    return await scanColumnParallel(...args);
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(
      `cannot read ${args[0]}: ${(err as Error).message}; fix: check the path and permissions`,
    );
  }
}

/** The label column of CSV files (read in order, concatenated). Fields may be double-quoted. */
export async function readLabels(
  files: string[],
  opts: { labelColumn: number; hasHeader?: boolean },
): Promise<Float64Array> {
  const col = opts.labelColumn;
  if (!Number.isInteger(col) || col < 0) {
    throw new DataError(`label column ${String(col)} is not valid; fix: use a 0-based column index`);
  }
  if (files.length === 0)
    throw new DataError(
      'no test-data files to read labels from; fix: point test-data at a CSV file or prefix',
    );
  const out = new Float64Builder(await sizeHint(files));
  for (const file of files) {
    const slow = (buf: Buffer, start: number, end: number, line: number, into: Float64Builder): void => {
      if (line === 1 && opts.hasHeader) return;
      if (start === end) {
        throw new DataError(`${file}:${line}: empty line in labelled data; fix: remove blank lines`);
      }
      // Find the label field [fs, fe), honouring double quotes.
      let fs = start;
      let field = 0;
      let inQuote = false;
      let i = start;
      for (; i < end; i++) {
        const c = buf[i];
        if (c === 34) inQuote = !inQuote;
        else if (c === 44 && !inQuote) {
          if (field === col) break;
          field++;
          fs = i + 1;
        }
      }
      if (field !== col) {
        throw new DataError(
          `${file}:${line}: has ${field + 1} column(s), no label column ${col}; fix: set label-column (0-based) to the label's position`,
        );
      }
      let fe = i;
      if (buf[fs] === 34 && fe - fs >= 2 && buf[fe - 1] === 34) {
        fs++;
        fe--;
      }
      const v = parseNumberBytes(buf, fs, fe);
      if (!Number.isFinite(v)) {
        throw new DataError(
          `${file}:${line}: the label in column ${col} ${shapeOf(fs, fe)} is not a finite number; fix: encode labels as numbers (0/1 for binary, 0..K-1 for multiclass)${line === 1 && !opts.hasHeader ? ', or declare the header row' : ''}`,
        );
      }
      into.push(v);
    };
    await scanFile(file, { column: col, single: false, skipLines: opts.hasHeader ? 1 : 0 }, out, slow);
  }
  return out.finish();
}

export interface PredictionData {
  scores: Float64Array;
  probabilities?: Float64Array[];
  rows: number;
}

const FIX_BY_TYPE: Record<ProblemType, string> = {
  'binary-classification':
    'write one probability of the positive class per line (e.g. XGBoost objective binary:logistic)',
  'multiclass-classification':
    'write one predicted class per line, or one comma-separated row of class probabilities per line (e.g. XGBoost multi:softprob)',
  regression: 'write one predicted value per line',
};

function jsonValues(text: string): number[] | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  const asNumbers = (a: unknown): number[] | undefined => {
    if (typeof a === 'number') return [a];
    if (Array.isArray(a)) {
      if (a.every((x) => typeof x === 'number')) return a as number[];
      if (a.length === 1) return asNumbers(a[0]);
      return undefined;
    }
    if (a && typeof a === 'object') {
      const o = a as Record<string, unknown>;
      for (const key of [
        'score',
        'probabilities',
        'probability',
        'predictions',
        'predicted_label',
        'prediction',
      ]) {
        if (key in o) return asNumbers(o[key]);
      }
    }
    return undefined;
  };
  return asNumbers(v);
}

/**
 * Predictions, one per line: a number; or comma-separated class probabilities (multiclass); or a
 * JSON line such as {"score":0.7}, {"predictions":[0.1,0.9]} or [0.1,0.9]. Files are read in order.
 */
export async function readPredictions(
  files: string[],
  opts: { problemType: ProblemType; numClasses?: number },
): Promise<PredictionData> {
  const { problemType } = opts;
  const fix = FIX_BY_TYPE[problemType];
  if (files.length === 0) throw new DataError(`no prediction files to read; fix: ${fix}`);
  const hint = await sizeHint(files);
  const scores = new Float64Builder(hint);
  let probs: Float64Builder[] | undefined;
  let width = 0; // values per row seen so far (0 = not yet known)
  const row: number[] = [];
  const binary = problemType === 'binary-classification';
  const outOfRange = (file: string, line: number, v: number) =>
    new DataError(
      `${file}:${line}: score ${v} is outside [0, 1]; fix: ${fix} (raw margins such as binary:logitraw are not probabilities)`,
    );
  // Everything but a plain number: blank lines, several values, JSON, junk (errors name file:line).
  const slowLine = (file: string, buf: Buffer, start: number, end: number, line: number): void => {
    while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
    if (start === end) {
      throw new DataError(
        `${file}:${line}: empty prediction; fix: ${fix} (no blank lines; one line per test row)`,
      );
    }
    row.length = 0;
    const c0 = buf[start];
    if (c0 === 123 || c0 === 91) {
      const values = jsonValues(buf.toString('utf8', start, end));
      if (!values || values.length === 0) {
        throw new DataError(
          `${file}:${line}: cannot read a prediction from this JSON ${shapeOf(start, end)}; fix: ${fix}`,
        );
      }
      row.push(...values);
    } else {
      let fs = start;
      for (let i = start; i <= end; i++) {
        if (i === end || buf[i] === 44) {
          const v = parseNumberBytes(buf, fs, i);
          if (!Number.isFinite(v)) {
            throw new DataError(
              `${file}:${line}: a prediction ${shapeOf(fs, i)} is not a finite number; fix: ${fix}`,
            );
          }
          row.push(v);
          fs = i + 1;
        }
      }
    }
    for (const v of row) {
      if (!Number.isFinite(v)) {
        throw new DataError(
          `${file}:${line}: prediction ${JSON.stringify(String(v))} is not a finite number; fix: ${fix}`,
        );
      }
    }
    const n = row.length;
    if (width === 0) width = n;
    else if (n !== width) {
      throw new DataError(`${file}:${line}: ${n} value(s) where earlier lines had ${width}; fix: ${fix}`);
    }
    if (problemType !== 'multiclass-classification' || n === 1) {
      if (n !== 1) {
        throw new DataError(`${file}:${line}: ${n} values on one line, expected one prediction; fix: ${fix}`);
      }
      const v = row[0]!;
      if (binary && !(v >= 0 && v <= 1)) throw outOfRange(file, line, v);
      scores.push(v === 0 ? 0 : v);
      return;
    }
    if (opts.numClasses !== undefined && n !== opts.numClasses) {
      throw new DataError(
        `${file}:${line}: ${n} class probabilities, expected ${opts.numClasses}; fix: ${fix}`,
      );
    }
    if (!probs) probs = Array.from({ length: n }, () => new Float64Builder(hint));
    let best = 0;
    for (let k = 0; k < n; k++) {
      const p = row[k]!;
      if (!(p >= 0 && p <= 1)) {
        throw new DataError(
          `${file}:${line}: class probability ${p} (class ${k}) is outside [0, 1]; fix: ${fix}`,
        );
      }
      probs[k]!.push(p);
      if (p > row[best]!) best = k;
    }
    scores.push(best);
  };
  let checked = 0;
  for (const file of files) {
    await scanFile(
      file,
      { column: 0, single: true, fast: problemType !== 'multiclass-classification' },
      scores,
      (buf, start, end, line) => {
        const v = parseNumberBytes(buf, start, end);
        if (Number.isFinite(v) && width <= 1) {
          if (binary && !(v >= 0 && v <= 1)) throw outOfRange(file, line, v);
          width = 1;
          scores.push(v === 0 ? 0 : v);
          return;
        }
        slowLine(file, buf, start, end, line);
      },
    );
    if (binary) {
      // The fast path does not range-check: do it here, naming the first bad line.
      const data = scores.data;
      for (let i = checked; i < scores.length; i++) {
        const v = data[i]!;
        if (!(v >= 0 && v <= 1)) throw outOfRange(file, i - checked + 1, v); // one score per line
      }
    }
    checked = scores.length;
  }
  if (probs && probs[0]!.length !== scores.length) {
    throw new DataError(
      `${files.join(', ')}: some lines hold one value and others class probabilities; fix: ${fix}`,
    );
  }
  const out: PredictionData = { scores: scores.finish(), rows: scores.length };
  if (probs) out.probabilities = probs.map((b) => b.finish());
  if (out.rows === 0) throw new DataError(`${files.join(', ')}: no predictions found; fix: ${fix}`);
  return out;
}
