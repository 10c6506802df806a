import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { SAGEMAKER_NAME_RE } from '../../../src/core/inputs.js';
import {
  attemptName,
  defaultJobName,
  sanitizeNamePart,
  type RunContext,
} from '../../../src/sagemaker/naming.js';

const ctxArb: fc.Arbitrary<RunContext> = fc.record(
  {
    repository: fc.string({ maxLength: 120 }),
    workflow: fc.string({ maxLength: 120 }),
    job: fc.string({ maxLength: 60 }),
    runId: fc.oneof(fc.string({ maxLength: 30 }), fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String)),
    step: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: [] },
);
const stageArb = fc.oneof(fc.constantFrom('train', 'process', 'preprocess'), fc.string({ maxLength: 80 }));

describe('defaultJobName', () => {
  test('any inputs give a valid name of at most 59 characters (room for -rNN)', () => {
    fc.assert(
      fc.property(ctxArb, stageArb, (ctx, stage) => {
        const name = defaultJobName(ctx, stage);
        expect(name).toMatch(SAGEMAKER_NAME_RE);
        expect(name.length).toBeLessThanOrEqual(59);
      }),
      { numRuns: 500 },
    );
  });

  test('deterministic: same inputs, same name', () => {
    fc.assert(
      fc.property(ctxArb, stageArb, (ctx, stage) => {
        expect(defaultJobName({ ...ctx }, stage)).toBe(defaultJobName({ ...ctx }, stage));
      }),
    );
  });

  test('different repositories (or steps, stages, runs) never share a name', () => {
    fc.assert(
      fc.property(ctxArb, fc.string({ minLength: 1, maxLength: 50 }), stageArb, (ctx, other, stage) => {
        fc.pre(other !== ctx.repository);
        expect(defaultJobName(ctx, stage)).not.toBe(defaultJobName({ ...ctx, repository: other }, stage));
      }),
    );
    const ctx = { repository: 'octo/churn', workflow: 'CI', job: 'train', runId: '123', step: 'train' };
    const names = new Set([
      defaultJobName(ctx, 'train'),
      defaultJobName(ctx, 'process'),
      defaultJobName({ ...ctx, runId: '124' }, 'train'),
      defaultJobName({ ...ctx, step: 'train2' }, 'train'),
      defaultJobName({ ...ctx, workflow: 'Nightly' }, 'train'),
      defaultJobName({ ...ctx, repository: 'other/churn' }, 'train'),
    ]);
    expect(names.size).toBe(6);
  });

  test('readable: repository name, stage and run id are kept when they fit', () => {
    const name = defaultJobName(
      { repository: 'Octo/Churn_Model', workflow: 'CI', job: 'train', runId: '9876543210' },
      'train',
    );
    expect(name).toMatch(/^churn-model-train-9876543210-[0-9a-f]{8}$/);
  });
});

describe('attemptName', () => {
  test('attempt 1 is the base; later attempts add -rN and stay valid for any valid base', () => {
    const baseArb = fc.stringMatching(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/);
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 1, max: 99 }), (base, n) => {
        const name = attemptName(base, n);
        expect(name).toMatch(SAGEMAKER_NAME_RE);
        if (n === 1) expect(name).toBe(base);
        else expect(name.endsWith(`-r${n}`)).toBe(true);
      }),
    );
  });
});

test('sanitizeNamePart', () => {
  expect(sanitizeNamePart('  Hello, World!! ')).toBe('hello-world');
  expect(sanitizeNamePart('---')).toBe('');
});
