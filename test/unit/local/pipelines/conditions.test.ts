import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { checkCondition, evaluateConditions } from '../../../../local/pipelines/conditions.js';

const id = (v: unknown): unknown => v;
const cmp = (Type: string, LeftValue: unknown, RightValue: unknown) => ({ Type, LeftValue, RightValue });

describe('conditions', () => {
  test('comparisons on numbers agree with JavaScript', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, b) => {
          expect(evaluateConditions([cmp('GreaterThan', a, b)], id)).toBe(a > b);
          expect(evaluateConditions([cmp('GreaterThanOrEqualTo', a, b)], id)).toBe(a >= b);
          expect(evaluateConditions([cmp('LessThan', a, b)], id)).toBe(a < b);
          expect(evaluateConditions([cmp('LessThanOrEqualTo', a, b)], id)).toBe(a <= b);
          expect(evaluateConditions([cmp('Equals', a, b)], id)).toBe(a === b);
        },
      ),
    );
  });

  test('Equals on strings and booleans; In; Not; Or; the list is an AND', () => {
    expect(evaluateConditions([cmp('Equals', 'true', 'true')], id)).toBe(true);
    expect(evaluateConditions([cmp('Equals', true, 'true')], id)).toBe(false);
    expect(evaluateConditions([{ Type: 'In', QueryValue: 'b', Values: ['a', 'b'] }], id)).toBe(true);
    expect(evaluateConditions([{ Type: 'In', QueryValue: 3, Values: [1, 2] }], id)).toBe(false);
    expect(evaluateConditions([{ Type: 'Not', Expression: cmp('Equals', 1, 1) }], id)).toBe(false);
    expect(
      evaluateConditions([{ Type: 'Or', Conditions: [cmp('Equals', 1, 2), cmp('LessThan', 1, 2)] }], id),
    ).toBe(true);
    expect(evaluateConditions([cmp('Equals', 1, 1), cmp('Equals', 1, 2)], id)).toBe(false);
  });

  test('ordering anything but two numbers fails closed (a "NaN" from a report never passes a gate)', () => {
    expect(() => evaluateConditions([cmp('GreaterThanOrEqualTo', 'NaN', 0.5)], id)).toThrow(
      /compares numbers/,
    );
    expect(() => evaluateConditions([cmp('GreaterThan', NaN, 0.5)], id)).toThrow(/compares numbers/);
    expect(() => evaluateConditions([cmp('LessThan', '0.4', 0.5)], id)).toThrow(/compares numbers/);
  });

  test('values go through the resolver', () => {
    const resolve = (v: unknown) => (v === 'LEFT' ? 0.8 : v);
    expect(evaluateConditions([cmp('GreaterThanOrEqualTo', 'LEFT', 0.7)], resolve)).toBe(true);
  });

  test('shape checks name what is missing', () => {
    expect(() => checkCondition({ Type: 'GreaterThan', LeftValue: 1 }, 'Conditions[0]')).toThrow(
      /needs RightValue/,
    );
    expect(() => checkCondition({ Type: 'Between' }, 'Conditions[0]')).toThrow(/not one of/);
    expect(() => checkCondition({ Type: 'Or', Conditions: [] }, 'c')).toThrow(/non-empty/);
    expect(
      checkCondition({ Type: 'Not', Expression: { Type: 'In', QueryValue: 'q', Values: ['a'] } }, 'c'),
    ).toEqual(['q', 'a']);
  });
});
