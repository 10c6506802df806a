import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { csvField, csvLine, parseCsv, pyFloat } from '../../../templates/olist/generator/csv.js';
import { Rng, Weighted } from '../../../templates/olist/generator/rng.js';

describe('olist csv', () => {
  test('quotes only fields that need it, doubling inner quotes (pandas QUOTE_MINIMAL)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  test('floats print like Python repr', () => {
    expect(pyFloat(58.9, 2)).toBe('58.9');
    expect(pyFloat(100, 2)).toBe('100.0');
    expect(pyFloat(13.289, 2)).toBe('13.29');
    expect(pyFloat(40)).toBe('40.0');
  });

  test('property: any rows of text (commas, quotes, CR/LF, unicode) round-trip through csvLine + parseCsv', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r', ' ', 'x', '1') });
    const rows = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, (rs) => {
        const text = rs.map((r) => csvLine(r)).join('');
        expect(parseCsv(text)).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });

  test('parseCsv rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/quoted field/);
  });
});

describe('olist rng', () => {
  test('same seed and stream give the same sequence; streams and seeds differ', () => {
    const seq = (seed: number, stream: number) => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => r.u32());
    };
    expect(seq(42, 0)).toEqual(seq(42, 0));
    expect(seq(42, 0)).not.toEqual(seq(42, 1));
    expect(seq(42, 0)).not.toEqual(seq(43, 0));
  });

  test('property: draws stay in range and IDs are 32 hex characters', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, lo, span) => {
          const r = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const x = r.int(lo, lo + span);
            expect(x).toBeGreaterThanOrEqual(lo);
            expect(x).toBeLessThanOrEqual(lo + span);
            const u = r.next();
            expect(u >= 0 && u < 1).toBe(true);
          }
          expect(r.hex32()).toMatch(/^[0-9a-f]{32}$/);
        },
      ),
      { numRuns: 100 },
    );
  });

  test('uniform, normal and weighted draws have the right moments', () => {
    const r = new Rng(1);
    const n = 40000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.03);
    const w = Weighted.of([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ] as const);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < n; i++) counts[w.sample(r)]++;
    expect(counts.c).toBe(0);
    expect(Math.abs(counts.b / n - 0.75)).toBeLessThan(0.01);
  });
});
