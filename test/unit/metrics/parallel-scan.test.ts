/**
 * scanColumnParallel (a worker thread scans a big file's second half) gives exactly scanColumn's
 * values, line count and errors. Not run under mutation testing (stryker.config.mjs): the
 * instrumented kernel cannot run as worker source, so there every scan takes the fallback.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Float64Builder } from '../../../src/metrics/lines.js';
import { parallelScanStats, scanColumnParallel } from '../../../src/metrics/parallel-scan.js';
import { parseNumberBytes } from '../../../src/metrics/parse-number.js';
import { readLabels, readPredictions } from '../../../src/metrics/read.js';
import { scanColumn, type ScanOptions, type SlowLine } from '../../../src/metrics/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'parallel-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
function file(text: string | Buffer): string {
  const p = join(dir, `f${seq++}.csv`);
  writeFileSync(p, text);
  return p;
}

/** A reader-like slow handler: a header line is skipped, a quoted or plain value parsed, anything else throws naming the line. */
const slow =
  (column: number): SlowLine =>
  (buf, start, end, line, out) => {
    const text = buf.toString('latin1', start, end);
    if (text.startsWith('h')) return;
    const field = (text.split(',')[column] ?? '').replace(/^"(.*)"$/, '$1');
    const b = Buffer.from(field, 'latin1');
    const v = parseNumberBytes(b, 0, b.length);
    if (!Number.isFinite(v)) throw new Error(`line ${line}: bad value ${JSON.stringify(field)}`);
    out.push(v);
  };

async function both(p: string, opts: ScanOptions) {
  const run = async (parallel: boolean) => {
    const out = new Float64Builder(4);
    try {
      const lines = parallel
        ? await scanColumnParallel(p, opts, out, slow(opts.column), 0)
        : await scanColumn(p, opts, out, slow(opts.column));
      return { lines, values: Array.from(out.data.subarray(0, out.length)) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
  return { seq: await run(false), par: await run(true) };
}

const body = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

describe('scanColumnParallel', () => {
  it('uses the worker for a clean second half and matches scanColumn (values, lines), any column', async () => {
    const before = parallelScanStats.workerHalves;
    for (const column of [0, 1, 2]) {
      const p = file(`${body(2000, (i) => `${i % 2},${(i * 0.37).toFixed(3)},${i}e-3`)}\n`);
      const { seq: s, par } = await both(p, { column, single: false, chunkSize: 256 });
      expect(par).toEqual(s);
      expect(s.values).toHaveLength(2000);
    }
    expect(parallelScanStats.workerHalves).toBe(before + 3);
  });
  it('a header, a BOM, CRLF and a last line without newline stay in the right places', async () => {
    const before = parallelScanStats.workerHalves;
    const p = file(`\ufeffh,x\r\n${body(999, (i) => `${i},${i + 1}`).replace(/\n/g, '\r\n')}`);
    const { seq: s, par } = await both(p, { column: 1, single: false, skipLines: 1 });
    expect(par).toEqual(s);
    expect(parallelScanStats.workerHalves).toBe(before + 1); // the header does not stop the worker
    expect(s.lines).toBe(1000);
    expect(s.values!.at(-1)).toBe(999);
  });
  it('a slow line in the second half: the worker gives up, this thread finishes with true line numbers', async () => {
    const before = parallelScanStats.fallbacks;
    const lines = Array.from({ length: 1000 }, (_, i) => `${i / 1000}`);
    lines[900] = '"0.25"';
    const { seq: s, par } = await both(file(lines.join('\n') + '\n'), { column: 0, single: true });
    expect(par).toEqual(s);
    expect(s.values![900]).toBe(0.25);
    lines[950] = 'junk';
    const bad = await both(file(lines.join('\n') + '\n'), { column: 0, single: true });
    expect(bad.par).toEqual(bad.seq);
    expect(bad.seq.error).toBe('line 951: bad value "junk"');
    expect(parallelScanStats.fallbacks).toBe(before + 2);
  });
  it('an error in the first half is reported (the worker is stopped)', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${i / 1000}`);
    lines[10] = 'x';
    lines[900] = 'y';
    const { seq: s, par } = await both(file(lines.join('\n') + '\n'), { column: 0, single: true });
    expect(par).toEqual(s);
    expect(s.error).toBe('line 11: bad value "x"');
  });
  it('property: equals scanColumn on arbitrary lines of numbers and junk', async () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom('', '"1"', '1:', '1.', 'x', ' 2 ', '1e5', '-0'),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 3 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        async (rows, eol, single, column) => {
          const p = file(rows.join(eol) + eol);
          const { seq: s, par } = await both(p, { column, single, chunkSize: 16 });
          expect(par).toEqual(s);
        },
      ),
      { numRuns: 40 },
    );
  });
  it('the readers use it on big files (>= 16 MiB) with identical results', async () => {
    const n = 1_200_000;
    const labels = Buffer.alloc(n * 24);
    const preds = Buffer.alloc(n * 9);
    let lo = 0;
    let po = 0;
    for (let i = 0; i < n; i++) {
      const y = (i * 7) % 3 === 0 ? 1 : 0;
      const s = ((i * 7919) % 100000) / 100000;
      lo += labels.write(`${y},${i % 1000},7.25,abcdef\n`, lo, 'latin1');
      po += preds.write(`${s}\n`, po, 'latin1');
    }
    const lf = file(labels.subarray(0, lo));
    const pf = file(Buffer.concat([preds.subarray(0, po), preds.subarray(0, po)]));
    const before = parallelScanStats.workerHalves;
    const l = await readLabels([lf, lf], { labelColumn: 0 });
    const p = await readPredictions([pf], { problemType: 'binary-classification' });
    expect(parallelScanStats.workerHalves).toBeGreaterThanOrEqual(before + 3);
    expect(l.length).toBe(2 * n);
    expect(p.scores.length).toBe(2 * n);
    for (const i of [0, 1, n - 1, n, n + 1, 2 * n - 1, 654321]) {
      const k = i % n;
      expect(l[i]).toBe((k * 7) % 3 === 0 ? 1 : 0);
      expect(p.scores[i]).toBe(((k * 7919) % 100000) / 100000);
    }
  });
});
