import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { expandMatrix } from '../../../local/rehearse/matrix.js';

describe('strategy.matrix expansion (GitHub documented rules)', () => {
  it('is the cartesian product minus excludes', () => {
    expect(expandMatrix({ os: ['a', 'b'], v: [1, 2], exclude: [{ os: 'b', v: 2 }] })).toEqual([
      { os: 'a', v: 1 },
      { os: 'a', v: 2 },
      { os: 'b', v: 1 },
    ]);
  });

  it('merges include entries that overwrite no original value, else appends them (GitHub docs example)', () => {
    const m = {
      fruit: ['apple', 'pear'],
      animal: ['cat', 'dog'],
      include: [
        { color: 'green' },
        { color: 'pink', animal: 'cat' },
        { fruit: 'apple', shape: 'circle' },
        { fruit: 'banana' },
        { fruit: 'banana', animal: 'cat' },
      ],
    };
    expect(expandMatrix(m)).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  it('include alone gives one job per entry; no matrix gives one job', () => {
    expect(expandMatrix({ include: [{ a: 1 }, { a: 2 }] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(expandMatrix(undefined)).toEqual([{}]);
  });

  it('refuses malformed matrices', () => {
    expect(() => expandMatrix({ os: [] })).toThrow(/non-empty list/);
    expect(() => expandMatrix('x')).toThrow(/must be a mapping/);
    expect(() =>
      expandMatrix({
        a: Array.from({ length: 17 }, (_, i) => i),
        b: Array.from({ length: 17 }, (_, i) => i),
      }),
    ).toThrow(/at most 256/);
  });

  it('product size is the product of the axis lengths (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), (lens) => {
        const m = Object.fromEntries(lens.map((n, i) => [`a${i}`, Array.from({ length: n }, (_, j) => j)]));
        return expandMatrix(m).length === lens.reduce((p, n) => p * n, 1);
      }),
    );
  });
});
