import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  evaluate,
  evaluateIf,
  evaluateString,
  ifExpression,
  toRunnerString,
  TrackedDictionary,
} from '../../../local/rehearse/expressions.js';
import { RehearsalError } from '../../../local/rehearse/errors.js';
import { Expression } from '../../../local/rehearse/template.js';

const scope = (contexts: Record<string, unknown>, failed = false) => ({
  contexts,
  status: { failed, cancelled: false },
});

describe('expressions (GitHub evaluator + runner functions)', () => {
  it('evaluates contexts, operators and built-in functions as GitHub does', () => {
    const s = scope({
      inputs: { local: true, n: 3 },
      github: { event_name: 'push', ref: 'refs/tags/v1.2.0' },
    });
    expect(evaluate(new Expression('inputs.local && 1 || 2'), s)).toBe(1);
    expect(evaluate(new Expression("startsWith(github.ref, 'refs/tags/v')"), s)).toBe(true);
    expect(evaluate(new Expression("format('{0}-{1}', github.event_name, inputs.n)"), s)).toBe('push-3');
    expect(evaluate(new Expression('fromJSON(\'{"a":[1,2]}\').a[1]'), s)).toBe(2);
    expect(evaluate(new Expression('github.nothing.deeper'), s)).toBeNull();
    // Case-insensitive property access, like the runner.
    expect(evaluate(new Expression('INPUTS.LOCAL'), s)).toBe(true);
  });

  it('evaluates maps and lists of templates recursively, literals as they are', () => {
    const s = scope({ matrix: { os: 'linux' } });
    expect(evaluate({ a: [new Expression('matrix.os'), 2], b: 'x' }, s)).toEqual({ a: ['linux', 2], b: 'x' });
  });

  it('converts values to strings as the runner does, refusing mappings', () => {
    expect(toRunnerString(null, 'x')).toBe('');
    expect(toRunnerString(true, 'x')).toBe('true');
    expect(toRunnerString(1.5, 'x')).toBe('1.5');
    expect(() => toRunnerString({ a: 1 }, 'with.x')).toThrow(/with\.x: a mapping was not expected/);
    fc.assert(fc.property(fc.integer(), (n) => toRunnerString(n, 'n') === String(n)));
  });

  it('adds the implicit success() && to if: unless a status function is called', () => {
    expect(ifExpression(undefined).expr).toBe('success()');
    expect(ifExpression(new Expression('inputs.local')).expr).toBe('success() && (inputs.local)');
    expect(ifExpression("github.event_name == 'push'").expr).toBe(
      "success() && (github.event_name == 'push')",
    );
    expect(ifExpression(new Expression('always() && inputs.x')).expr).toBe('always() && inputs.x');
    expect(ifExpression('failure()').expr).toBe('failure()');
  });

  it('honours the job status in success(), failure(), always()', () => {
    const ok = scope({ inputs: { run: true } });
    const failed = scope({ inputs: { run: true } }, true);
    expect(evaluateIf(undefined, ok)).toBe(true);
    expect(evaluateIf(undefined, failed)).toBe(false);
    expect(evaluateIf(new Expression('inputs.run'), failed)).toBe(false);
    expect(evaluateIf('failure()', failed)).toBe(true);
    expect(evaluateIf('failure()', ok)).toBe(false);
    expect(evaluateIf(new Expression('always()'), failed)).toBe(true);
    expect(evaluateIf('cancelled()', failed)).toBe(false);
    expect(evaluateIf(new Expression("inputs.run && ''"), ok)).toBe(false);
  });

  it('reports misses of tracked dictionaries and leaves other misses null', () => {
    const misses: string[] = [];
    const outputs = new TrackedDictionary('steps.a.outputs', (p) => misses.push(p), { b: 'x' });
    const s = scope({ steps: { a: { outputs } }, github: {} });
    expect(evaluateString(new Expression('steps.a.outputs.b'), s, 'v')).toBe('x');
    expect(evaluateString(new Expression('steps.a.outputs.typo'), s, 'v')).toBe('');
    expect(evaluateString(new Expression('github.event.number'), s, 'v')).toBe('');
    expect(misses).toEqual(['steps.a.outputs.typo']);
  });

  it('fails with the expression and its place on a syntax error or an unknown context', () => {
    expect(() => evaluate(new Expression('inputs.x ==', 'wf.yml:12'), scope({}))).toThrow(RehearsalError);
    expect(() => evaluate(new Expression('nosuch.x', 'wf.yml:3'), scope({}))).toThrow(
      /wf\.yml:3: \$\{\{ nosuch\.x \}\}/,
    );
    expect(() => evaluate(new Expression("hashFiles('x')"), scope({}))).toThrow(
      /hashFiles\(\) is not rehearsable/,
    );
  });
});
