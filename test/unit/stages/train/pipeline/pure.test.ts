import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../../../../../src/core/errors.js';
import { Inputs } from '../../../../../src/core/inputs.js';
import { parsePipelineSettings } from '../../../../../src/stages/train/pipeline/settings.js';
import { readPipelineDefinition } from '../../../../../src/stages/train/pipeline/definition.js';
import { mermaidDag, mermaidText } from '../../../../../src/stages/train/pipeline/mermaid.js';
import { checkPipelineParameters } from '../../../../../src/stages/train/pipeline/parameters.js';
import { progressLines } from '../../../../../src/stages/train/pipeline/progress.js';
import { formatDuration } from '../../../../../src/stages/train/pipeline/steps.js';
import { executionToken } from '../../../../../src/stages/train/pipeline/token.js';
import { canonicalJson, stepView, type StepView } from '../../../../../src/sagemaker/pipelines.js';

const OLIST = new URL('../../../../../templates/olist/pipeline.json', import.meta.url).pathname;
const SDK = new URL('../../../../fixtures/pipelines/sdk-pipeline.json', import.meta.url).pathname;

describe('reading a definition file', () => {
  test('the Olist pipeline: parameters and the DAG with labelled branches', () => {
    const d = readPipelineDefinition(readFileSync(OLIST, 'utf8'), 'pipeline.json', 'pipeline-definition');
    expect(d.parameters.find((p) => p.name === 'AucThreshold')).toEqual({
      name: 'AucThreshold',
      type: 'Float',
      default: 0.65,
    });
    expect(d.nodes.map((n) => n.name)).toEqual([
      'CIChecks',
      'ForceFailCICheck',
      'ForcedCIFailure',
      'TrainXGBoost',
      'EvaluateModel',
      'AUCQualityGate',
      'RegisterModel',
      'FailQualityGate',
    ]);
    expect(d.edges).toEqual(
      expect.arrayContaining([
        { from: 'CIChecks', to: 'ForceFailCICheck' },
        { from: 'ForceFailCICheck', to: 'ForcedCIFailure', label: 'true' },
        { from: 'ForceFailCICheck', to: 'TrainXGBoost', label: 'false' },
        { from: 'TrainXGBoost', to: 'EvaluateModel' },
        { from: 'EvaluateModel', to: 'AUCQualityGate' },
        { from: 'AUCQualityGate', to: 'RegisterModel', label: 'true' },
      ]),
    );
    expect(JSON.parse(d.json)).toEqual(JSON.parse(readFileSync(OLIST, 'utf8')));
  });

  test('YAML of the same structure reads the same', async () => {
    const { stringify } = await import('yaml');
    const json = readFileSync(SDK, 'utf8');
    const a = readPipelineDefinition(json, 'p.json', 'pipeline-definition');
    const b = readPipelineDefinition(stringify(JSON.parse(json)), 'p.yaml', 'pipeline-definition');
    expect(canonicalJson(JSON.parse(b.json))).toBe(canonicalJson(JSON.parse(a.json)));
    expect(b.edges).toEqual(a.edges);
  });

  test.each([
    ['{', /not valid JSON/],
    ['[]', /top level must be an object/],
    ['{"Steps": []}', /non-empty/],
    ['{"Steps": [{"Name": "A", "Type": "Fail"}, {"Name": "A", "Type": "Fail"}]}', /used twice/],
    ['{"Steps": [{"Name": "A", "Type": "Fail", "DependsOn": ["B"]}]}', /depends on 'B'/],
  ])('%s is a ConfigurationError naming the input and file', (text, msg) => {
    const run = () => readPipelineDefinition(text, 'ci/pipe.json', 'pipeline-definition');
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(/input 'pipeline-definition': ci\/pipe.json/);
    expect(run).toThrow(msg);
  });

  test('canonical JSON ignores key order only', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe('pipeline-parameters', () => {
  const declared = [
    { name: 'ForceFailCI', type: 'String' as const, default: 'false' },
    { name: 'AucThreshold', type: 'Float' as const, default: 0.65 },
    { name: 'Rounds', type: 'Integer' as const },
    { name: 'Flag', type: 'Boolean' as const, default: true },
  ];
  test('typed values become the text the API takes', () => {
    expect(
      checkPipelineParameters(
        { AucThreshold: 0.7, Rounds: '10', Flag: false, ForceFailCI: 'true' },
        declared,
        'pipeline-parameters',
      ),
    ).toEqual([
      { Name: 'AucThreshold', Value: '0.7' },
      { Name: 'Rounds', Value: '10' },
      { Name: 'Flag', Value: 'false' },
      { Name: 'ForceFailCI', Value: 'true' },
    ]);
  });
  test('every problem at once, naming the parameter, its type and the fix', () => {
    const run = () =>
      checkPipelineParameters(
        { AucThreshold: 'high', Nope: 1, Flag: 'yes' },
        declared,
        'pipeline-parameters',
      );
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(/'AucThreshold' is Float: "high" is not a number/);
    expect(run).toThrow(
      /'Nope' is not a parameter of the pipeline \(it declares: ForceFailCI, AucThreshold, Rounds, Flag\)/,
    );
    expect(run).toThrow(/'Flag' is Boolean: "yes" is not true or false/);
    expect(run).toThrow(/'Rounds' has no default value/);
  });
  test('property: an Integer parameter accepts exactly the whole numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer().map(String), fc.string()), (text) => {
        const ok = /^[-+]?\d+$/.test(text.trim());
        const run = () => checkPipelineParameters({ Rounds: text }, declared, 'p');
        if (ok) expect(run()).toEqual([{ Name: 'Rounds', Value: text }]);
        else expect(run).toThrow(ConfigurationError);
      }),
    );
  });
});

const T0 = Date.UTC(2026, 0, 1);
const steps: StepView[] = [
  {
    name: 'Train',
    status: 'Succeeded',
    startTime: T0,
    endTime: T0 + 65_000,
    job: { kind: 'training', arn: 'arn:…/t1', name: 't1' },
  },
  {
    name: 'Evaluate',
    status: 'Failed',
    startTime: T0 + 66_000,
    endTime: T0 + 70_000,
    failureReason: '::error::boom <script>',
  },
  { name: 'Gate', status: 'Executing', startTime: T0 + 71_000 },
];

describe('progress and DAG rendering', () => {
  test('one line per status change, failure reasons kept apart as untrusted text', () => {
    const seen = new Map<string, string>();
    expect(progressLines(seen, steps, T0 + 80_000)).toEqual([
      { text: '✔ Train: Succeeded in 1m 05s (training job t1)' },
      { text: '✖ Evaluate: Failed in 4s', untrusted: '::error::boom <script>' },
      { text: '▶ Gate: Executing' },
    ]);
    expect(progressLines(seen, steps, T0 + 90_000)).toEqual([]);
    expect(
      progressLines(
        seen,
        [{ ...steps[2]!, status: 'Succeeded', endTime: T0 + 72_000, conditionOutcome: 'True' }],
        0,
      ),
    ).toEqual([{ text: '✔ Gate: Succeeded in 1s (condition True)' }]);
  });

  test('the Mermaid graph: a node per step coloured by status, labelled branches, escaped labels', () => {
    const nodes = [
      { name: 'Train', type: 'Training' },
      { name: 'Evaluate', type: 'Processing', displayName: 'Eval "x"] --> evil' },
      { name: 'Gate', type: 'Condition' },
      { name: 'Register', type: 'RegisterModel' },
    ];
    const edges = [
      { from: 'Train', to: 'Evaluate' },
      { from: 'Evaluate', to: 'Gate' },
      { from: 'Gate', to: 'Register', label: 'true' as const },
    ];
    const out = mermaidDag(nodes, edges, steps, T0 + 80_000);
    expect(out.split('\n')[0]).toBe('flowchart TD');
    expect(out).toContain('s0["Train<br/><small>Training · Succeeded · 1m 05s</small>"]:::succeeded');
    expect(out).toContain(
      's1["Eval #34;x#34;#93; --#62; evil<br/><small>Processing · Failed · 4s</small>"]:::failed',
    );
    expect(out).toContain(':::running');
    expect(out).toContain('s3["Register<br/><small>RegisterModel · not run</small>"]:::notrun');
    expect(out).toContain('s2 -- true --> s3');
    expect(out).toContain('classDef failed');
  });

  test('property: escaped labels never contain characters that end a label or start markup', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(mermaidText(s)).not.toMatch(/["<>[\]`\n\r|{}()]/)));
  });

  test('durations', () => {
    expect(formatDuration(4_000)).toBe('4s');
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m 00s');
  });
});

describe('execution token and step views', () => {
  const run = { repository: 'o/r', workflow: 'ci', job: 'train', runId: '123', step: 'pipeline' };
  test('the same run gets the same token (a re-run attaches); anything else differs', () => {
    const t = executionToken(run, 'olist');
    expect(t).toBe(executionToken({ ...run }, 'olist'));
    expect(t).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/);
    expect(t.length).toBeGreaterThanOrEqual(32);
    expect(t.length).toBeLessThanOrEqual(128);
    expect(executionToken({ ...run, runId: '124' }, 'olist')).not.toBe(t);
    expect(executionToken(run, 'other')).not.toBe(t);
    expect(executionToken({}, 'olist', () => 'abc')).toBe('local-abc');
  });

  test('ListPipelineExecutionSteps entries become StepViews', () => {
    const v = stepView({
      StepName: 'Train',
      StepStatus: 'Succeeded',
      StartTime: new Date(T0),
      EndTime: new Date(T0 + 1000),
      Metadata: { TrainingJob: { Arn: 'arn:aws:sagemaker:us-east-1:1:training-job/pipelines-x-train-1' } },
      CacheHitResult: { SourcePipelineExecutionArn: 'arn:…/execution/abc' },
    });
    expect(v).toEqual({
      name: 'Train',
      status: 'Succeeded',
      startTime: T0,
      endTime: T0 + 1000,
      job: {
        kind: 'training',
        arn: 'arn:aws:sagemaker:us-east-1:1:training-job/pipelines-x-train-1',
        name: 'pipelines-x-train-1',
      },
      cachedFrom: 'arn:…/execution/abc',
    });
    expect(
      stepView({ StepName: 'F', StepStatus: 'Failed', Metadata: { Fail: { ErrorMessage: 'm' } } })
        .failureReason,
    ).toBe('m');
  });
});

describe('pipeline settings', () => {
  const base = {
    mode: 'pipeline',
    'pipeline-name': 'olist',
    'pipeline-definition': 'templates/olist/pipeline.json',
    'role-arn': 'arn:aws:iam::123456789012:role/R',
  };
  const parse = (raw: Record<string, string>) =>
    parsePipelineSettings(new Inputs((n) => raw[n] ?? ''), { AWS_REGION: 'eu-west-1' });

  test('typed settings with defaults', () => {
    expect(parse({ ...base, 'pipeline-parameters': 'AucThreshold: 0.7', 'timeout-minutes': '2' })).toEqual({
      pipelineName: 'olist',
      definitionFile: 'templates/olist/pipeline.json',
      parameters: { AucThreshold: 0.7 },
      roleArn: 'arn:aws:iam::123456789012:role/R',
      wait: true,
      timeoutMs: 120_000,
      streamLogs: true,
      region: 'eu-west-1',
      forceFail: false,
    });
  });

  test.each([
    [{ 'pipeline-name': '' }, /input 'pipeline-name' is required: mode 'pipeline' needs it/],
    [{ 'pipeline-name': 'bad_name' }, /input 'pipeline-name': "bad_name" is not a pipeline name/],
    [{ 'pipeline-definition': '' }, /input 'pipeline-definition' is required/],
    [{ 'role-arn': '' }, /input 'role-arn' is required: mode 'pipeline' needs it/],
    [{ image: 'x:1' }, /input 'image' does not apply to mode 'pipeline'/],
    [{ 'job-name': 'j' }, /input 'job-name' does not apply to mode 'pipeline'/],
    [{ 'pipeline-parameters': '[1, 2]' }, /input 'pipeline-parameters'/],
  ])('%p is refused', (over, message) => {
    expect(() => parse({ ...base, ...over })).toThrow(ConfigurationError);
    expect(() => parse({ ...base, ...over })).toThrow(message);
  });
});
