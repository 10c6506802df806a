import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConfigurationError } from '../../../src/core/errors.js';
import {
  Inputs,
  parseBoolean,
  parseDuration,
  parseInteger,
  parseNumber,
  parseS3Uri,
  parseSageMakerName,
  parseStringList,
  parseStringMap,
  parseRoleArn,
} from '../../../src/core/inputs.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('strict scalar parsing', () => {
  it('accepts only true/false as booleans', () => {
    expect(parseBoolean('wait', 'true')).toBe(true);
    expect(parseBoolean('wait', ' FALSE ')).toBe(false);
    for (const bad of ['yes', '1', 'on', '', 'truee']) {
      expect(() => parseBoolean('wait', bad)).toThrow(ConfigurationError);
    }
    expect(() => parseBoolean('wait', 'yes')).toThrow(
      /input 'wait': "yes" is not valid; expected true or false/,
    );
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('x', '0.25')).toBe(0.25);
    expect(parseNumber('x', '-1e3')).toBe(-1000);
    for (const bad of ['', 'abc', '1.2.3', '0x10', 'NaN', 'Infinity', '5 m']) {
      expect(() => parseNumber('x', bad)).toThrow(ConfigurationError);
    }
    expect(() => parseNumber('x', '5', { max: 4 })).toThrow(/at most 4/);
  });

  it('parses integers strictly, with ranges', () => {
    expect(parseInteger('instance-count', '3', { min: 1 })).toBe(3);
    expect(() => parseInteger('instance-count', '1.5')).toThrow(/whole number/);
    expect(() => parseInteger('instance-count', '0', { min: 1 })).toThrow(
      /input 'instance-count': "0" is not valid; expected at least 1/,
    );
  });

  it('never returns NaN for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          expect(Number.isNaN(parseNumber('x', s))).toBe(false);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigurationError);
        }
      }),
    );
  });

  it('parses durations with units, bare numbers in the default unit', () => {
    expect(parseDuration('t', '90')).toBe(90_000);
    expect(parseDuration('t', '15', 'm')).toBe(900_000);
    expect(parseDuration('t', '1h30m')).toBe(5_400_000);
    expect(parseDuration('t', '250ms')).toBe(250);
    for (const bad of ['', 'm', '5 minutes', '1h-5m', '-5'])
      expect(() => parseDuration('t', bad)).toThrow(ConfigurationError);
  });
});

describe('structured inputs', () => {
  it('parses YAML or JSON maps, values as strings', () => {
    expect(parseStringMap('hyperparameters', 'max_depth: 5\neta: 0.2\nobjective: binary:logistic')).toEqual({
      max_depth: '5',
      eta: '0.2',
      objective: 'binary:logistic',
    });
    expect(parseStringMap('hyperparameters', '{"num_round": 50}')).toEqual({ num_round: '50' });
    expect(parseStringMap('hyperparameters', '')).toEqual({});
  });

  it('names the input for malformed YAML and wrong shapes', () => {
    expect(() => parseStringMap('hyperparameters', 'a: [1, 2')).toThrow(
      /input 'hyperparameters': not valid YAML or JSON/,
    );
    expect(() => parseStringMap('hyperparameters', '- a\n- b')).toThrow(/expected a YAML or JSON map/);
    expect(() => parseStringMap('hyperparameters', 'a:\n  b: 1')).toThrow(/key 'a' must be a scalar/);
  });

  it('parses lists as YAML/JSON or one item per line', () => {
    expect(parseStringList('arguments', '["--a", "1"]')).toEqual(['--a', '1']);
    expect(parseStringList('arguments', '--a\n 1 \n')).toEqual(['--a', '1']);
    expect(parseStringList('arguments', ['x', 2])).toEqual(['x', '2']);
  });
});

describe('AWS-shaped values', () => {
  it('validates S3 URIs', () => {
    expect(parseS3Uri('output-path', 's3://my-bucket/models/')).toEqual({
      bucket: 'my-bucket',
      key: 'models/',
      uri: 's3://my-bucket/models/',
    });
    expect(parseS3Uri('output-path', 's3://my-bucket')).toMatchObject({ bucket: 'my-bucket', key: '' });
    for (const bad of ['my-bucket/x', 'https://x', 's3://', 's3://My_Bucket/x', 's3://ab/x']) {
      expect(() => parseS3Uri('output-path', bad)).toThrow(/input 'output-path'/);
    }
  });

  it('validates SageMaker names and role ARNs', () => {
    expect(parseSageMakerName('job-name', 'olist-train-1')).toBe('olist-train-1');
    for (const bad of ['-x', 'x-', 'a_b', 'a'.repeat(64), ''])
      expect(() => parseSageMakerName('job-name', bad)).toThrow(ConfigurationError);
    expect(parseRoleArn('role-arn', 'arn:aws:iam::123456789012:role/SageMaker')).toBe(
      'arn:aws:iam::123456789012:role/SageMaker',
    );
    expect(() => parseRoleArn('role-arn', 'SageMakerRole')).toThrow(/IAM role ARN/);
  });
});

describe('Inputs', () => {
  it('explicit inputs win over config defaults, which win over code defaults', () => {
    const inputs = new Inputs(reader({ 'instance-type': 'ml.m5.large' }), {
      'instance-type': 'ml.c5.xlarge',
      'instance-count': 2,
      wait: false,
    });
    expect(inputs.string('instance-type', 'ml.m5.xlarge')).toBe('ml.m5.large');
    expect(inputs.integer('instance-count', 1)).toBe(2);
    expect(inputs.boolean('wait', true)).toBe(false);
    expect(inputs.boolean('stream-logs', true)).toBe(true);
  });

  it('accepts maps from the config file as parsed YAML', () => {
    const inputs = new Inputs(reader({}), { hyperparameters: { num_round: 50, eta: 0.2 } });
    expect(inputs.stringMap('hyperparameters')).toEqual({ num_round: '50', eta: '0.2' });
  });

  it('says which required input is missing', () => {
    const inputs = new Inputs(reader({}));
    expect(() => inputs.required('role-arn', 'the execution role SageMaker assumes')).toThrow(
      "input 'role-arn' is required: the execution role SageMaker assumes",
    );
  });

  it('rejects a map where a single value is expected', () => {
    const inputs = new Inputs(reader({}), { image: { a: 1 } });
    expect(() => inputs.optional('image')).toThrow(/input 'image': expected a single value/);
  });
});

describe('secretStringMap (environment): errors never quote a value', () => {
  const secret = 'hunter2-TOPSECRET';
  it.each([
    // Invalid YAML whose parser message would quote the offending line (and so the secret).
    [`A: "${secret}`, /input 'environment': not valid YAML or JSON at line \d+, column \d+; expected a map/],
    [
      `A: ${secret}\nB: [${secret}`,
      /input 'environment': not valid YAML or JSON at line \d+, column \d+; expected a map/,
    ],
    [`- ${secret}`, /input 'environment': expected a YAML or JSON map of NAME: value/],
    [`A: [${secret}]`, /input 'environment': the value of key 'A' must be a scalar/],
    [`"${secret}"`, /expected a YAML or JSON map/],
  ])('%j', (raw, message) => {
    const inputs = new Inputs((n) => (n === 'environment' ? raw : ''));
    let err: unknown;
    try {
      inputs.secretStringMap('environment');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('hunter2');
    expect((err as Error).message).not.toContain('TOPSECRET');
  });
  it('parses a good map', () => {
    const inputs = new Inputs((n) => (n === 'environment' ? 'A: x\nB: 2' : ''));
    expect(inputs.secretStringMap('environment')).toEqual({ A: 'x', B: '2' });
  });
});
