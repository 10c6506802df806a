/**
 * Float64Builder, the readers' growable output: values are never lost when it grows, and finish()
 * hands back exactly the values pushed (a copy when most of the buffer would be slack).
 */
import fc from 'fast-check';
import { Float64Builder } from '../../../src/metrics/lines.js';

describe('Float64Builder', () => {
  it('starts with the requested capacity, at least 16', () => {
    expect(new Float64Builder(100).data.length).toBe(100);
    expect(new Float64Builder(0).data.length).toBe(16);
    expect(new Float64Builder().data.length).toBe(1 << 16);
  });

  it('keeps every pushed value, in order, when it grows past its capacity', () => {
    const b = new Float64Builder(16);
    for (let i = 0; i < 1000; i++) b.push(i + 0.5);
    expect(b.length).toBe(1000);
    expect(b.data.length).toBe(1024); // doubled from 16 six times
    expect(Array.from(b.finish())).toEqual(Array.from({ length: 1000 }, (_, i) => i + 0.5));
  });

  it('grows exactly when full: capacity doubles and the values stay', () => {
    const b = new Float64Builder(16);
    for (let i = 0; i < 16; i++) b.push(i);
    expect(b.data.length).toBe(16);
    b.push(16);
    expect(b.data.length).toBe(32);
    b.grow();
    expect(b.data.length).toBe(64);
    expect(Array.from(b.data.subarray(0, 17))).toEqual(Array.from({ length: 17 }, (_, i) => i));
  });

  it('appends a block after the values already there, growing as often as needed', () => {
    const b = new Float64Builder(16);
    b.push(-1);
    b.append(Float64Array.from({ length: 100 }, (_, i) => i));
    expect(b.length).toBe(101);
    expect(b.data.length).toBe(128);
    b.append(new Float64Array(0));
    expect(b.length).toBe(101);
    expect(Array.from(b.finish())).toEqual([-1, ...Array.from({ length: 100 }, (_, i) => i)]);
  });

  it('append fills the buffer exactly without growing', () => {
    const b = new Float64Builder(16);
    b.append(new Float64Array(16).fill(7));
    expect(b.data.length).toBe(16);
    expect(b.length).toBe(16);
  });

  it('finish copies to an exact-size array when less than half is used, else returns a view', () => {
    const small = new Float64Builder(100);
    for (let i = 0; i < 49; i++) small.push(i);
    const copied = small.finish();
    expect(copied.length).toBe(49);
    expect(copied.buffer.byteLength).toBe(49 * 8);
    const half = new Float64Builder(100);
    for (let i = 0; i < 50; i++) half.push(i);
    const view = half.finish();
    expect(view.length).toBe(50);
    expect(view.buffer).toBe(half.data.buffer);
  });

  it('any mix of pushes and appends reads back as the concatenation', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 40 }),
        fc.array(
          fc.oneof(fc.double({ noNaN: true }), fc.array(fc.double({ noNaN: true }), { maxLength: 50 })),
          {
            maxLength: 60,
          },
        ),
        (capacity, ops) => {
          const b = new Float64Builder(capacity);
          const expected: number[] = [];
          for (const op of ops) {
            if (typeof op === 'number') {
              b.push(op);
              expected.push(op);
            } else {
              b.append(Float64Array.from(op));
              expected.push(...op);
            }
          }
          const out = b.finish();
          expect(Array.from(out)).toEqual(expected);
          expect(b.data.length).toBeGreaterThanOrEqual(Math.max(16, capacity));
        },
      ),
    );
  });
});
