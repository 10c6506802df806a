import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  mapContainerPath,
  rewriteArgument,
  trainingEnvironment,
  userArgs,
  userHyperparameters,
} from '../../../local/jobs/paths.js';
import {
  MetricCollector,
  XGBOOST_METRIC_DEFINITIONS,
  compileMetricDefinitions,
  extractMetrics,
  toCloudWatchLine,
} from '../../../local/jobs/metrics.js';
import { addTransition } from '../../../local/jobs/status.js';
import { batchRecords, splitRecords } from '../../../local/jobs/transform.js';
import { baseJobEnv, failureFromFile } from '../../../local/jobs/common.js';
import type { LocalContext } from '../../../local/context.js';
import { relativeKey, joinS3, parseS3Uri } from '../../../local/s3store.js';
import { decodeAwsChunked } from '../../../local/s3chunked.js';
import { desToAes } from '../../../local/s3rver-compat.js';
import { compileFilterPattern } from '../../../local/services/log-filter.js';
import { aggregate, statisticValue } from '../../../local/services/metric-stats.js';
import {
  findImageMapping,
  globMatch,
  isBuiltinXgboost,
  parseLocalConfig,
  LocalConfigError,
} from '../../../local/config.js';
import { envLines, parseArgs, UsageError } from '../../../local/cli.js';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { PythonResolver, pythonCandidates } from '../../../local/jobs/python.js';

describe('/opt/ml path rewriting', () => {
  it('maps container paths into the job root', () => {
    expect(mapContainerPath('/opt/ml/processing/input', '/tmp/r')).toBe('/tmp/r/processing/input');
    expect(mapContainerPath('/opt/ml', '/tmp/r')).toBe('/tmp/r');
    expect(mapContainerPath('/data/x', '/tmp/r')).toBe('/data/x');
    expect(mapContainerPath('/opt/ml/processing/a/../b', '/tmp/r')).toBe('/tmp/r/processing/b');
    expect(() => mapContainerPath('/opt/ml/processing/../../../home/u', '/tmp/r')).toThrow(
      /leaves \/opt\/ml/,
    );
    expect(() => mapContainerPath('/opt/ml/..', '/tmp/r')).toThrow(/ClientError/);
  });
  it('rewrites paths inside arguments, including --flag= and lists, but not look-alikes', () => {
    expect(rewriteArgument('/opt/ml/processing/out', '/R')).toBe('/R/processing/out');
    expect(rewriteArgument('--out=/opt/ml/processing/out', '/R')).toBe('--out=/R/processing/out');
    expect(rewriteArgument('/opt/ml/a,/opt/ml/b', '/R')).toBe('/R/a,/R/b');
    expect(rewriteArgument('/opt/mlx/a', '/R')).toBe('/opt/mlx/a');
    expect(rewriteArgument('/x/opt/ml/a', '/R')).toBe('/x/opt/ml/a');
  });
  it('never leaves /opt/ml/ in a rewritten argument (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('/opt/ml/', 'a', '=', ',', ' ', 'processing', '/', ':'), { maxLength: 12 }),
        (parts) => {
          const arg = parts.join('');
          const out = rewriteArgument(arg, '/ROOT');
          const standalone = /(^|[=, :])\/opt\/ml\//.test(out);
          expect(standalone).toBe(false);
        },
      ),
    );
  });
  it('builds the SM_* environment of the training toolkit', () => {
    const hps = { sagemaker_program: '"train.py"', max_depth: '5', lr: '0.1' };
    const user = userHyperparameters(hps);
    expect(user).toEqual({ max_depth: 5, lr: 0.1 });
    expect(userArgs({ a: 'x', b: 2 })).toEqual(['--a', 'x', '--b', '2']);
    const env = trainingEnvironment({
      root: '/R',
      channels: ['validation', 'train'],
      hyperparameters: hps,
      userHyperparameters: user,
      userArgs: userArgs(user),
      instanceType: 'ml.m5.large',
      jobName: 'j',
      program: 'train.py',
    });
    expect(env['SM_CHANNELS']).toBe('["train","validation"]');
    expect(env['SM_CHANNEL_TRAIN']).toBe('/R/input/data/train');
    expect(env['SM_MODEL_DIR']).toBe('/R/model');
    expect(env['SM_HP_MAX_DEPTH']).toBe('5');
    expect(env['SM_HP_SAGEMAKER_PROGRAM']).toBeUndefined();
    expect(env['SM_LOCAL_ROOT']).toBe('/R');
    expect(JSON.parse(env['SM_HPS']!)).toEqual({ max_depth: 5, lr: 0.1 });
  });
});

describe('metric extraction', () => {
  const xgb = compileMetricDefinitions(XGBOOST_METRIC_DEFINITIONS);
  it('applies SageMaker XGBoost regexes to CloudWatch-rendered lines', () => {
    const line = toCloudWatchLine('[12]\ttrain-auc:0.95123\tvalidation-auc:0.93110');
    expect(line).toBe('[12]#011train-auc:0.95123#011validation-auc:0.93110');
    expect(extractMetrics(line, xgb)).toEqual([
      { name: 'train:auc', value: 0.95123 },
      { name: 'validation:auc', value: 0.9311 },
    ]);
    expect(extractMetrics('[3]#011train-rmse:1.5e-3', xgb)).toEqual([{ name: 'train:rmse', value: 0.0015 }]);
    expect(extractMetrics('train-auc:0.9 without a round', xgb)).toEqual([]);
  });
  it('keeps the last value of each metric', () => {
    const c = new MetricCollector(compileMetricDefinitions([{ Name: 'loss', Regex: 'loss=([0-9.]+)' }]));
    c.observe('loss=0.9', 1);
    c.observe('nothing', 2);
    c.observe('loss=0.4', 3);
    expect(c.final()).toEqual([{ MetricName: 'loss', Value: 0.4, Timestamp: 3 }]);
  });
  it('reports an invalid regex by metric name', () => {
    expect(() => compileMetricDefinitions([{ Name: 'bad', Regex: '([' }])).toThrow(/MetricDefinitions 'bad'/);
  });
  it('extracts any number written by the container (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
        (round, v) => {
          const found = extractMetrics(toCloudWatchLine(`[${round}]\ttrain-logloss:${v}`), xgb);
          expect(found).toHaveLength(1);
          expect(found[0]!.value).toBeCloseTo(v, 6);
        },
      ),
    );
  });
});

describe('status transitions', () => {
  it('closes the open transition and closes terminal ones at once', () => {
    let t = addTransition([], 'Starting', 's', 1);
    t = addTransition(t, 'Training', 't', 5);
    t = addTransition(t, 'Completed', 'c', 9);
    expect(t).toEqual([
      { Status: 'Starting', StartTime: 1, EndTime: 5, StatusMessage: 's' },
      { Status: 'Training', StartTime: 5, EndTime: 9, StatusMessage: 't' },
      { Status: 'Completed', StartTime: 9, EndTime: 9, StatusMessage: 'c' },
    ]);
  });
  it('keeps the failure file prefix or adds AlgorithmError, truncated to 1024', () => {
    expect(failureFromFile('ClientError: bad data')).toBe('ClientError: bad data');
    expect(failureFromFile('oops')).toBe('AlgorithmError: oops');
    expect(failureFromFile('x'.repeat(3000))).toHaveLength(1024);
  });
});

describe('transform batching', () => {
  it('splits lines and batches by payload size without losing or reordering records (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[0-9,.]{1,30}$/), { maxLength: 80 }),
        fc.integer({ min: 8, max: 200 }),
        (records, max) => {
          const batches = batchRecords(splitRecords(records.join('\n'), 'Line'), max, 'MultiRecord');
          expect(batches.flat()).toEqual(records);
          for (const b of batches)
            if (b.length > 1)
              expect(b.reduce((n, r) => n + Buffer.byteLength(r) + 1, 0)).toBeLessThanOrEqual(max);
        },
      ),
    );
    expect(batchRecords(['a', 'b'], 100, 'SingleRecord')).toEqual([['a'], ['b']]);
    expect(splitRecords('a\r\nb\n\n', 'Line')).toEqual(['a', 'b']);
    expect(splitRecords('whole', 'None')).toEqual(['whole']);
  });
});

describe('S3 helpers', () => {
  it('maps keys under a prefix like SageMaker channel downloads', () => {
    expect(relativeKey('data/train/', 'data/train/a.csv')).toBe('a.csv');
    expect(relativeKey('data/train', 'data/train/sub/a.csv')).toBe('sub/a.csv');
    expect(relativeKey('data/train.csv', 'data/train.csv')).toBe('train.csv');
    expect(relativeKey('data/tr', 'data/train/a.csv')).toBe('train/a.csv');
    expect(joinS3('s3://b/out/', 'job', 'output', 'model.tar.gz')).toBe('s3://b/out/job/output/model.tar.gz');
    expect(parseS3Uri('s3://bucket/a/b')).toEqual({ bucket: 'bucket', key: 'a/b' });
    expect(() => parseS3Uri('https://x')).toThrow();
  });
  it('decodes aws-chunked bodies (signed and unsigned framing, trailers) (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 40 }), { maxLength: 6 }),
        fc.boolean(),
        (chunks, signed) => {
          const sig = signed ? ';chunk-signature=abc' : '';
          const framed = Buffer.concat([
            ...chunks.flatMap((c) => [
              Buffer.from(`${c.length.toString(16)}${sig}\r\n`),
              Buffer.from(c),
              Buffer.from('\r\n'),
            ]),
            Buffer.from(`0${sig}\r\nx-amz-checksum-crc32:AAAA\r\n\r\n`),
          ]);
          const { data, trailers } = decodeAwsChunked(framed);
          expect(data.equals(Buffer.concat(chunks.map((c) => Buffer.from(c))))).toBe(true);
          expect(trailers['x-amz-checksum-crc32']).toBe('AAAA');
        },
      ),
    );
  });
  it('round-trips s3rver continuation tokens through the DES fallback', () => {
    const key = Buffer.alloc(8, 'S3RVER');
    const iv = Buffer.from('0123456789abcdef', 'hex');
    const enc = createCipheriv(...desToAes(key, iv));
    const token = Buffer.concat([enc.update('us-east-1/b/key', 'utf8'), enc.final()]);
    const dec = createDecipheriv(...desToAes(key, iv));
    expect(Buffer.concat([dec.update(token), dec.final()]).toString()).toBe('us-east-1/b/key');
  });
});

describe('logs filter patterns', () => {
  it('supports terms, phrases, any-of and exclusions', () => {
    expect(compileFilterPattern('')('x')).toBe(true);
    expect(compileFilterPattern('ERROR disk')('ERROR: disk full')).toBe(true);
    expect(compileFilterPattern('ERROR disk')('ERROR: cpu')).toBe(false);
    expect(compileFilterPattern('"disk full"')('ERROR: disk full')).toBe(true);
    expect(compileFilterPattern('?WARN ?ERROR')('WARN x')).toBe(true);
    expect(compileFilterPattern('ERROR -retry')('ERROR retry')).toBe(false);
    expect(() => compileFilterPattern('{ $.a = 1 }')).toThrow(/term filter patterns/);
  });
});

describe('CloudWatch statistics', () => {
  it('aggregates raw values and statistic sets; percentiles over raw values', () => {
    const agg = aggregate([
      { values: [1, 2, 3] },
      { values: [], stats: { SampleCount: 2, Sum: 10, Minimum: 4, Maximum: 6 } },
    ]);
    expect(agg).toMatchObject({ SampleCount: 5, Sum: 16, Minimum: 1, Maximum: 6 });
    expect(statisticValue(agg, 'Average')).toBeCloseTo(3.2);
    expect(statisticValue(aggregate([{ values: [5, 1, 3, 2, 4] }]), 'p50')).toBe(3);
    expect(statisticValue(agg, 'bogus')).toBeUndefined();
  });
});

describe('config and CLI', () => {
  it('parses sagemaker-local.yml and matches image globs', () => {
    const cfg = parseLocalConfig({
      accountId: '123456789012',
      images: [
        {
          match: '*.dkr.ecr.*.amazonaws.com/mine:*',
          command: ['python3', 'train.py'],
          serve: ['python3', 's.py', '{port}'],
        },
      ],
    });
    expect(findImageMapping(cfg.images, '1.dkr.ecr.eu-west-1.amazonaws.com/mine:2')?.command).toEqual([
      'python3',
      'train.py',
    ]);
    expect(findImageMapping(cfg.images, '1.dkr.ecr.eu-west-1.amazonaws.com/other:2')).toBeUndefined();
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(() => parseLocalConfig({ accountId: 12 })).toThrow(LocalConfigError);
    expect(() => parseLocalConfig({ images: [{ match: 'x' }] })).toThrow(/needs a command/);
    expect(() => parseLocalConfig({ imgs: [] })).toThrow(/unknown key 'imgs'/);
    expect(isBuiltinXgboost('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1')).toBe(
      true,
    );
    expect(
      isBuiltinXgboost('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1'),
    ).toBe(false);
  });
  it('parses start/env options and rejects bad ones', () => {
    expect(parseArgs(['start', '--port', '0', '--faults=throttle=0.3', '--seed', '9'])).toMatchObject({
      command: 'start',
      port: 0,
      faults: 'throttle=0.3',
      seed: 9,
    });
    expect(() => parseArgs(['start', '--port', '99999'])).toThrow(UsageError);
    expect(() => parseArgs(['start', '--verbose'])).toThrow(/unknown option/);
    expect(() => parseArgs(['restart'])).toThrow(/unknown command/);
    expect(parseArgs(['stop', '--data-dir', 'd'])).toMatchObject({ command: 'stop', dataDir: 'd' });
    expect(parseArgs(['start'])).toMatchObject({ watchParent: true });
    expect(parseArgs(['start', '--watch-parent', 'false'])).toMatchObject({ watchParent: false });
    expect(() => parseArgs(['start', '--watch-parent', 'no'])).toThrow(/must be true or false/);
    expect(envLines({ host: '127.0.0.1', port: 4566 })[0]).toBe(
      'export AWS_ENDPOINT_URL=http://127.0.0.1:4566',
    );
    expect(envLines({ host: '0.0.0.0', port: 1, accessKey: 'K' })).toContain('export AWS_ACCESS_KEY_ID=K');
  });
});

describe('PythonResolver', () => {
  it('takes the first candidate whose check passes, in order, and explains when none does', async () => {
    expect(await new PythonResolver(['/nonexistent/python3', '/bin/false', '/bin/true']).resolve()).toBe(
      '/bin/true',
    );
    const none = new PythonResolver(['/nonexistent/python3', '/bin/false']);
    expect(await none.resolve()).toBeUndefined();
    expect(none.missingReason()).toMatch(
      /^ClientError: no Python that can import xgboost, pandas, sklearn was found \(tried \/nonexistent\/python3, \/bin\/false\)/,
    );
    expect(none.missingReason()).toContain('SAGEMAKER_LOCAL_PYTHON');
  });
  it('orders the override, SAGEMAKER_LOCAL_PYTHON, /usr/bin/python3, python3 without duplicates', () => {
    expect(pythonCandidates('/opt/py', { SAGEMAKER_LOCAL_PYTHON: '/usr/bin/python3' })).toEqual([
      '/opt/py',
      '/usr/bin/python3',
      'python3',
    ]);
    expect(pythonCandidates(undefined, {})).toEqual(['/usr/bin/python3', 'python3']);
  });
});

describe('job process environment', () => {
  const ctx = { url: 'http://127.0.0.1:4566', region: 'eu-west-1' } as LocalContext;
  const saved = process.env['OMP_WAIT_POLICY'];
  const restore = (): void => {
    if (saved === undefined) delete process.env['OMP_WAIT_POLICY'];
    else process.env['OMP_WAIT_POLICY'] = saved;
  };

  it('OpenMP threads wait passively (a shared machine), unless the host or the job says otherwise', () => {
    try {
      delete process.env['OMP_WAIT_POLICY'];
      expect(baseJobEnv(ctx, {})).toMatchObject({
        OMP_WAIT_POLICY: 'PASSIVE',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
        AWS_REGION: 'eu-west-1',
        PYTHONUNBUFFERED: '1',
      });
      expect(baseJobEnv(ctx, {}, { OMP_WAIT_POLICY: 'ACTIVE' })['OMP_WAIT_POLICY']).toBe('ACTIVE');
      process.env['OMP_WAIT_POLICY'] = 'ACTIVE';
      expect(baseJobEnv(ctx, {})['OMP_WAIT_POLICY']).toBe('ACTIVE');
    } finally {
      restore();
    }
  });
});
