import type { StageNames } from '../../core/context.js';
import { ConfigurationError } from '../../core/errors.js';
import {
  parseInstanceType,
  parseS3Uri,
  parseRoleArn,
  show,
  type Inputs,
  type S3Location,
} from '../../core/inputs.js';
import { PROBLEM_TYPES, type ProblemType } from '../../metrics/types.js';
import { parseThresholds, type ThresholdRule } from '../../gates/thresholds.js';
import { parseMaxRegression } from '../../gates/champion.js';
import { GateConfigError } from '../../gates/errors.js';

/** Runs a gate parser over one input's value; the gate's own error becomes a ConfigurationError naming the input. */
function gateInput<T>(input: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof GateConfigError) throw new ConfigurationError(`input '${input}': ${err.message}`);
    throw err;
  }
}

/** Where the candidate's predictions come from: exactly one of the three. */
export type PredictionSource =
  | {
      kind: 'model-artifact';
      modelArtifact: S3Location;
      image: string | undefined;
      roleArn: string;
      testData: string;
    }
  | { kind: 'predictions'; predictions: string; testData: string }
  | { kind: 'evaluation-report'; report: string };

/** The evaluate action's input, output and state names (a unit test checks them against action.yml). */
export const EVALUATE_NAMES = {
  action: 'evaluate',
  inputs: [
    'model-artifact',
    'image',
    'role-arn',
    'test-data',
    'label-column',
    'predictions',
    'evaluation-report',
    'problem-type',
    'probability-threshold',
    'thresholds',
    'fail-on-gate',
    'force-fail',
    'model-package-group',
    'max-regression',
    'confidence',
    'register',
    'approve-on-pass',
    'report-s3-uri',
    'instance-type',
    'timeout-minutes',
    'github-token',
    'config',
    'region',
  ],
  outputs: [
    'passed',
    'metrics',
    'report-uri',
    'model-package-arn',
    'champion-package-arn',
    'summary-markdown',
  ],
  state: [],
} as const satisfies StageNames;
export type EvaluateOutput = (typeof EVALUATE_NAMES.outputs)[number];

export interface EvaluateSettings {
  source: PredictionSource;
  labelColumn: number;
  problemType: ProblemType;
  probabilityThreshold: number;
  thresholds: ThresholdRule[];
  failOnGate: boolean;
  forceFail: boolean;
  modelPackageGroup: string | undefined;
  maxRegression: Record<string, number>;
  confidence: number;
  register: boolean;
  approveOnPass: boolean;
  reportS3Uri: S3Location | undefined;
  instanceType: string;
  githubToken: string | undefined;
  region: string | undefined;
  timeoutMs: number | undefined;
  /** Notes for the log (inputs that are accepted but have no effect). */
  warnings: string[];
}

const SOURCE_INPUTS = ['model-artifact', 'predictions', 'evaluation-report'] as const;
const GROUP_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** A local path or an S3 URI (validated when it is one). */
function location(inputs: Inputs, name: string): string | undefined {
  const v = inputs.optional(name);
  if (v === undefined || v === '') return undefined;
  if (/^s3:\/\//i.test(v)) return parseS3Uri(name, v).uri;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    throw new ConfigurationError(
      `input '${name}': ${show(v)} is not valid; expected an S3 URI (s3://bucket/key) or a local path`,
    );
  }
  return v;
}

/** Pure: typed settings from the inputs (explicit inputs, then the config file, then defaults). */
export function parseEvaluateSettings(inputs: Inputs): EvaluateSettings {
  const warnings: string[] = [];
  const given = SOURCE_INPUTS.filter((n) => inputs.has(n));
  if (given.length !== 1) {
    throw new ConfigurationError(
      given.length === 0
        ? `set exactly one of 'model-artifact' (batch transform of a model), 'predictions' (scores you computed) or 'evaluation-report' (a model-quality JSON); none was set`
        : `set exactly one of 'model-artifact', 'predictions' or 'evaluation-report'; got ${given.map((n) => `'${n}'`).join(' and ')}, which conflict`,
    );
  }
  const problemType = inputs.choice('problem-type', PROBLEM_TYPES, 'binary-classification');
  const testData = location(inputs, 'test-data');
  const kind = given[0]!;
  let source: PredictionSource;
  if (kind === 'model-artifact') {
    const modelArtifact = parseS3Uri('model-artifact', inputs.required('model-artifact'));
    if (!modelArtifact.key.endsWith('.tar.gz')) {
      throw new ConfigurationError(
        `input 'model-artifact': ${show(modelArtifact.uri)} is not valid; expected the S3 URI of a model.tar.gz (e.g. the train action's model-artifact output)`,
      );
    }
    if (!testData)
      throw new ConfigurationError(
        `input 'test-data' is required with 'model-artifact': the labelled test CSV (S3 URI or local path) to score`,
      );
    const roleArn = parseRoleArn(
      'role-arn',
      inputs.required('role-arn', 'CreateModel needs an execution role for the batch transform'),
    );
    const image = inputs.optional('image');
    if (image !== undefined && !/^\S+$/.test(image)) {
      throw new ConfigurationError(`input 'image': ${show(image)} is not valid; expected an ECR image URI`);
    }
    source = { kind, modelArtifact, image, roleArn, testData };
  } else if (kind === 'predictions') {
    const predictions = location(inputs, 'predictions')!;
    if (!testData)
      throw new ConfigurationError(
        `input 'test-data' is required with 'predictions': the labelled test CSV the predictions were made for`,
      );
    source = { kind, predictions, testData };
  } else {
    source = { kind, report: location(inputs, 'evaluation-report')! };
    inputs.rejectForMode(['test-data'], kind, 'source');
  }
  if (kind !== 'model-artifact') {
    inputs.rejectForMode(['image', 'role-arn'], kind, 'source');
  }

  const modelPackageGroup = inputs.optional('model-package-group');
  if (modelPackageGroup !== undefined && !GROUP_RE.test(modelPackageGroup)) {
    throw new ConfigurationError(
      `input 'model-package-group': ${show(modelPackageGroup)} is not valid; expected 1-63 letters, digits and hyphens, starting and ending with a letter or digit`,
    );
  }
  const maxRegression = gateInput('max-regression', () =>
    parseMaxRegression(inputs.map('max-regression'), problemType),
  );
  if (Object.keys(maxRegression).length && !modelPackageGroup) {
    throw new ConfigurationError(
      `input 'max-regression' needs 'model-package-group' (the champion is the latest Approved package in that group)`,
    );
  }
  const register = inputs.boolean('register', false);
  if (register && !modelPackageGroup)
    throw new ConfigurationError(`input 'register': true needs 'model-package-group' to register into`);
  if (register && kind !== 'model-artifact') {
    throw new ConfigurationError(
      `input 'register': true needs 'model-artifact' (a model package needs the model data); got '${kind}'`,
    );
  }
  const approveOnPass = inputs.boolean('approve-on-pass', false);
  if (approveOnPass && !register)
    throw new ConfigurationError(`input 'approve-on-pass': true has no effect without 'register: true'`);

  const instanceType = parseInstanceType('instance-type', inputs.string('instance-type', 'ml.m5.xlarge'));
  const timeoutMs = inputs.optionalDuration('timeout-minutes', 'm');
  if (timeoutMs !== undefined && timeoutMs <= 0) {
    throw new ConfigurationError(
      `input 'timeout-minutes': ${show(inputs.optional('timeout-minutes'))} is not valid; expected a positive duration such as 30 or 1h`,
    );
  }
  const reportS3Uri = inputs.optionalS3Uri('report-s3-uri');
  if (reportS3Uri && (reportS3Uri.key === '' || reportS3Uri.key.endsWith('/'))) {
    // A prefix: the report goes inside it.
    reportS3Uri.key = `${reportS3Uri.key}evaluation.json`;
    reportS3Uri.uri = `s3://${reportS3Uri.bucket}/${reportS3Uri.key}`;
  }

  return {
    source,
    labelColumn: inputs.integer('label-column', 0, { min: 0, max: 100_000 }),
    problemType,
    probabilityThreshold: inputs.number('probability-threshold', 0.5, { min: 0, max: 1 }),
    thresholds: gateInput('thresholds', () => parseThresholds(inputs.map('thresholds'), problemType)),
    failOnGate: inputs.boolean('fail-on-gate', true),
    forceFail: inputs.boolean('force-fail', false),
    modelPackageGroup,
    maxRegression,
    confidence: confidenceInput(inputs),
    register,
    approveOnPass,
    reportS3Uri,
    instanceType,
    githubToken: inputs.optional('github-token') || undefined,
    region: inputs.optional('region'),
    timeoutMs,
    warnings,
  };
}

function confidenceInput(inputs: Inputs): number {
  const c = inputs.number('confidence', 0.95);
  if (!(c > 0 && c < 1)) {
    throw new ConfigurationError(
      `input 'confidence': ${show(inputs.optional('confidence'))} is not valid; expected a level between 0 and 1 such as 0.95`,
    );
  }
  return c;
}
