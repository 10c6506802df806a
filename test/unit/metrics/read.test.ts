import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DataError, readLabels, readPredictions } from '../../../src/metrics/read.js';
import { parseNumberBytes } from '../../../src/metrics/parse-number.js';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { scanColumn } from '../../../src/metrics/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'metrics-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
function file(text: string | Buffer): string {
  const p = join(dir, `f${seq++}.csv`);
  writeFileSync(p, text);
  return p;
}

async function dataError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as Error).message;
  }
  throw new Error('expected a DataError');
}

describe('parseNumberBytes', () => {
  const parse = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    return parseNumberBytes(b, 0, b.length);
  };
  it('parses exactly what Number() parses, for decimal numbers', () => {
    for (const s of [
      '0',
      '1',
      '-0.5',
      '+.25',
      '5.',
      '1e-7',
      '1.7976931348623157e308',
      '0.1',
      '0.30000000000000004',
      '123456789012345678901234',
      '4.9e-324',
      '2.5E+3',
      ' 0.75 ',
      '0.60708582\r',
    ]) {
      expect(parse(s)).toBe(Number(s.trim()));
    }
  });
  it('returns NaN for anything that is not a decimal number', () => {
    for (const s of [
      '',
      ' ',
      'nan',
      'NaN',
      'inf',
      '-Infinity',
      '0x10',
      '1_000',
      '1e',
      '--1',
      '.',
      '-',
      '1.2.3',
      'abc',
      '1,2',
      '1e5x',
    ]) {
      expect(parse(s)).toBeNaN();
    }
  });
  it('property: equals Number(text) for any double printed any way', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 20 }),
        (d, digits) => {
          for (const text of [
            String(d),
            d.toExponential(),
            d.toPrecision(digits + 1),
            Math.abs(d) < 1e20 ? d.toFixed(Math.min(digits, 20)) : String(d),
          ]) {
            expect(Object.is(parse(text), Number(text)) || (parse(text) === 0 && Number(text) === 0)).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('scanColumn edge cases', () => {
  it('skips a UTF-8 BOM, accepts CRLF and a last line without newline, and lines spanning chunks', async () => {
    const p = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('0.25\r\n0.5\n0.75')]));
    const out = new Float64Builder(2);
    const lines = await scanColumn(p, { column: 0, single: true, chunkSize: 4 }, out, () => {
      throw new Error('no slow lines expected');
    });
    expect([lines, ...out.finish()]).toEqual([3, 0.25, 0.5, 0.75]);
    const long = `${'1'.repeat(10)},${'x'.repeat(50)}`;
    const out2 = new Float64Builder(2);
    await scanColumn(file(`${long}\n${long}\n`), { column: 0, single: false, chunkSize: 8 }, out2, () => {
      throw new Error('no slow lines expected');
    });
    expect(Array.from(out2.finish())).toEqual([1111111111, 1111111111]);
  });
});

describe('readLabels', () => {
  it('reads the label column across files, with header and quotes', async () => {
    const a = file('label,x\n1,0.5\n0,"a,b"\n');
    const b = file('"1",2\n0,3');
    expect(Array.from(await readLabels([a], { labelColumn: 0, hasHeader: true }))).toEqual([1, 0]);
    expect(Array.from(await readLabels([b], { labelColumn: 0 }))).toEqual([1, 0]);
    expect(Array.from(await readLabels([file('0.1,1\n0.2,0\n')], { labelColumn: 1 }))).toEqual([1, 0]);
  });
  it('fails closed naming file, line and fix, never the content (it may be personal data)', async () => {
    const p = file('1,2\nsecret-ssn-123,3\n');
    const msg = await dataError(readLabels([p], { labelColumn: 0 }));
    expect(msg).toContain(
      `${p}:2: the label in column 0 (14 bytes; content not shown) is not a finite number`,
    );
    expect(msg).not.toContain('secret');
    expect(msg).toContain('fix:');
    expect(await dataError(readLabels([file('1,2\n\n0,1\n')], { labelColumn: 0 }))).toMatch(/:2: empty line/);
    expect(await dataError(readLabels([file('1,2\n0\n')], { labelColumn: 1 }))).toMatch(/:2: has 1 column/);
    expect(await dataError(readLabels([join(dir, 'missing.csv')], { labelColumn: 0 }))).toMatch(
      /cannot read/,
    );
    expect(await dataError(readLabels([file('label,x\n1,2\n')], { labelColumn: 0 }))).toMatch(
      /declare the header/,
    );
  });
});

describe('readPredictions', () => {
  it('reads one score per line, comma rows (multiclass) and JSON lines', async () => {
    const r = await readPredictions([file('0.1\n0.9\n'), file('1\n0')], {
      problemType: 'binary-classification',
    });
    expect(Array.from(r.scores)).toEqual([0.1, 0.9, 1, 0]);
    expect(r.rows).toBe(4);
    const j = await readPredictions([file('{"score":0.25}\n{"predictions":[0.5]}\n[0.75]\n')], {
      problemType: 'binary-classification',
    });
    expect(Array.from(j.scores)).toEqual([0.25, 0.5, 0.75]);
    const m = await readPredictions([file('0.1,0.7,0.2\n0.5,0.2,0.3\n')], {
      problemType: 'multiclass-classification',
      numClasses: 3,
    });
    expect(Array.from(m.scores)).toEqual([1, 0]);
    expect(m.probabilities!.map((c) => Array.from(c))).toEqual([
      [0.1, 0.5],
      [0.7, 0.2],
      [0.2, 0.3],
    ]);
    const reg = await readPredictions([file('-3.5\n1e3\n')], { problemType: 'regression' });
    expect(Array.from(reg.scores)).toEqual([-3.5, 1000]);
  });
  it('fails closed on NaN, empty, non-numeric, out-of-range and ragged predictions', async () => {
    const bin = { problemType: 'binary-classification' as const };
    const p = file('0.1\nNaN\n');
    const msg = await dataError(readPredictions([p], bin));
    expect(msg).toContain(`${p}:2: a prediction (3 bytes; content not shown) is not a finite number`);
    const j = file('0.1\n{"ssn": "secret-123"}\n');
    const jmsg = await dataError(readPredictions([j], bin));
    expect(jmsg).toContain(`${j}:2: cannot read a prediction from this JSON`);
    expect(jmsg).not.toContain('secret');
    expect(msg).toContain('fix:');
    expect(await dataError(readPredictions([file('0.1\n\n0.2\n')], bin))).toMatch(/:2: empty prediction/);
    expect(await dataError(readPredictions([file('0.1\nabc\n')], bin))).toMatch(
      /:2: a prediction \(3 bytes; content not shown\)/,
    );
    expect(await dataError(readPredictions([file('0.1\n1.5\n')], bin))).toMatch(
      /:2: score 1.5 is outside \[0, 1\]/,
    );
    expect(await dataError(readPredictions([file('0.1,0.9\n')], bin))).toMatch(/:1: 2 values on one line/);
    expect(await dataError(readPredictions([file('{"x":1}\n')], bin))).toMatch(
      /:1: cannot read a prediction from this JSON/,
    );
    expect(await dataError(readPredictions([file('')], bin))).toMatch(/no predictions/);
    const multi = { problemType: 'multiclass-classification' as const };
    expect(await dataError(readPredictions([file('0.2,0.8\n0.1,0.2,0.7\n')], multi))).toMatch(
      /:2: 3 value\(s\) where earlier lines had 2/,
    );
    expect(await dataError(readPredictions([file('0.2,0.8\n')], { ...multi, numClasses: 3 }))).toMatch(
      /expected 3/,
    );
    expect(await dataError(readPredictions([file('0.2,1.8\n')], multi))).toMatch(/outside \[0, 1\]/);
    expect(await dataError(readPredictions([file('1e400\n')], { problemType: 'regression' }))).toMatch(
      /not a finite number/,
    );
    const second = file('0.5\n0.25\n7\n');
    expect(await dataError(readPredictions([file('0.1\n'), second], bin))).toContain(
      `${second}:3: score 7 is outside [0, 1]`,
    );
    expect(await dataError(readPredictions([file('0.2,0.8\n1\n')], multi))).toMatch(
      /:2: 1 value\(s\) where earlier lines had 2/,
    );
    expect(await dataError(readPredictions([file('1\n0.2,0.8\n')], multi))).toMatch(
      /:2: 2 value\(s\) where earlier lines had 1/,
    );
  });
  it('fuzz: arbitrary bytes either parse to finite numbers or fail with a DataError, never NaN silently', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.double().map(String),
            fc.constantFrom('nan', '', ' ', '{}', '[1,2]', '0.5', '1,0', '\r'),
          ),
          { maxLength: 8 },
        ),
        fc.constantFrom('binary-classification', 'multiclass-classification', 'regression') as fc.Arbitrary<
          'binary-classification' | 'multiclass-classification' | 'regression'
        >,
        async (lines, problemType) => {
          const p = file(lines.join('\n'));
          try {
            const r = await readPredictions([p], { problemType });
            for (const v of r.scores) expect(Number.isFinite(v)).toBe(true);
            if (problemType === 'binary-classification')
              for (const v of r.scores) expect(v >= 0 && v <= 1).toBe(true);
            for (const col of r.probabilities ?? [])
              for (const v of col) expect(Number.isFinite(v)).toBe(true);
          } catch (err) {
            if (!(err instanceof DataError)) throw err;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scanColumn (the fast path)', () => {
  const texts = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((d) => d.toFixed(6)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => d.toExponential(8)),
    fc.integer().map(String),
    fc.constantFrom(
      '0',
      '-0',
      '1',
      '0.5',
      '.5',
      '5.',
      '+1',
      '1e5',
      '1E-5',
      '0.30000000000000004',
      '123456789012345678',
    ),
  );
  it('property: values equal Number(text) across chunk boundaries, any column, CRLF or LF', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(texts, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.integer({ min: 4, max: 64 }),
        async (values, column, crlf, chunkSize) => {
          const rows = values.map((v, i) =>
            [...Array.from({ length: column }, (_, k) => `${k}.5`), v, `${i}`].join(','),
          );
          const p = file(rows.join(crlf ? '\r\n' : '\n'));
          const out = new Float64Builder(4);
          const slowLines: number[] = [];
          await scanColumn(p, { column, single: false, chunkSize }, out, (buf, s, e, line, into) => {
            slowLines.push(line);
            let fs = s;
            let c = 0;
            while (c < column) if (buf[fs++] === 44) c++;
            let fe = fs;
            while (fe < e && buf[fe] !== 44) fe++;
            into.push(parseNumberBytes(buf, fs, fe));
          });
          expect(Array.from(out.finish())).toEqual(values.map((v) => Number(v) + 0));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('sends blank, quoted, junk, short and multi-value lines to the slow path', async () => {
    const p = file('0.5\n\n"1"\nabc\n1,2\n0.25');
    const slow: string[] = [];
    const out = new Float64Builder(4);
    await scanColumn(p, { column: 0, single: true, chunkSize: 5 }, out, (buf, s, e, line) =>
      slow.push(`${line}:${buf.toString('utf8', s, e)}`),
    );
    expect(Array.from(out.finish())).toEqual([0.5, 0.25]);
    expect(slow).toEqual(['2:', '3:"1"', '4:abc', '5:1,2']);
    const q = file('a,b\n1\n');
    const slow2: number[] = [];
    await scanColumn(
      q,
      { column: 1, single: false, skipLines: 1 },
      new Float64Builder(4),
      (_b, _s, _e, line) => slow2.push(line),
    );
    expect(slow2).toEqual([1, 2]);
  });
});
