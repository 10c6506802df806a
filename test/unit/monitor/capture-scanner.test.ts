/**
 * The fast capture reader against references: the line scanner (with its template fast path)
 * against JSON.parse on random records and random damage; the fused CSV number parsing against
 * splitting fields and classifying each; whole capture files (escapes, base64, CRLF, a BOM, a
 * truncated last line) against decoding every record with JSON.parse; and the statistics of one
 * worker against several.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_STRING, SLOT_PATHS } from '../../../src/monitor/capture-slots.js';
import { CaptureLineScanner } from '../../../src/monitor/json-scan.js';
import { scanCaptureBatch, scanCaptureRange } from '../../../src/monitor/capture-scan.js';
import {
  batchBytes,
  CHUNK_BYTES,
  planBatches,
  scanCapture,
  TARGET_BATCHES,
} from '../../../src/monitor/scan-pool.js';
import { stopWorkers } from '../../../src/workers/pool.js';
import { feedCsv, newSink, type RowSink } from '../../../src/monitor/payload.js';
import { MonitorDataError } from '../../../src/monitor/errors.js';
import { FeatureProfile } from '../../../src/monitor/profile.js';

const tmp = mkdtempSync(join(tmpdir(), 'capture-scanner-test-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await stopWorkers();
});

/** The value at a slot's path in a parsed record. */
function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const o = v as Record<string, unknown>;
    v = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
  }
  return v;
}

/** Where the scanner's view of a slot differs from JSON.parse's (empty when none does). */
function slotDiffs(sc: CaptureLineScanner, doc: unknown): unknown[] {
  const out: unknown[] = [];
  SLOT_PATHS.forEach((path, slot) => {
    const v = at(doc, path);
    const want = v === undefined ? -1 : typeof v !== 'string' ? NOT_STRING : v;
    const got = v === undefined || typeof v !== 'string' ? sc.starts[slot] : sc.text(slot);
    if (got !== want) out.push({ path, got, want });
  });
  return out;
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    '',
    'CSV',
    'BASE64',
    'a"b',
    'back\\slash',
    '1,2\r\n3,4\n',
    '\u2028',
    '\ud83d\ude00',
    '\u0000\u001f',
  ),
);
const meta = fc.record(
  { eventId: text, inferenceTime: text, inferenceId: fc.oneof(text, fc.integer()) },
  { requiredKeys: ['eventId'] },
);
const io = fc.record(
  {
    observedContentType: text,
    mode: text,
    data: fc.oneof(text, fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 })),
    encoding: text,
  },
  { requiredKeys: ['data'] },
);
const recordDoc = fc.record(
  {
    captureData: fc.record({ endpointInput: io, endpointOutput: io }, { requiredKeys: [] }),
    eventMetadata: meta,
    eventVersion: fc.oneof(text, fc.integer()),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ['captureData'] },
);
/** How a record is written: compact, indented (one line, spaces), or with reordered keys. */
const style = fc.constantFrom('compact', 'spaced', 'reversed');
function write(doc: Record<string, unknown>, how: string): string {
  if (how === 'spaced') return JSON.stringify(doc, null, 1).replace(/\n/g, ' ');
  if (how === 'reversed') return JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()));
  return JSON.stringify(doc);
}

describe('CaptureLineScanner (with its template fast path) vs JSON.parse', () => {
  it('reads every slot as JSON.parse does, over runs of same-layout lines and layout changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(recordDoc, style, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 6 }),
        (groups) => {
          const sc = new CaptureLineScanner();
          for (const [doc, how, copies] of groups) {
            // the same layout repeated (the template is built, refined after 32 lines, reused),
            // with the varying values changed
            for (let c = 0; c < copies; c++) {
              const d = structuredClone(doc) as Record<string, unknown>;
              const m = d.eventMetadata as Record<string, unknown> | undefined;
              if (m && typeof m.eventId === 'string') m.eventId = `${m.eventId}-${c}`;
              const line = write(d, how);
              const buf = Buffer.from(`  ${line}\n`);
              if (!sc.scan(buf, 2, buf.length - 1)) expect(sc.error).toBe('');
              const diffs = slotDiffs(sc, d);
              if (diffs.length) expect(diffs).toEqual([]);
            }
          }
          expect(sc.fastLines + sc.slowLines).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses the template for same-layout lines', () => {
    const sc = new CaptureLineScanner();
    for (let i = 0; i < 100; i++) {
      const buf = Buffer.from(
        JSON.stringify({
          captureData: { endpointInput: { data: `${i},x\n`, encoding: 'CSV' } },
          eventMetadata: { eventId: `e${i}`, inferenceTime: '2026-11-30T10:00:00Z' },
        }),
      );
      expect(sc.scan(buf, 0, buf.length)).toBe(true);
      expect(sc.text(0)).toBe(`${i},x\n`);
    }
    expect(sc.slowLines).toBe(1);
    expect(sc.fastLines).toBe(99);
  });

  it('keeps its template when the reader reuses the buffer the template came from', () => {
    const sc = new CaptureLineScanner();
    const line = (i: number) =>
      JSON.stringify({
        captureData: { endpointInput: { data: `${i}`, encoding: 'CSV' } },
        eventMetadata: { eventId: `e${i}` },
      });
    const buf = Buffer.alloc(4096, 32);
    for (let i = 0; i < 40; i++) {
      buf.fill(32);
      const n = buf.write(line(i));
      expect(sc.scan(buf, 0, n)).toBe(true);
      expect(sc.text(0)).toBe(`${i}`);
      buf.fill(120); // the reader refills the buffer
    }
    expect(sc.fastLines).toBe(39);
  });

  describe('compares literal bytes eight at a time only where that is exact', () => {
    /** A record whose constant `mode` string holds `raw` bytes (no escapes: the scanner takes them raw). */
    const record = (i: number, raw: Buffer) =>
      Buffer.concat([
        Buffer.from('{"captureData":{"endpointInput":{"mode":"'),
        raw,
        Buffer.from(`","data":"${i},x\\n","encoding":"CSV"}},"eventMetadata":{"eventId":"e${i}"}}`),
      ]);
    /** Scans 40 lines (the template folds the constant in after 32), then `last`; the fast line count. */
    const run = (raw: Buffer, last?: Buffer) => {
      const sc = new CaptureLineScanner();
      for (let i = 0; i < 40; i++) {
        const b = record(i, raw);
        expect(sc.scan(b, 0, b.length)).toBe(true);
        expect(sc.text(0)).toBe(`${i},x\n`);
      }
      const fast = sc.fastLines;
      if (last) sc.scan(last, 0, last.length);
      return { fast, lastWasFast: sc.fastLines > fast };
    };

    it('a literal whose words could read as NaN (0x7f on top) still matches its lines', () => {
      // bytes 0xf0 0x7f: a word ending in them is a NaN as a double (never equal to itself); a
      // space between two runs of them puts 0x7f on top of a word at either parity
      const pairs = Array.from({ length: 9 }, () => [0xf0, 0x7f]).flat();
      const raw = Buffer.from([...pairs, 0x20, ...pairs]);
      expect(run(raw).fast).toBe(39);
    });

    it('a literal holding NUL bytes: a line with one byte changed to 0x80 is not taken for a match', () => {
      // eight NULs as a double are +0; with 0x80 on top, -0, which compares equal
      const raw = Buffer.alloc(16);
      for (let at = 0; at < raw.length; at++) {
        const changed = Buffer.from(raw);
        changed[at] = 0x80;
        expect(run(raw, record(40, changed)).lastWasFast).toBe(false);
      }
    });
  });

  it('accepts a damaged line exactly when JSON.parse does (truncation, inserted or replaced bytes)', () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    const damage = fc.oneof(
      fc.record({ kind: fc.constant('cut'), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert'),
        at: fc.nat(),
        ch: fc.oneof(printable, fc.constantFrom('"', '\\', '{', '}', ',', ':')),
      }),
      fc.record({
        kind: fc.constant('replace'),
        at: fc.nat(),
        ch: fc.oneof(printable, fc.constantFrom('"', '\\', ']', '}')),
      }),
    );
    fc.assert(
      fc.property(recordDoc, fc.integer({ min: 0, max: 40 }), damage, (doc, warm, d) => {
        const sc = new CaptureLineScanner();
        const good = JSON.stringify(doc);
        // warm up: the template of this layout is active when the damaged line comes
        for (let i = 0; i < warm; i++) {
          const b = Buffer.from(good);
          expect(sc.scan(b, 0, b.length)).toBe(true);
        }
        const i = d.at % (good.length + 1);
        const bad =
          d.kind === 'cut'
            ? good.slice(0, i)
            : d.kind === 'insert'
              ? good.slice(0, i) + (d as { ch: string }).ch + good.slice(i)
              : good.slice(0, i) + (d as { ch: string }).ch + good.slice(i + 1);
        let parsed: unknown;
        let valid = true;
        try {
          parsed = JSON.parse(Buffer.from(bad).toString('utf8'));
        } catch {
          valid = false;
        }
        valid &&= parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
        const buf = Buffer.from(bad);
        expect(sc.scan(buf, 0, buf.length)).toBe(valid);
        // (a cut through a surrogate pair is U+FFFD in UTF-8: compare with the bytes' own text)
        if (valid) expect(slotDiffs(sc, JSON.parse(buf.toString('utf8')))).toEqual([]);
        else expect(sc.error).not.toBe('');
      }),
      { numRuns: 400 },
    );
  });
});

/** The plain way: split fields at commas and newlines, classify each (what feedCsv did before). */
function referenceCsv(sink: RowSink, text: string): void {
  const rows = text.split(/\r\n|\n|\r/);
  if (rows.at(-1) === '') rows.pop();
  for (const row of rows) {
    const fields = row.split(',');
    fields.forEach((f, i) => {
      while (sink.profiles.length <= i) sink.profiles.push(new FeatureProfile());
      const b = Buffer.from(f);
      sink.profiles[i]!.addField(b, 0, b.length);
    });
    sink.rows++;
    sink.columnCounts.set(fields.length, (sink.columnCounts.get(fields.length) ?? 0) + 1);
  }
}

describe('category counts', () => {
  it('count each value once even when the reader reuses its buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('SP', 'RJ', 'MG', 'São', 'a\\b', 'x'), { maxLength: 200 }),
        (values) => {
          const p = new FeatureProfile();
          const buf = Buffer.alloc(64);
          for (const v of values) {
            const n = buf.write(v);
            p.addField(buf, 0, n);
            buf.fill(0x51); // overwritten, as a refill does
          }
          const want = new Map<string, number>();
          for (const v of values) want.set(v, (want.get(v) ?? 0) + 1);
          expect(new Map(p.categories)).toEqual(want);
        },
      ),
    );
  });
});

describe('feedCsv fused number parsing', () => {
  const field = fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x.toFixed(Math.abs(x) < 1e6 ? 3 : 0)),
    fc.constantFrom(
      '',
      '-',
      '.',
      '-.5',
      '5.',
      '+3',
      '- 4',
      '007',
      '-0',
      '-0.0',
      '1e5',
      'true',
      'SP',
      '12ab',
      '99999999999999999999',
      '0.12345678901234567890123',
    ),
    fc.stringMatching(/^-?\d{0,25}(\.\d{0,25})?$/),
  );
  it('gives the profiles that splitting and classifying each field gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, nl) => {
          const csv = rows.map((r) => r.join(',')).join(nl) + nl;
          const fast = newSink();
          const b = Buffer.from(csv);
          expect(feedCsv(fast, b, 0, b.length)).toBeNull();
          const ref = newSink();
          referenceCsv(ref, csv);
          expect(fast.rows).toBe(ref.rows);
          expect([...fast.columnCounts]).toEqual([...ref.columnCounts]);
          expect(fast.profiles.map((p) => p.toData())).toEqual(ref.profiles.map((p) => p.toData()));
          // the same rows still JSON-escaped (\n as backslash-n) read in place
          const escaped = Buffer.from(JSON.stringify(csv).slice(1, -1));
          const inPlace = newSink();
          expect(feedCsv(inPlace, escaped, 0, escaped.length, true)).toBeNull();
          expect(inPlace.profiles.map((p) => p.toData())).toEqual(ref.profiles.map((p) => p.toData()));
        },
      ),
      { numRuns: 200 },
    );
  });
});

const NAMES = ['a', 'b', 'c'];
function captureLine(i: number, payload: string, how: 'csv' | 'base64'): string {
  const data = how === 'csv' ? payload : Buffer.from(payload).toString('base64');
  return JSON.stringify({
    captureData: {
      endpointInput: {
        observedContentType: 'text/csv',
        mode: 'INPUT',
        data,
        encoding: how === 'csv' ? 'CSV' : 'BASE64',
      },
      endpointOutput: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.5', encoding: 'CSV' },
    },
    eventMetadata: {
      eventId: `e-${i}`,
      inferenceTime: `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z`,
    },
    eventVersion: '0',
  });
}

let n = 0;
function writeFile(text: string | Buffer): { path: string; size: number } {
  const p = join(tmp, `f${n++}.jsonl`);
  writeFileSync(p, text);
  return { path: p, size: Buffer.byteLength(text) };
}

function task(f: { path: string; size: number }) {
  return {
    file: f.path,
    start: 0,
    end: f.size,
    sinceMs: -Infinity,
    untilMs: Infinity,
    featureNames: NAMES,
    collectPredictions: false,
    requireInput: true,
  };
}

describe('capture files vs decoding every record with JSON.parse', () => {
  const cell = fc.oneof(
    fc.integer({ min: -999, max: 999 }).map(String),
    fc.integer({ min: 0, max: 99999 }).map((x) => (x / 100).toFixed(2)),
    fc.constantFrom('SP', 'RJ', '', 'say "hi"', 'São Paulo', 'a\\b', 'x/y', '\t'),
  );
  const row = fc
    .array(cell, { minLength: 3, maxLength: 3 })
    .map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  it('gives the statistics of the decoded payloads (escapes, base64, CRLF), in one range or many', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.array(row, { minLength: 1, maxLength: 3 }),
            fc.constantFrom('csv', 'base64') as fc.Arbitrary<'csv' | 'base64'>,
            fc.constantFrom('\n', '\r\n'),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        fc.constantFrom('\n', '\r\n'),
        async (records, lineEnd) => {
          const lines = records.map(([rows, how, nl], i) => captureLine(i, rows.join(nl) + nl, how));
          const f = writeFile(lines.join(lineEnd) + lineEnd);
          const got = scanCaptureRange(task(f));
          const ref = newSink();
          for (const line of lines) {
            const d = JSON.parse(line).captureData.endpointInput;
            const payload = d.encoding === 'BASE64' ? Buffer.from(d.data, 'base64') : Buffer.from(d.data);
            expect(feedCsv(ref, payload, 0, payload.length)).toBeNull();
          }
          expect(got.records).toBe(lines.length);
          expect(got.sink.rows).toBe(ref.rows);
          expect(got.sink.profiles.map((p) => p.toData())).toEqual(ref.profiles.map((p) => p.toData()));
          // many small ranges merged in order: the same statistics
          const pooled = await scanCapture({
            files: [f],
            sinceMs: -Infinity,
            untilMs: Infinity,
            featureNames: NAMES,
            collectPredictions: false,
            requireInput: true,
            workers: 1,
            chunkBytes: 512,
          });
          expect(pooled.records).toBe(lines.length);
          expect(pooled.sink.rows).toBe(ref.rows);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a file bigger than its read buffer (refills, with the template and category cache) as JSON.parse does', () => {
    const states = ['SP', 'RJ', 'MG', 'RS', 'São', 'a\\b', '"say ""x"""'];
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 9 << 20; i++) {
      const payload = `${(i * 37) % 1001},${((i * 7919) % 10007) / 100},${states[i % states.length]}\n`;
      const line = captureLine(i, payload, i % 50 === 0 ? 'base64' : 'csv');
      lines.push(line);
      size += line.length + 2;
    }
    const f = writeFile(lines.join('\r\n') + '\r\n');
    const got = scanCaptureRange(task(f));
    const ref = newSink();
    for (const line of lines) {
      const d = JSON.parse(line).captureData.endpointInput;
      const payload = d.encoding === 'BASE64' ? Buffer.from(d.data, 'base64') : Buffer.from(d.data);
      feedCsv(ref, payload, 0, payload.length);
    }
    expect(got.records).toBe(lines.length);
    expect(got.sink.profiles.map((p) => p.toData())).toEqual(ref.profiles.map((p) => p.toData()));
    // the same file again: the thread's reused read buffer still holds the last range's bytes
    expect(scanCaptureRange(task(f)).sink.profiles.map((p) => p.toData())).toEqual(
      ref.profiles.map((p) => p.toData()),
    );
  });

  it('fails closed on a truncated last line, naming the file and the line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), (count, cut) => {
        const lines = Array.from({ length: count }, (_, i) => captureLine(i, `${i},2.5,SP\n`, 'csv'));
        const last = lines[count - 1]!;
        lines[count - 1] = last.slice(0, 1 + (cut % (last.length - 1)));
        const f = writeFile(lines.join('\n')); // no newline after the truncated record
        let err: unknown;
        try {
          scanCaptureRange(task(f));
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(MonitorDataError);
        expect((err as Error).message).toContain(`${f.path}:${count}: `);
      }),
      { numRuns: 60 },
    );
  });

  it('fails closed on a byte order mark, naming the file and line 1', () => {
    const f = writeFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(captureLine(0, '1,2,SP\n', 'csv') + '\n')]),
    );
    expect(() => scanCaptureRange(task(f))).toThrow(
      new RegExp(`${f.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: .*byte order mark`),
    );
  });
});

describe('scan pool', () => {
  it('sizes batches by the capture alone: CHUNK_BYTES, or 1/TARGET_BATCHES of a big capture', () => {
    expect(batchBytes(0)).toBe(CHUNK_BYTES);
    expect(batchBytes(CHUNK_BYTES * TARGET_BATCHES)).toBe(CHUNK_BYTES);
    expect(batchBytes(200e6)).toBe(12_500_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (total) => {
        const b = batchBytes(total);
        expect(b).toBeGreaterThanOrEqual(CHUNK_BYTES);
        expect(Math.ceil(total / b)).toBeLessThanOrEqual(Math.max(TARGET_BATCHES, 1));
      }),
    );
  });

  it('groups consecutive ranges into batches of at most the chunk, never splitting one, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12000 }),
        (sizes, chunk) => {
          const ranges = sizes.map((n, i) => ({ file: `f${i}`, start: 7, end: 7 + n }));
          const batches = planBatches(ranges, chunk);
          expect(batches.flat()).toEqual(ranges);
          const bytes = (b: { start: number; end: number }[]) => b.reduce((n, r) => n + r.end - r.start, 0);
          batches.forEach((b, i) => {
            expect(b.length).toBeGreaterThan(0);
            if (b.length > 1) expect(bytes(b)).toBeLessThanOrEqual(chunk);
            // greedy: the next batch's first range did not fit in this one
            if (i + 1 < batches.length)
              expect(bytes(b) + bytes(batches[i + 1]!.slice(0, 1))).toBeGreaterThan(chunk);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('one batch of files in different layouts (key order, CRLF, base64) gives what scanning each file alone does', () => {
    const plain = writeFile(
      Array.from({ length: 300 }, (_, i) =>
        captureLine(i, `${i % 97},${i / 8},${['SP', 'RJ'][i % 2]}\n`, 'csv'),
      ).join('\n') + '\n',
    );
    const reordered = writeFile(
      Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({
          eventVersion: '0',
          eventMetadata: { inferenceTime: '2026-11-30T10:00:00Z', eventId: `r-${i}` },
          captureData: {
            endpointOutput: { data: '0.5', encoding: 'CSV', mode: 'OUTPUT', observedContentType: 'text/csv' },
            endpointInput: {
              encoding: 'CSV',
              data: `${i * 3},${-i / 4},MG\n`,
              mode: 'INPUT',
              observedContentType: 'text/csv',
            },
          },
        }),
      ).join('\r\n') + '\r\n',
    );
    const encoded = writeFile(
      Array.from({ length: 250 }, (_, i) => captureLine(i, `${i},${i % 5}.25,"a,""b"""\n`, 'base64')).join(
        '\n',
      ) + '\n',
    );
    const files = [plain, reordered, encoded, plain];
    const batch = scanCaptureBatch({
      parts: files.map((f) => ({ file: f.path, start: 0, end: f.size })),
      sinceMs: -Infinity,
      untilMs: Infinity,
      featureNames: NAMES,
      collectPredictions: false,
      requireInput: true,
    });
    const ref = newSink();
    let records = 0;
    let bytes = 0;
    for (const f of files) {
      const one = scanCaptureRange(task(f));
      records += one.records;
      bytes += one.bytes;
      for (const line of readFileSync(f.path, 'utf8').split(/\r?\n/).filter(Boolean)) {
        const d = JSON.parse(line).captureData.endpointInput;
        const payload = d.encoding === 'BASE64' ? Buffer.from(d.data, 'base64') : Buffer.from(d.data);
        feedCsv(ref, payload, 0, payload.length);
      }
    }
    expect([batch.records, batch.bytes, batch.sink.rows]).toEqual([records, bytes, ref.rows]);
    expect(batch.sink.profiles.map((p) => p.toData())).toEqual(ref.profiles.map((p) => p.toData()));
  });

  it('many small files: fewer batches than files, and the same statistics with 1 and 2 workers', async () => {
    const files = Array.from({ length: 40 }, (_, k) =>
      writeFile(
        Array.from({ length: 150 }, (_, i) =>
          captureLine(
            i,
            `${((i * 7919 + k) % 10007) / 10},${(i + k) % 17},${['SP', 'RJ', 'MG'][i % 3]}\n`,
            'csv',
          ),
        ).join('\n') + '\n',
      ),
    );
    const opts = {
      files,
      sinceMs: -Infinity,
      untilMs: Infinity,
      featureNames: NAMES,
      collectPredictions: false,
      requireInput: true,
      chunkBytes: 150_000,
    };
    const one = await scanCapture({ ...opts, workers: 1 });
    const two = await scanCapture({ ...opts, workers: 2 });
    expect(one.records).toBe(6000);
    expect(one.ranges).toBeGreaterThan(2);
    expect(one.ranges).toBeLessThan(files.length);
    expect([two.ranges, two.workers, two.records]).toEqual([one.ranges, 2, 6000]);
    expect(two.sink.profiles.map((p) => p.toData())).toEqual(one.sink.profiles.map((p) => p.toData()));
  });

  it("gives identical statistics with 1 and 2 workers when the ranges' sketches compact (history moves with them)", async () => {
    const lines = Array.from({ length: 12000 }, (_, i) =>
      captureLine(i, `${((i * 7919) % 10007) / 10},${i % 17},${['SP', 'RJ', 'MG'][i % 3]}\n`, 'csv'),
    );
    const f = writeFile(lines.join('\n') + '\n');
    const opts = {
      files: [f],
      sinceMs: -Infinity,
      untilMs: Infinity,
      featureNames: NAMES,
      collectPredictions: false,
      requireInput: true,
      chunkBytes: 700_000, // about 3000 records a range: each range's sketch compacts
    };
    const one = await scanCapture({ ...opts, workers: 1 });
    const two = await scanCapture({ ...opts, workers: 2 });
    expect(one.ranges).toBeGreaterThan(2);
    expect(two.workers).toBe(2);
    expect(one.sink.profiles[0]!.kll.rankErrorBound).toBeGreaterThan(0);
    expect(two.sink.profiles.map((p) => p.toData())).toEqual(one.sink.profiles.map((p) => p.toData()));
  });
});
