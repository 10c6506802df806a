/**
 * The scan kernel's contract, line by line: which lines it parses itself (the fast path) and which
 * it hands to `slow`, with what bytes and line numbers. read.test.ts checks the values end to end;
 * there a line wrongly sent to the slow path still reads right, so only these tests notice a fast
 * path that quietly stopped being fast (or started taking lines it cannot parse exactly).
 */
import * as fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { scanColumn, scanKernel, type ScanOptions } from '../../../src/metrics/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'metrics-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
function file(text: string | Buffer): string {
  const p = join(dir, `s${seq++}.csv`);
  writeFileSync(p, text);
  return p;
}

const MAX_EXACT = 2n ** 53n - 1n;
const VALUE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?)(\d*))?$/;

/**
 * The fast path's grammar, written out independently: the wanted field of a line without quotes
 * before it is a decimal number, <= 2^53-1 as an integer of all its digits, with a decimal
 * exponent (after moving the point) within ±22 and 1 to 4 exponent digits, followed by the end of
 * the line or (when more values may follow) a comma. Returns the value, or undefined for "slow".
 */
function fastValue(text: string, column: number, single: boolean): number | undefined {
  let at = 0;
  for (let c = 0; c < column; c++) {
    const comma = text.indexOf(',', at);
    if (comma < 0 || text.slice(at, comma).includes('"')) return undefined;
    at = comma + 1;
  }
  const rest = text.slice(at);
  const comma = rest.indexOf(',');
  if (comma >= 0 && single) return undefined;
  const field = comma >= 0 ? rest.slice(0, comma) : rest;
  const m = VALUE.exec(field);
  if (m === null) return undefined;
  const [, , int = '', frac = '', , expDigits] = m;
  if (int.length + frac.length === 0) return undefined;
  if (expDigits !== undefined && (expDigits.length === 0 || expDigits.length > 4)) return undefined;
  if (BigInt(int + frac) > MAX_EXACT) return undefined;
  const exp = (expDigits === undefined ? 0 : Number(`${m[4]}${expDigits}`)) - frac.length;
  if (exp > 22 || exp < -22) return undefined;
  return Number(field) + 0; // -0 reads as 0
}

interface Scanned {
  lines: number;
  values: number[];
  slow: Array<[line: number, text: string]>;
}

/** Runs scanColumn; the slow handler records the line and its bytes and pushes -line as the value. */
async function scan(text: string | Buffer, opts: ScanOptions, capacity = 16): Promise<Scanned> {
  const out = new Float64Builder(capacity);
  const slow: Scanned['slow'] = [];
  const lines = await scanColumn(file(text), opts, out, (buf, s, e, line, into) => {
    slow.push([line, buf.toString('latin1', s, e)]);
    into.push(-line);
  });
  return { lines, values: Array.from(out.finish()), slow };
}

/** What scan() must return for these lines (no BOM, LF or CRLF, with or without a last newline). */
function expected(rows: string[], column: number, single: boolean, skipLines: number): Scanned {
  const values: number[] = [];
  const slow: Scanned['slow'] = [];
  rows.forEach((row, k) => {
    const line = k + 1;
    const v = line > skipLines ? fastValue(row, column, single) : undefined;
    if (v === undefined) {
      slow.push([line, row]);
      values.push(-line);
    } else values.push(v);
  });
  return { lines: rows.length, values, slow };
}

describe('the fast path takes exactly the lines it can parse exactly', () => {
  // Tokens chosen to land on every branch of the inline parser: signs, digit runs around 15-17
  // digits, points, exponents of 0-6 digits, junk, quotes, CR inside a line, and commas.
  const token = fc.constantFrom(
    '0',
    '1',
    '7',
    '00',
    '12345',
    '999999999999999',
    '9007199254740991',
    '9007199254740992',
    '12345678901234567',
    '.',
    '-',
    '+',
    'e',
    'E',
    'e-',
    'e+',
    'e22',
    'e-23',
    'e0001',
    'e00001',
    ',',
    ',',
    '"',
    'x',
    ' ',
    ':',
  );
  const row = fc.array(token, { maxLength: 6 }).map((t) => t.join(''));

  it('property: any row, column, single, skipLines, chunk size, line ending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        async (rows, column, single, skipLines, chunkSize, crlf, lastNewline) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = rows.join(eol) + (lastNewline ? eol : '');
          const got = await scan(text, { column, single, skipLines, chunkSize });
          // A file that ends in a blank line has no extra line: the last newline ends the last row.
          const want = expected(rows, column, single, skipLines);
          if (!lastNewline && rows.at(-1) === '') {
            want.lines--;
            want.values.pop();
            want.slow.pop();
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', undefined],
    ['900719925474099.1', 900719925474099.1],
    ['0000000000000000000000000001', 1],
    ['1e22', 1e22],
    ['1e23', undefined],
    ['1e-22', 1e-22],
    ['1e-23', undefined],
    ['0.0000000000000000000001', 1e-22],
    ['0.00000000000000000000001', undefined],
    ['100e-22', 1e-20],
    ['100e-23', undefined],
    ['1.5e21', 1.5e21],
    ['1.5e22', 1.5e22],
    ['15e22', 1.5e23],
    ['15e23', undefined],
    ['1e0001', 10],
    ['1e9', 1e9],
    ['19e19', 1.9e20],
    ['1e-9', 1e-9],
    ['1e00001', undefined],
    ['1E+2', 100],
    ['1e', undefined],
    ['1e+', undefined],
    ['1e-', undefined],
    ['e5', undefined],
    ['.', undefined],
    ['-', undefined],
    ['+', undefined],
    ['-.', undefined],
    ['', undefined],
    ['.5', 0.5],
    ['5.', 5],
    ['+5', 5],
    ['-5', -5],
    ['-0', 0],
    ['-0.0e5', 0],
    ['--5', undefined],
    ['5-', undefined],
    ['5 ', undefined],
    [' 5', undefined],
    ['5x', undefined],
    ['0x10', undefined],
    ['1.2.3', undefined],
  ])('%j → %p', async (text, value) => {
    expect(fastValue(text, 0, true)).toBe(value); // the model agrees with the table
    const got = await scan(`${text}\n`, { column: 0, single: true });
    if (value === undefined) expect(got).toEqual({ lines: 1, values: [-1], slow: [[1, text]] });
    else {
      expect(got.slow).toEqual([]);
      expect(got.values).toHaveLength(1);
      expect(Object.is(got.values[0], value)).toBe(true);
    }
  });
});

describe('what the slow path is given', () => {
  it('the line without its CR, numbered from 1, and values in file order around it', async () => {
    const got = await scan('1\r\nabc\r\n\r\n2\r\n"q"\n3', { column: 0, single: true, chunkSize: 3 });
    expect(got).toEqual({
      lines: 6,
      values: [1, -2, -3, 2, -5, 3],
      slow: [
        [2, 'abc'],
        [3, ''],
        [5, '"q"'],
      ],
    });
  });

  it('a quote before the wanted column sends the line slow; after it, the value is still read', async () => {
    const got = await scan('"a",1,2\na,1,"b"\na,"1"\n', { column: 1, single: false });
    expect(got.values).toEqual([-1, 1, -3]);
    expect(got.slow.map(([l]) => l)).toEqual([1, 3]);
  });

  it('too few columns, and a value where a single value is required but more follow', async () => {
    expect((await scan('1,2\n1\n1,2,3\n', { column: 2, single: false })).values).toEqual([-1, -2, 3]);
    expect((await scan('1,2\n1\n', { column: 0, single: true })).values).toEqual([-1, 1]);
    expect((await scan('1,2\n1\n', { column: 0, single: false })).values).toEqual([1, 1]);
  });

  it('fast: false sends every line slow; skipLines only the first ones', async () => {
    const text = '1\n2\n3\n4\n';
    expect((await scan(text, { column: 0, single: true, fast: false })).slow.map(([l]) => l)).toEqual([
      1, 2, 3, 4,
    ]);
    expect((await scan(text, { column: 0, single: true, skipLines: 2 })).values).toEqual([-1, -2, 3, 4]);
    expect((await scan(text, { column: 0, single: true, skipLines: 0 })).values).toEqual([1, 2, 3, 4]);
    expect((await scan(text, { column: 0, single: true })).values).toEqual([1, 2, 3, 4]);
  });

  it('values pushed by the slow path that grow the output are kept, in order', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => (i % 3 === 0 ? 'x' : String(i)));
    const out = new Float64Builder(16);
    await scanColumn(
      file(rows.join('\n')),
      { column: 0, single: true, chunkSize: 7 },
      out,
      (_b, _s, _e, line, into) => {
        for (let k = 0; k < 5; k++) into.push(1000 * line + k);
      },
    );
    const want = rows.flatMap((r, i) =>
      r === 'x' ? Array.from({ length: 5 }, (_, k) => 1000 * (i + 1) + k) : [Number(r)],
    );
    expect(Array.from(out.finish())).toEqual(want);
  });
});

describe('files and ranges', () => {
  it('an empty file has no lines; a lone newline is one blank line', async () => {
    expect(await scan('', { column: 0, single: true })).toEqual({ lines: 0, values: [], slow: [] });
    expect(await scan('\n', { column: 0, single: true })).toEqual({
      lines: 1,
      values: [-1],
      slow: [[1, '']],
    });
  });

  it('a BOM is skipped at the start of the file, even when the first chunk is shorter than the line', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const chunkSize of [1, 2, 3, 4, 64]) {
      const got = await scan(Buffer.concat([bom, Buffer.from('12.5\n7\n')]), {
        column: 0,
        single: true,
        chunkSize,
      });
      expect(got).toEqual({ lines: 2, values: [12.5, 7], slow: [] });
    }
    // Only the three BOM bytes together: any other first three bytes are the line's own.
    for (const start of [[0xef], [0xef, 0xbb], [0x31, 0xbb, 0xbf], [0xef, 0x31, 0xbf], [0xef, 0xbb, 0x31]]) {
      const bytes = Buffer.from([...start, 0x32, 0x0a]);
      const got = await scan(bytes, { column: 0, single: true });
      expect(got.slow).toEqual([[1, bytes.toString('latin1', 0, bytes.length - 1)]]);
    }
  });

  it('lines longer than the chunk, of every length around the buffer size, are read whole', async () => {
    for (let len = 1; len <= 20; len++) {
      const value = '1'.repeat(Math.min(len, 15)) + (len > 15 ? `,${'2'.repeat(len - 16)}` : '');
      const rows = [value, '3', value];
      for (const chunkSize of [1, 2, 4, 8, 15, 16]) {
        const got = await scan(`${rows.join('\n')}\n`, { column: 0, single: false, chunkSize });
        expect(got).toEqual(expected(rows, 0, false, 0));
      }
    }
  });

  it('newline search at every alignment: fields after the value, slow lines of every length', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i % 2 ? `${i},${'y'.repeat(i)}` : `${'z'.repeat(i)}`));
    for (const chunkSize of [5, 13, 1 << 20]) {
      expect(await scan(rows.join('\n'), { column: 0, single: false, chunkSize })).toEqual(
        expected(rows, 0, false, 0),
      );
    }
  });

  it('scanRange reads only [from, to), numbers lines after firstLine, and skips no BOM past byte 0', async () => {
    const kernel = scanKernel();
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const text = Buffer.concat([Buffer.from('1\n2\n'), bom, Buffer.from('3\n4\n5\n')]);
    const p = file(text);
    const run = (from: number, to: number, firstLine: number, chunkSize?: number) => {
      const out = new Float64Builder(16);
      const slow: number[] = [];
      const last = kernel.scanRange(
        fs,
        p,
        from,
        to,
        firstLine,
        { column: 0, single: true, chunkSize },
        out,
        (_b, _s, _e, line, into) => {
          slow.push(line);
          into.push(-line);
        },
      );
      return { last, values: Array.from(out.finish()), slow };
    };
    expect(run(0, 4, 0)).toEqual({ last: 2, values: [1, 2], slow: [] });
    expect(run(4, Infinity, 10)).toEqual({ last: 13, values: [-11, 4, 5], slow: [11] });
    expect(run(4, 9, 10, 2)).toEqual({ last: 11, values: [-11], slow: [11] });
    expect(run(9, 11, 5, 1)).toEqual({ last: 6, values: [4], slow: [] });
    expect(run(0, Infinity, 0, 3)).toEqual({ last: 5, values: [1, 2, -3, 4, 5], slow: [3] });
  });

  it('closes the file it opened, also when the slow path throws', async () => {
    const opened: number[] = [];
    const closed: number[] = [];
    const fsys = {
      openSync: ((...a: Parameters<typeof fs.openSync>) => {
        const fd = fs.openSync(...a);
        opened.push(fd);
        return fd;
      }) as typeof fs.openSync,
      readSync: fs.readSync,
      closeSync: (fd: number) => {
        closed.push(fd);
        fs.closeSync(fd);
      },
    };
    const p = file('1\nx\n');
    expect(() =>
      scanKernel().scanRange(
        fsys,
        p,
        0,
        Infinity,
        0,
        { column: 0, single: true },
        new Float64Builder(),
        () => {
          throw new Error('bad line');
        },
      ),
    ).toThrow('bad line');
    expect(closed).toEqual(opened);
    expect(opened).toHaveLength(1);
  });
});
