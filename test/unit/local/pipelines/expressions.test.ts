import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  ExpressionError,
  collectReferences,
  parseGet,
  parsePath,
  resolveValue,
  type Scope,
} from '../../../../local/pipelines/expressions.js';

const trainProps = {
  TrainingJobName: 'pipelines-abc-train-1',
  ModelArtifacts: { S3ModelArtifacts: 's3://b/models/job/output/model.tar.gz' },
  HyperParameters: { eta: '0.2' },
};
const procProps = {
  ProcessingOutputConfig: {
    Outputs: [
      { OutputName: 'train', S3Output: { S3Uri: 's3://b/out/train' } },
      { OutputName: 'evaluation', S3Output: { S3Uri: 's3://b/out/evaluation' } },
    ],
  },
};
const report = { regression_metrics: { mse: { value: 4.2 } }, list: [{ x: 1 }, { x: 2 }], label: 'a' };

function scope(over: Partial<Scope> = {}): Scope {
  return {
    parameter: (n) => ({ Threshold: 0.7, Count: 3, Flag: true, Bucket: 'my-bucket' })[n],
    execution: (n) => ({ PipelineExecutionId: 'abc123', PipelineName: 'p' })[n],
    experiment: () => undefined,
    stepProperties: (s) => ({ Train: trainProps, Proc: procProps })[s],
    propertyFile: (s, f) => (s === 'Proc' && f === 'Report' ? report : undefined),
    ...over,
  };
}

describe('property paths', () => {
  test('names, numeric and quoted indexes', () => {
    expect(parsePath("A.B[0]['c d'].E")).toEqual([
      { prop: 'A' },
      { prop: 'B' },
      { index: 0 },
      { key: 'c d' },
      { prop: 'E' },
    ]);
    expect(parsePath('Outputs["x"]')).toEqual([{ prop: 'Outputs' }, { key: 'x' }]);
  });

  test.each(['', '.a', 'a.', 'a[b]', 'a[0', 'a..b'])('%p is rejected', (p) => {
    expect(() => parsePath(p)).toThrow(ExpressionError);
  });

  test('round trip: any path of names and indexes parses back to its segments', () => {
    const seg = fc.oneof(
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).map((prop) => ({ prop })),
      fc.nat(50).map((index) => ({ index })),
      fc.stringMatching(/^[A-Za-z0-9 _-]{1,8}$/).map((key) => ({ key })),
    );
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 6 }), (segs) => {
        fc.pre('prop' in segs[0]!);
        const text = segs
          .map((s, i) =>
            'prop' in s ? `${i ? '.' : ''}${s.prop}` : 'index' in s ? `[${s.index}]` : `['${s.key}']`,
          )
          .join('');
        expect(parsePath(text)).toEqual(segs);
      }),
    );
  });

  test('Get targets', () => {
    expect(parseGet('Parameters.Threshold')).toEqual({ kind: 'parameter', name: 'Threshold' });
    expect(parseGet('Execution.PipelineExecutionId')).toEqual({
      kind: 'execution',
      name: 'PipelineExecutionId',
    });
    expect(parseGet('Steps.Proc.PropertyFiles.Report')).toEqual({
      kind: 'propertyFile',
      step: 'Proc',
      file: 'Report',
    });
    expect(parseGet('Steps.Train.Properties.ModelArtifacts.S3ModelArtifacts')).toEqual(
      parseGet('Steps.Train.ModelArtifacts.S3ModelArtifacts'),
    );
    expect(() => parseGet('Steps.Train')).toThrow(/no property/);
    expect(() => parseGet('Foo.Bar')).toThrow(/not a reference/);
  });
});

describe('resolving', () => {
  test('Get on parameters, execution variables and step properties (lists indexed by name)', () => {
    const value = {
      a: { Get: 'Parameters.Threshold' },
      b: [{ Get: 'Execution.PipelineExecutionId' }, 'literal', 5],
      c: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' },
      d: { Get: "Steps.Proc.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri" },
      e: { Get: 'Steps.Proc.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri' },
      f: { Get: "Steps.Train.HyperParameters['eta']" },
    };
    expect(resolveValue(value, scope())).toEqual({
      a: 0.7,
      b: ['abc123', 'literal', 5],
      c: 's3://b/models/job/output/model.tar.gz',
      d: 's3://b/out/evaluation',
      e: 's3://b/out/train',
      f: '0.2',
    });
  });

  test('Std:Join joins resolved values, nested expressions included', () => {
    const join = {
      'Std:Join': {
        On: '/',
        Values: [
          's3:/',
          { Get: 'Parameters.Bucket' },
          { Get: 'Execution.PipelineExecutionId' },
          { Get: 'Parameters.Count' },
        ],
      },
    };
    expect(resolveValue(join, scope())).toBe('s3://my-bucket/abc123/3');
    expect(resolveValue({ 'Std:Join': { Values: ['a', 'b'] } }, scope())).toBe('ab');
    expect(() =>
      resolveValue(
        { 'Std:Join': { On: '/', Values: [{ Get: 'Steps.Proc.ProcessingOutputConfig' }] } },
        scope(),
      ),
    ).toThrow(/can join strings and numbers/);
  });

  test('Std:JsonGet reads a property file by path', () => {
    const jg = (path: string) => ({
      'Std:JsonGet': { PropertyFile: { Get: 'Steps.Proc.PropertyFiles.Report' }, Path: path },
    });
    expect(resolveValue(jg('regression_metrics.mse.value'), scope())).toBe(4.2);
    expect(resolveValue(jg('list[1].x'), scope())).toBe(2);
    expect(resolveValue(jg('$.label'), scope())).toBe('a');
    expect(() => resolveValue(jg('regression_metrics.mae.value'), scope())).toThrow(/mae does not exist/);
    expect(() => resolveValue(jg('regression_metrics'), scope())).toThrow(/object or list/);
    expect(() =>
      resolveValue(
        { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Other.PropertyFiles.Report' }, Path: 'a' } },
        scope(),
      ),
    ).toThrow(/not available/);
  });

  test('missing values fail with what is missing', () => {
    expect(() => resolveValue({ Get: 'Parameters.Nope' }, scope())).toThrow(
      /parameter 'Nope' is not defined/,
    );
    expect(() => resolveValue({ Get: 'Steps.Later.ModelName' }, scope())).toThrow(/step 'Later' has not run/);
    expect(() => resolveValue({ Get: 'Steps.Train.ModelArtifacts.Missing' }, scope())).toThrow(
      /Steps.Train.ModelArtifacts.Missing does not exist/,
    );
    expect(() =>
      resolveValue({ Get: "Steps.Proc.ProcessingOutputConfig.Outputs['nope'].S3Output" }, scope()),
    ).toThrow(/\['nope'\] does not exist/);
  });

  test('objects that merely contain a Get key among others are plain data', () => {
    const v = { Get: 'Parameters.Threshold', Other: 1 };
    expect(resolveValue(v, scope())).toEqual(v);
  });

  test('references are collected from every depth', () => {
    const refs = collectReferences({
      a: [{ x: { Get: 'Steps.A.ModelName' } }],
      b: { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.P' }] } },
      c: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.B.PropertyFiles.F' }, Path: 'x' } },
    });
    expect(refs).toEqual([
      { kind: 'step', step: 'A', path: [{ prop: 'ModelName' }] },
      { kind: 'parameter', name: 'P' },
      { kind: 'propertyFile', step: 'B', file: 'F' },
    ]);
    expect(() => collectReferences({ 'Std:JsonGet': { S3Uri: 's3://b/k', Path: 'a' } })).toThrow(
      /not supported/,
    );
  });
});
