import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { judgeViolations, type GateViolation } from '../../../src/gates/violations.js';

const v = (feature: string, type: string): GateViolation => ({
  feature_name: feature,
  constraint_check_type: type,
  description: '',
  source: 'test',
});

describe('judgeViolations', () => {
  it('counts against a total, ignoring listed features', () => {
    const vs = [v('a', 'baseline_drift_check'), v('b', 'data_type_check'), v('c', 'baseline_drift_check')];
    expect(judgeViolations(vs, 0, []).passed).toBe(false);
    expect(judgeViolations(vs, 3, []).passed).toBe(true);
    const r = judgeViolations(vs, 1, ['a', 'c']);
    expect(r).toMatchObject({ passed: true, byType: { data_type_check: 1 } });
    expect(r.ignored).toHaveLength(2);
  });

  it('limits per check type; a type without a limit allows none', () => {
    const vs = [v('a', 'baseline_drift_check'), v('b', 'baseline_drift_check'), v('c', 'completeness_check')];
    expect(judgeViolations(vs, { baseline_drift_check: 2 }, []).reasons).toEqual([
      '1 completeness_check violation(s), max-violations allows 0',
    ]);
    expect(judgeViolations(vs, { baseline_drift_check: 2, completeness_check: 1 }, []).passed).toBe(true);
  });

  it('never passes more violations than a total allows (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('x_check', 'y_check'))),
        fc.nat(5),
        (items, max) => {
          const r = judgeViolations(
            items.map(([f, t]) => v(f, t)),
            max,
            ['a'],
          );
          expect(r.passed).toBe(items.filter(([f]) => f !== 'a').length <= max);
        },
      ),
    );
  });
});
