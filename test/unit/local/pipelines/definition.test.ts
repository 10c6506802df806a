import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  DefinitionError,
  parseDefinition,
  parseParameterValue,
} from '../../../../local/pipelines/definition.js';

const FIXTURES = new URL('../../../fixtures/pipelines/', import.meta.url).pathname;
const OLIST = new URL('../../../../templates/olist/pipeline.json', import.meta.url).pathname;

const def = (steps: unknown[], parameters: unknown[] = []) =>
  JSON.stringify({ Version: '2020-12-01', Parameters: parameters, Steps: steps });
const fail = (name: string, extra: object = {}) => ({
  Name: name,
  Type: 'Fail',
  Arguments: { ErrorMessage: 'x' },
  ...extra,
});
const proc = (name: string, args: object = {}, extra: object = {}) => ({
  Name: name,
  Type: 'Processing',
  Arguments: args,
  ...extra,
});

describe('pipeline definitions in the SageMaker Python SDK format', () => {
  test('the SDK-format fixture: parameters, flattened branches, dependencies from Get, JsonGet and DependsOn', () => {
    const d = parseDefinition(readFileSync(`${FIXTURES}sdk-pipeline.json`, 'utf8'));
    expect(d.version).toBe('2020-12-01');
    expect(d.parameters.find((p) => p.name === 'Eta')).toEqual({ name: 'Eta', type: 'Float', default: 0.3 });
    expect(d.parameters.find((p) => p.name === 'Register')).toEqual({
      name: 'Register',
      type: 'Boolean',
      default: true,
    });
    const by = new Map(d.steps.map((s) => [s.name, s]));
    expect([...by.keys()]).toEqual([
      'Preprocess',
      'Audit',
      'Train',
      'CreateModel-CreateModel',
      'BatchScore',
      'CheckData',
      'RegisterModel-RegisterModel',
      'NotEnoughData',
    ]);
    expect(by.get('Train')!.deps).toEqual(['Preprocess']);
    expect(by.get('BatchScore')!.deps.sort()).toEqual(['CreateModel-CreateModel', 'Preprocess']);
    expect(by.get('CheckData')!.deps.sort()).toEqual(['Audit', 'BatchScore', 'Preprocess']);
    expect(by.get('RegisterModel-RegisterModel')!.branch).toEqual({ condition: 'CheckData', outcome: true });
    expect(by.get('NotEnoughData')!.branch).toEqual({ condition: 'CheckData', outcome: false });
    expect(by.get('RegisterModel-RegisterModel')!.deps.sort()).toEqual(['CheckData', 'Preprocess', 'Train']);
    expect(by.get('Preprocess')!.cache).toEqual({ enabled: true, expireAfter: 'PT1H' });
    expect(by.get('Preprocess')!.propertyFiles).toEqual([
      { name: 'DataStats', outputName: 'stats', filePath: 'stats.json' },
    ]);
    expect(by.get('Preprocess')!.displayName).toBe('Preprocess data');
    expect(d.experimentConfig).toEqual({
      ExperimentName: { Get: 'Execution.PipelineName' },
      TrialName: { Get: 'Execution.PipelineExecutionId' },
    });
  });

  test('the Olist reference pipeline parses: ForceFailCI gates everything through a Fail step', () => {
    const d = parseDefinition(readFileSync(OLIST, 'utf8'));
    const by = new Map(d.steps.map((s) => [s.name, s]));
    expect(by.get('ForcedCIFailure')!.branch).toEqual({ condition: 'ForceFailCICheck', outcome: true });
    expect(by.get('TrainXGBoost')!.branch).toEqual({ condition: 'ForceFailCICheck', outcome: false });
    expect(by.get('RegisterModel')!.branch).toEqual({ condition: 'AUCQualityGate', outcome: true });
    expect(by.get('FailQualityGate')!.type).toBe('Fail');
    expect(d.parameters.map((p) => `${p.name}:${p.type}`)).toEqual(
      expect.arrayContaining(['ForceFailCI:String', 'AucThreshold:Float']),
    );
  });

  test.each([
    ['not JSON', '{', /not valid JSON/],
    ['no steps', def([]), /Steps must be a non-empty list/],
    ['bad step name', def([fail('a b')]), /must match/],
    [
      'unsupported type',
      def([{ Name: 'L', Type: 'Lambda', Arguments: {} }]),
      /'Lambda' is not supported by sagemaker-local/,
    ],
    ['duplicate names', def([fail('A'), fail('A')]), /used twice/],
    [
      'duplicate inside a branch',
      def([
        {
          Name: 'C',
          Type: 'Condition',
          Arguments: { Conditions: [{ Type: 'Equals', LeftValue: 1, RightValue: 1 }], IfSteps: [fail('C')] },
        },
      ]),
      /used twice/,
    ],
    ['unknown DependsOn', def([fail('A', { DependsOn: ['B'] })]), /DependsOn names step 'B'/],
    ['unknown step reference', def([proc('A', { x: { Get: 'Steps.B.ModelName' } })]), /references step 'B'/],
    ['undeclared parameter', def([proc('A', { x: { Get: 'Parameters.P' } })]), /parameter 'P'/],
    [
      'unknown execution variable',
      def([proc('A', { x: { Get: 'Execution.Foo' } })]),
      /not an execution variable/,
    ],
    [
      'JsonGet on an undeclared property file',
      def([
        proc('A'),
        proc('B', { x: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.A.PropertyFiles.R' }, Path: 'a' } } }),
      ]),
      /does not declare/,
    ],
    [
      'property files on a training step',
      def([{ Name: 'T', Type: 'Training', Arguments: {}, PropertyFiles: [] }]),
      /only Processing steps/,
    ],
    [
      'a cycle',
      def([proc('A', { x: { Get: 'Steps.B.ProcessingJobName' } }), proc('B', {}, { DependsOn: ['A'] })]),
      /cycle: (A -> B -> A|B -> A -> B)/,
    ],
    [
      'a bad ExpireAfter',
      def([proc('A', {}, { CacheConfig: { Enabled: true, ExpireAfter: 'soon' } })]),
      /not an ISO 8601 duration/,
    ],
    [
      'a bad condition',
      def([
        { Name: 'C', Type: 'Condition', Arguments: { Conditions: [{ Type: 'GreaterThan', LeftValue: 1 }] } },
      ]),
      /needs RightValue/,
    ],
    [
      'a default of the wrong type',
      def([fail('A')], [{ Name: 'N', Type: 'Integer', DefaultValue: 1.5 }]),
      /not a valid Integer/,
    ],
    ['an unknown parameter type', def([fail('A')], [{ Name: 'N', Type: 'Date' }]), /not one of/],
  ])('%s is rejected with a reason', (_what, text, message) => {
    expect(() => parseDefinition(text)).toThrow(DefinitionError);
    expect(() => parseDefinition(text)).toThrow(message);
  });

  test('parameter values given as text are typed', () => {
    expect(parseParameterValue('Integer', '42')).toBe(42);
    expect(parseParameterValue('Integer', '4.2')).toBeUndefined();
    expect(parseParameterValue('Float', '0.55')).toBe(0.55);
    expect(parseParameterValue('Float', 'abc')).toBeUndefined();
    expect(parseParameterValue('Float', '')).toBeUndefined();
    expect(parseParameterValue('Boolean', 'true')).toBe(true);
    expect(parseParameterValue('Boolean', 'True')).toBeUndefined();
    expect(parseParameterValue('String', '')).toBe('');
  });
});
