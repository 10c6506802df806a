import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { Inputs } from '../../../../src/core/inputs.js';
import {
  INPUTS,
  OUTPUTS,
  expectMatcher,
  parseDeploySettings,
} from '../../../../src/stages/deploy/settings.js';
import { traceableName } from '../../../../src/stages/deploy/names.js';
import { endpointSummary } from '../../../../src/stages/deploy/summary.js';
import { outputProblems } from '../../../../src/stages/deploy/run-transform.js';
import { newest } from '../../../../src/stages/deploy/model-source.js';

const ENV = { AWS_REGION: 'us-east-1' };
const BASE = {
  'endpoint-name': 'ep',
  'model-artifact': 's3://bucket-a/m/model.tar.gz',
  image: 'img:1',
  'role-arn': 'arn:aws:iam::123456789012:role/R',
};
const settings = (over: Record<string, string> = {}) => {
  const all: Record<string, string> = { ...BASE, ...over };
  return parseDeploySettings(new Inputs((n) => all[n] ?? ''), ENV);
};

describe('action.yml', () => {
  const meta = parse(readFileSync(join(process.cwd(), 'actions/deploy/action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  it('declares exactly the inputs and outputs the code reads and sets', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual(Object.values(INPUTS).sort());
    expect(Object.keys(meta.outputs).sort()).toEqual(Object.values(OUTPUTS).sort());
  });
});

describe('parseDeploySettings', () => {
  it('defaults: canary 10 %, 5 m waits, 1 h limit, ml.m5.large × 1', () => {
    expect(settings()).toMatchObject({
      mode: 'endpoint',
      strategy: 'canary',
      canaryPercent: 10,
      waitIntervalS: 300,
      bakeTimeS: 0,
      maxTimeS: 3600,
      instanceType: 'ml.m5.large',
      instanceCount: 1,
      allowUnapproved: false,
      smoke: undefined,
      github: undefined,
      source: { kind: 'artifact', artifact: 's3://bucket-a/m/model.tar.gz', image: 'img:1' },
    });
  });
  it('names the input, the value and the fix for bad input', () => {
    expect(() => settings({ strategy: 'blue-green' })).toThrow(
      /input 'strategy': "blue-green" is not valid; expected one of: all-at-once, canary, linear/,
    );
    expect(() => settings({ 'canary-percent': '80' })).toThrow(/input 'canary-percent'.*at most 50/);
    expect(() => settings({ 'wait-interval': '2h' })).toThrow(/input 'wait-interval'.*0 to 3600/);
    expect(() => settings({ 'max-time': '10m', 'wait-interval': '10m' })).toThrow(
      /must exceed wait-interval/,
    );
    expect(() => settings({ 'model-package-group': 'g' })).toThrow(/give exactly one model source/);
    // An explicit model source replaces the config file's; two from the same place still conflict.
    const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/3';
    const fromConfig = (explicit: Record<string, string>, config: Record<string, string>) =>
      parseDeploySettings(
        new Inputs((n) => ({ ...BASE, 'model-artifact': '', image: '', ...explicit })[n] ?? '', config),
        ENV,
      );
    expect(fromConfig({ 'model-package-arn': ARN }, { 'model-package-group': 'g' }).source).toEqual({
      kind: 'package',
      arn: ARN,
    });
    expect(fromConfig({}, { 'model-package-group': 'g' }).source).toEqual({ kind: 'group', group: 'g' });
    expect(() => fromConfig({}, { 'model-package-group': 'g', 'model-package-arn': ARN })).toThrow(
      /give exactly one model source/,
    );
    expect(() => settings({ 'model-artifact': '', image: '' })).toThrow(/no model to deploy/);
    expect(() => settings({ 'data-capture-percent': '20' })).toThrow(/go together/);
    expect(() => settings({ environment: 'prod' })).toThrow(/needs 'github-token'/);
    expect(() => settings({ 'smoke-test-expect': 'x' })).toThrow(/needs 'smoke-test-payload'/);
    expect(() => settings({ 'smoke-test-payload': '1', 'smoke-test-expect': '/(/' })).toThrow(
      /smoke-test-expect.*not a valid regular expression/,
    );
    expect(() => settings({ 'create-default-alarms': 'yes' })).toThrow(/expected true or false/);
    expect(() => settings({ 'model-package-arn': 'arn:nope', 'model-artifact': '' })).toThrow(
      /model-package-arn/,
    );
    expect(() => settings({ mode: 'batch-transform' })).toThrow(/'transform-input' is required/);
    expect(() =>
      settings({ 'rollback-alarms': 'a\nb\nc\nd\ne\nf\ng\nh\ni', 'create-default-alarms': 'true' }),
    ).toThrow(/at most 10 rollback alarms/);
  });
  it('parses alarms, capture, GitHub deployment and the smoke test', () => {
    const s = settings({
      'rollback-alarms': 'a\nb',
      'data-capture-percent': '20',
      'data-capture-uri': 's3://bucket-a/capture/',
      'github-token': 't0k',
      'smoke-test-payload': '1,2',
      'smoke-test-expect': '/^0\\.\\d+/',
    });
    expect(s.rollbackAlarms).toEqual(['a', 'b']);
    expect(s.dataCapture).toEqual({ percent: 20, destination: 's3://bucket-a/capture/' });
    expect(s.github).toEqual({ token: 't0k', environment: 'production' });
    expect(s.smoke).toMatchObject({ payload: '1,2', contentType: 'text/csv', rollbackOnFailure: true });
  });
  it('smoke-test-expect: substring, or /regex/', () => {
    expect(expectMatcher('0.25')('[0.25]')).toBe(true);
    expect(expectMatcher('/^0\\.2\\d$/')('0.25')).toBe(true);
    expect(expectMatcher('/^0\\.2\\d$/')('x0.25')).toBe(false);
  });
});

describe('traceableName', () => {
  it('is traceable to commit and run, stable for a re-run, different per model', () => {
    const run = { sha: 'abcdef1234', runId: '987' };
    const a = traceableName('my-endpoint', run, ['img', 's3://m']);
    expect(a).toMatch(/^my-endpoint-abcdef1-987-[0-9a-f]{6}$/);
    expect(traceableName('my-endpoint', run, ['img', 's3://m'])).toBe(a);
    expect(traceableName('my-endpoint', run, ['img', 's3://other'])).not.toBe(a);
  });
  it('property: always a valid SageMaker name of at most 63 characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), fc.option(fc.string()), (head, sha, runId) => {
        const n = traceableName(head, { sha: sha ?? undefined, runId: runId ?? undefined }, [head]);
        expect(n).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/);
      }),
    );
  });
});

describe('summary and log safety', () => {
  it('escapes Markdown and HTML in untrusted text', () => {
    const md = endpointSummary({
      ok: false,
      message: 'ROLLED BACK: <script>',
      endpointName: 'ep',
      configName: 'c',
      previousConfig: 'p',
      modelName: 'm',
      model: { image: 'i', modelDataUrl: 's3://b/m.tar.gz', metadata: { note: '</td><b>x' } },
      plan: 'update',
      rolledBack: true,
      servingNow: 'p',
      rollbackAlarms: ['a'],
      alarmFired: 'a',
      timeline: [{ elapsedMs: 1000, text: '[1s] Updating | <b>' }],
      smoke: undefined,
      deploymentId: undefined,
      firstAlarmAt: undefined,
      endedAt: undefined,
    });
    expect(md).not.toMatch(/<script>|<b>|<\/td>/);
    expect(md).toContain('rolled back');
  });
});

describe('batch transform output validation', () => {
  it('requires one numeric prediction per record and no empty file', () => {
    expect(outputProblems('a.csv', '1,2\n3,4\n', '0.1\n0.2\n', 'numeric')).toEqual([]);
    expect(outputProblems('a.csv', '1,2\n3,4\n', '0.1\n', 'numeric')).toEqual([
      'a.csv.out has 1 predictions for 2 input records (expected one per record)',
    ]);
    expect(outputProblems('a.csv', '1\n', '', 'numeric')).toEqual(['a.csv.out is empty']);
    expect(outputProblems('a.csv', '1\n', undefined, 'numeric')[0]).toMatch(/no output file/);
    expect(outputProblems('a.csv', '1\n', 'NaN\n', 'numeric')[0]).toBe(
      'a.csv.out line 1 (3 characters; content not shown) is not numeric',
    );
    expect(outputProblems('a.csv', '1\n', '{"p":1}\n', 'json')).toEqual([]);
    expect(outputProblems('a.csv', '1\n', '{p\n', 'json')[0]).toMatch(/not JSON/);
  });
});

describe('newest package', () => {
  it('picks the latest creation time, then the highest version', () => {
    const t = (s: number) => new Date(s * 1000);
    expect(
      newest([
        { ModelPackageArn: 'a', CreationTime: t(1), ModelPackageVersion: 1 },
        { ModelPackageArn: 'b', CreationTime: t(3), ModelPackageVersion: 2 },
        { ModelPackageArn: 'c', CreationTime: t(3), ModelPackageVersion: 3 },
        { ModelPackageArn: 'd', CreationTime: t(2), ModelPackageVersion: 4 },
      ] as never)?.ModelPackageArn,
    ).toBe('c');
    expect(newest([])).toBeUndefined();
  });
});
