import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Inputs } from '../../../../src/core/inputs.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { parseEvaluateSettings } from '../../../../src/stages/evaluate/settings.js';

const parse = (values: Record<string, string>, config: Record<string, unknown> = {}) =>
  parseEvaluateSettings(new Inputs((n) => values[n] ?? '', config));

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const transform = {
  'model-artifact': 's3://bkt/out/model.tar.gz',
  'test-data': 's3://bkt/test/',
  'role-arn': ROLE,
};

describe('parseEvaluateSettings', () => {
  it('applies the documented defaults', () => {
    const s = parse({ predictions: 'p.csv', 'test-data': 't.csv' });
    expect(s).toMatchObject({
      source: { kind: 'predictions', predictions: 'p.csv', testData: 't.csv' },
      labelColumn: 0,
      problemType: 'binary-classification',
      probabilityThreshold: 0.5,
      thresholds: [],
      failOnGate: true,
      forceFail: false,
      confidence: 0.95,
      register: false,
      approveOnPass: false,
      instanceType: 'ml.m5.xlarge',
      reportS3Uri: undefined,
      githubToken: undefined,
      timeoutMs: undefined,
    });
  });

  it('parses the transform flow, thresholds, max-regression, registration and durations', () => {
    const s = parse({
      ...transform,
      thresholds: '{auc: ">= 0.7", log_loss: "<= 0.5"}',
      'model-package-group': 'churn',
      'max-regression': '{auc: 0.01}',
      register: 'true',
      'approve-on-pass': 'true',
      'timeout-minutes': '90',
      'report-s3-uri': 's3://bkt/reports/',
      'label-column': '3',
    });
    expect(s.source).toMatchObject({
      kind: 'model-artifact',
      roleArn: ROLE,
      image: undefined,
      testData: 's3://bkt/test/',
    });
    expect(s.thresholds.map((t) => t.metric)).toEqual(['auc', 'log_loss']);
    expect(s.maxRegression).toEqual({ auc: 0.01 });
    expect(s.timeoutMs).toBe(90 * 60_000);
    expect(s.reportS3Uri!.uri).toBe('s3://bkt/reports/evaluation.json');
    expect(s.labelColumn).toBe(3);
  });

  it('takes defaults from the config file section; explicit inputs win', () => {
    const s = parse(
      { predictions: 'p.csv', 'test-data': 't.csv', confidence: '0.9' },
      { confidence: 0.99, thresholds: { auc: '>= 0.6' } },
    );
    expect(s.confidence).toBe(0.9);
    expect(s.thresholds[0]!.text).toContain('0.6');
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['no source', { 'test-data': 't.csv' }, /exactly one of .*none was set/],
    [
      'two sources',
      { predictions: 'p', 'evaluation-report': 'r', 'test-data': 't' },
      /'predictions' and 'evaluation-report'/,
    ],
    [
      'three sources',
      { ...transform, predictions: 'p', 'evaluation-report': 'r' },
      /'model-artifact' and 'predictions' and 'evaluation-report'/,
    ],
    ['predictions without test-data', { predictions: 'p' }, /'test-data' is required with 'predictions'/],
    [
      'artifact without test-data',
      { 'model-artifact': 's3://bkt/m/model.tar.gz', 'role-arn': ROLE },
      /'test-data' is required with 'model-artifact'/,
    ],
    [
      'artifact without role',
      { 'model-artifact': 's3://bkt/m/model.tar.gz', 'test-data': 't' },
      /'role-arn' is required/,
    ],
    [
      'artifact not a tar.gz',
      { ...transform, 'model-artifact': 's3://bkt/m/model.zip' },
      /'model-artifact'.*model\.tar\.gz/,
    ],
    [
      'artifact not on S3',
      { ...transform, 'model-artifact': '/tmp/model.tar.gz' },
      /'model-artifact'.*S3 URI/,
    ],
    ['bad role', { ...transform, 'role-arn': 'admin' }, /'role-arn'.*IAM role ARN/],
    [
      'bad problem type',
      { predictions: 'p', 'test-data': 't', 'problem-type': 'ranking' },
      /'problem-type'.*binary-classification/,
    ],
    [
      'threshold out of range',
      { predictions: 'p', 'test-data': 't', 'probability-threshold': '1.5' },
      /'probability-threshold'.*at most 1/,
    ],
    [
      'threshold not a number',
      { predictions: 'p', 'test-data': 't', 'probability-threshold': 'half' },
      /'probability-threshold'.*number/,
    ],
    [
      'bad confidence',
      { predictions: 'p', 'test-data': 't', confidence: '1' },
      /'confidence'.*between 0 and 1/,
    ],
    [
      'negative label column',
      { predictions: 'p', 'test-data': 't', 'label-column': '-1' },
      /'label-column'.*at least 0/,
    ],
    [
      'bad boolean',
      { predictions: 'p', 'test-data': 't', 'fail-on-gate': 'yes' },
      /'fail-on-gate'.*true or false/,
    ],
    ['unknown metric', { predictions: 'p', 'test-data': 't', thresholds: '{aucc: ">= 0.7"}' }, /aucc/],
    ['malformed condition', { predictions: 'p', 'test-data': 't', thresholds: '{auc: "about 0.7"}' }, /auc/],
    [
      'max-regression without group',
      { predictions: 'p', 'test-data': 't', 'max-regression': '{auc: 0.01}' },
      /'max-regression' needs 'model-package-group'/,
    ],
    [
      'negative allowance',
      { predictions: 'p', 'test-data': 't', 'model-package-group': 'g', 'max-regression': '{auc: -1}' },
      /max-regression/,
    ],
    [
      'register without group',
      { ...transform, register: 'true' },
      /'register': true needs 'model-package-group'/,
    ],
    [
      'register without artifact',
      { predictions: 'p', 'test-data': 't', register: 'true', 'model-package-group': 'g' },
      /needs 'model-artifact'/,
    ],
    [
      'approve-on-pass without register',
      { predictions: 'p', 'test-data': 't', 'approve-on-pass': 'true' },
      /'approve-on-pass'.*without 'register: true'/,
    ],
    [
      'bad group name',
      { predictions: 'p', 'test-data': 't', 'model-package-group': 'my_group' },
      /'model-package-group'/,
    ],
    ['bad instance type', { ...transform, 'instance-type': 'm5.xlarge' }, /'instance-type'.*ml\.m5\.xlarge/],
    ['bad timeout', { ...transform, 'timeout-minutes': 'soon' }, /'timeout-minutes'/],
    ['zero timeout', { ...transform, 'timeout-minutes': '0' }, /'timeout-minutes'.*positive/],
    ['bad report uri', { ...transform, 'report-s3-uri': 'https://x/y' }, /'report-s3-uri'.*S3 URI/],
    [
      'bad test-data URL',
      { predictions: 'p', 'test-data': 'https://example.com/t.csv' },
      /'test-data'.*S3 URI .* or a local path/,
    ],
    ['bad S3 bucket', { predictions: 's3://B/p', 'test-data': 't' }, /'predictions'.*bucket/],
  ];
  it.each(bad)('rejects %s with a ConfigurationError naming the input', (_name, values, message) => {
    let err: unknown;
    try {
      parse(values);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
  });

  it('names the input when a gate rejects its rule (the gates layer itself knows no inputs)', () => {
    const base = { predictions: 'p.csv', 'test-data': 't.csv' };
    for (const [values, message] of [
      [
        { thresholds: '{aucc: ">= 0.7"}' },
        /^input 'thresholds': unknown metric "aucc" for binary-classification; valid metrics: /,
      ],
      [{ thresholds: '{auc: "70"}' }, /^input 'thresholds': condition "70" for auc is not valid/],
      [
        { 'max-regression': '{auc: -1}', 'model-package-group': 'g' },
        /^input 'max-regression': allowed drop -1 for auc is not valid/,
      ],
    ] as const) {
      let err: unknown;
      try {
        parse({ ...base, ...values });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toMatch(message);
    }
  });

  it('fails on inputs that do not apply to the chosen source (one rule with train)', () => {
    expect(() => parse({ 'evaluation-report': 'r.json', 'test-data': 't.csv' })).toThrow(
      "input 'test-data' does not apply to source 'evaluation-report'; remove it or change the source",
    );
    expect(() => parse({ predictions: 'p.csv', 'test-data': 't.csv', image: 'x' })).toThrow(
      "input 'image' does not apply to source 'predictions'",
    );
  });

  it('never throws anything but ConfigurationError on arbitrary input text', () => {
    const names = [
      'problem-type',
      'probability-threshold',
      'confidence',
      'label-column',
      'thresholds',
      'max-regression',
      'instance-type',
      'timeout-minutes',
      'fail-on-gate',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string(), (name, value) => {
        try {
          parse({ predictions: 'p', 'test-data': 't', 'model-package-group': 'g', [name]: value });
        } catch (e) {
          return e instanceof ConfigurationError;
        }
        return true;
      }),
    );
  });
});
