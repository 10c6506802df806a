/**
 * indexClasses: classes in ascending numeric order (not the order seen, not string order), every
 * row mapped to its class's position, and a hard limit of 65535 classes (positions are Uint16).
 */
import { describe, expect, it } from '@jest/globals';
import { indexClasses } from '../../../src/metrics/multiclass.js';

describe('indexClasses', () => {
  it('orders the classes numerically and maps each row to its class position', () => {
    const ix = indexClasses(Float64Array.from([10, 2, 1, 2]), Float64Array.from([2, 10, 1, -1]));
    expect(ix.classes).toEqual([-1, 1, 2, 10]);
    expect(Array.from(ix.truth)).toEqual([3, 2, 1, 2]);
    expect(Array.from(ix.pred)).toEqual([2, 3, 1, 0]);
  });

  it('65535 classes fit; one more is a RangeError', () => {
    const labels = Float64Array.from({ length: 65535 }, (_, i) => i);
    expect(indexClasses(labels, new Float64Array(0)).classes).toHaveLength(65535);
    expect(() => indexClasses(labels, Float64Array.from([65535]))).toThrow(
      new RangeError('too many classes'),
    );
  });
});
