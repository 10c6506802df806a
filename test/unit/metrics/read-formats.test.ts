/**
 * readLabels and readPredictions, case by case where mutation testing found no test: every JSON
 * form a prediction line may take, whitespace, quoted label fields, class-probability ties and
 * zeros, and the exact message of every input mistake (file, line, what was expected, the fix;
 * never the content).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DataError, readLabels, readPredictions } from '../../../src/metrics/read.js';

const dir = mkdtempSync(join(tmpdir(), 'metrics-read-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
function file(text: string): string {
  const p = join(dir, `f${seq++}.csv`);
  writeFileSync(p, text);
  return p;
}

async function dataError(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataError);
  return (err as Error).message;
}

/** readLabels' message for a label that is not a number (its size, never its content). */
const notANumber = (p: string, line: number, bytes: number, col = 0) =>
  `${p}:${line}: the label in column ${col} (${bytes} byte${bytes === 1 ? '' : 's'}; content not shown) is not a finite number; fix: encode labels as numbers (0/1 for binary, 0..K-1 for multiclass)`;

const bin = { problemType: 'binary-classification' as const };
const multi = { problemType: 'multiclass-classification' as const };
const scores = async (text: string, opts = bin) =>
  Array.from((await readPredictions([file(text)], opts)).scores);

describe('readPredictions: JSON lines', () => {
  it.each([
    ['{"score":0.25}', 0.25],
    ['{"probability":0.5}', 0.5],
    ['{"prediction":0.75}', 0.75],
    ['{"predicted_label":1}', 1],
    ['{"predictions":[0.125]}', 0.125],
    ['{"probabilities":[0.375]}', 0.375],
    ['[0.625]', 0.625],
    ['[[0.875]]', 0.875], // a one-element array holding the value
    ['{"predictions":[{"score":0.5}]}', 0.5], // SageMaker's JSON output of a one-record request
    ['{"other":1,"score":0.25}', 0.25],
  ])('%s reads as %p', async (line, want) => {
    expect(await scores(`${line}\n`)).toEqual([want]);
  });

  it('reads each key of a multiclass JSON line as the class probabilities', async () => {
    for (const key of ['probabilities', 'predictions', 'score']) {
      const r = await readPredictions([file(`{"${key}":[0.2,0.8]}\n{"${key}":[0.6,0.4]}\n`)], multi);
      expect(Array.from(r.scores)).toEqual([1, 0]);
      expect(r.probabilities!.map((c) => Array.from(c))).toEqual([
        [0.2, 0.6],
        [0.8, 0.4],
      ]);
    }
  });

  it.each([
    ['an empty array', '[]'],
    ['an array holding a string', '["x"]'],
    ['an array holding an object without a known key', '[{"x":1}]'],
    ['an array of numbers and a string', '[0.5,"x"]'],
    ['an object without a known key', '{"x":0.5}'],
    ['a key holding a string', '{"score":"0.5"}'],
    ['broken JSON', '{"score":'],
  ])('%s: fails naming the line, never the content', async (_name, line) => {
    const p = file(`0.5\n${line}\n`);
    const msg = await dataError(readPredictions([p], bin));
    expect(msg).toBe(
      `${p}:2: cannot read a prediction from this JSON (${Buffer.byteLength(line)} bytes; content not shown); fix: write one probability of the positive class per line (e.g. XGBoost objective binary:logistic)`,
    );
  });

  it('a JSON number too big for a double fails as not finite', async () => {
    const p = file('[1e999]\n');
    expect(await dataError(readPredictions([p], { problemType: 'regression' }))).toBe(
      `${p}:1: prediction "Infinity" is not a finite number; fix: write one predicted value per line`,
    );
  });

  it('binary JSON scores outside [0, 1] fail on their line', async () => {
    const p = file('0.5\n{"score":1.5}\n');
    expect(await dataError(readPredictions([p], bin))).toContain(`${p}:2: score 1.5 is outside [0, 1]`);
  });
});

describe('readPredictions: whitespace, zeros and ties', () => {
  it('skips leading spaces and tabs before a value', async () => {
    expect(await scores('0.5\n  0.25\n\t0.75\n \t{"score":0.125}\n')).toEqual([0.5, 0.25, 0.75, 0.125]);
  });

  it('a line of spaces and tabs is an empty prediction', async () => {
    const p = file('0.5\n \t \n');
    expect(await dataError(readPredictions([p], bin))).toMatch(new RegExp(`^${p}:2: empty prediction; fix:`));
  });

  it('-0 reads as 0, on the fast and the slow path', async () => {
    const got = await scores('-0\n0.5\n[-0]\n');
    expect(got.map((v) => Object.is(v, -0))).toEqual([false, false, false]);
  });

  it('class probabilities of exactly 0 and 1 are valid; a tie goes to the first class', async () => {
    const r = await readPredictions([file('0,1,0\n0.5,0.5,0\n0,0.25,0.75\n0.4,0.2,0.4\n')], multi);
    expect(Array.from(r.scores)).toEqual([1, 0, 2, 0]);
  });

  it('a negative class probability fails naming the class', async () => {
    const p = file('0.5,0.5\n-0.1,1.1\n');
    expect(await dataError(readPredictions([p], multi))).toContain(
      `${p}:2: class probability -0.1 (class 0) is outside [0, 1]`,
    );
  });

  it('a multiclass file of one predicted class per line reads the classes', async () => {
    const r = await readPredictions([file('2\n0\n1\n')], multi);
    expect(Array.from(r.scores)).toEqual([2, 0, 1]);
    expect(r.probabilities).toBeUndefined();
  });
});

describe('readPredictions and readLabels: what is wrong with the input', () => {
  it('no files', async () => {
    expect(await dataError(readPredictions([], bin))).toBe(
      'no prediction files to read; fix: write one probability of the positive class per line (e.g. XGBoost objective binary:logistic)',
    );
    expect(await dataError(readLabels([], { labelColumn: 0 }))).toBe(
      'no test-data files to read labels from; fix: point test-data at a CSV file or prefix',
    );
  });

  it('an empty prediction file', async () => {
    const p = file('');
    expect(await dataError(readPredictions([p], { problemType: 'regression' }))).toBe(
      `${p}: no predictions found; fix: write one predicted value per line`,
    );
  });

  it.each([-1, 1.5, Number.NaN])('label column %p', async (col) => {
    expect(await dataError(readLabels([file('1\n')], { labelColumn: col }))).toBe(
      `label column ${String(col)} is not valid; fix: use a 0-based column index`,
    );
  });

  it('a file that cannot be read (a directory) names the path and the fix', async () => {
    const d = join(dir, `sub${seq++}`);
    mkdirSync(d);
    const msg = await dataError(readLabels([d], { labelColumn: 0 }));
    expect(msg).toMatch(new RegExp(`^cannot read ${d}: .+; fix: check the path and permissions$`));
    expect(await dataError(readPredictions([d], bin))).toMatch(/; fix: check the path and permissions$/);
  });

  it('the label message gives the size of the field, not its content, and the header hint only on line 1', async () => {
    const p = file('1,x\n0,x\nab,x\n');
    expect(await dataError(readLabels([p], { labelColumn: 0 }))).toBe(
      `${p}:3: the label in column 0 (2 bytes; content not shown) is not a finite number; fix: encode labels as numbers (0/1 for binary, 0..K-1 for multiclass)`,
    );
    const one = file('a,x\n0,x\n');
    expect(await dataError(readLabels([one], { labelColumn: 0 }))).toBe(
      `${one}:1: the label in column 0 (1 byte; content not shown) is not a finite number; fix: encode labels as numbers (0/1 for binary, 0..K-1 for multiclass), or declare the header row`,
    );
  });
});

describe('readLabels: quoted fields', () => {
  it.each([
    ['a quoted label', '"1",x\n"0",y\n', 0, [1, 0]],
    ['a comma inside a quoted field before the label', '"a,b",1\n"c,d,e",0\n', 1, [1, 0]],
    ['a quoted label after quoted fields', '"x,1","0"\n"y","1"\n', 1, [0, 1]],
    ['a label that is a lone quote-free number after a quote pair', '"",1\n"",0\n', 1, [1, 0]],
  ])('%s', async (_name, text, col, want) => {
    expect(Array.from(await readLabels([file(text)], { labelColumn: col }))).toEqual(want);
  });

  it('an unclosed quote runs to the end of the line (one field), which is not a number', async () => {
    const p = file('1,x\n",x\n');
    expect(await dataError(readLabels([p], { labelColumn: 0 }))).toBe(notANumber(p, 2, 3));
  });

  it('a label field quoted on one side only keeps its quotes (not a number)', async () => {
    const p = file('1,x\n"1,x\n');
    expect(await dataError(readLabels([p], { labelColumn: 0 }))).toBe(notANumber(p, 2, 4));
    const q = file('1,x\n1",x\n');
    expect(await dataError(readLabels([q], { labelColumn: 0 }))).toBe(notANumber(q, 2, 4)); // the quote opens a quoted run to the end;
  });

  it('a field of two quotes is empty, not a number', async () => {
    const p = file('1,x\n"",x\n');
    expect(await dataError(readLabels([p], { labelColumn: 0 }))).toBe(notANumber(p, 2, 0));
  });
});

describe('read.ts survivors of a clean Stryker run', () => {
  it('a bad label after other columns gives its own size (not its offset in the line)', async () => {
    const p = file('x,1\nxyz,ab\n');
    expect(await dataError(readLabels([p], { labelColumn: 1 }))).toBe(notANumber(p, 2, 2, 1));
  });

  it('a label that only ends with a quote keeps it (not a number); a lone quote is one byte', async () => {
    const p = file('x,1\nx,12"\n');
    expect(await dataError(readLabels([p], { labelColumn: 1 }))).toBe(notANumber(p, 2, 3, 1));
    const q = file('x,1\nx,"\n');
    expect(await dataError(readLabels([q], { labelColumn: 1 }))).toBe(notANumber(q, 2, 1, 1));
  });

  it('-0 in every form the fast path leaves to the slow one reads as +0', async () => {
    const forms = [
      '-0.000000000000000000000000000000',
      '-0e-999',
      '-00000000000000000000000',
      '-0.0e0',
      '-0.',
    ];
    const got = await scores(forms.join('\n') + '\n');
    expect(got).toEqual(forms.map(() => 0));
    expect(got.map((v) => Object.is(v, -0))).toEqual(forms.map(() => false));
  });

  it('no predictions in several files names every file', async () => {
    const a = file('');
    const b = file('');
    expect(await dataError(readPredictions([a, b], { problemType: 'regression' }))).toBe(
      `${a}, ${b}: no predictions found; fix: write one predicted value per line`,
    );
  });
});
