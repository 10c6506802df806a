/**
 * The deploy stage's inputs, outputs and state names (checked against actions/deploy/action.yml
 * by a test), and its settings: everything it will do, decided from the inputs before any AWS
 * call. Bad input is a ConfigurationError naming the input, the value and the fix.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ConfigurationError } from '../../core/errors.js';
import { parseRoleArn, parseS3Uri, parseSageMakerName, show, type Inputs } from '../../core/inputs.js';
import { resolveRegion } from '../../aws/clients.js';
import type { StageNames } from '../../core/context.js';
import { checkTags } from '../train/structured-inputs.js';

export const INPUTS = {
  config: 'config',
  region: 'region',
  forceFail: 'force-fail',
  mode: 'mode',
  endpointName: 'endpoint-name',
  modelPackageArn: 'model-package-arn',
  modelPackageGroup: 'model-package-group',
  modelArtifact: 'model-artifact',
  image: 'image',
  roleArn: 'role-arn',
  allowUnapproved: 'allow-unapproved',
  strategy: 'strategy',
  canaryPercent: 'canary-percent',
  linearStepPercent: 'linear-step-percent',
  waitInterval: 'wait-interval',
  bakeTime: 'bake-time',
  maxTime: 'max-time',
  rollbackAlarms: 'rollback-alarms',
  createDefaultAlarms: 'create-default-alarms',
  latencyAlarmMs: 'latency-alarm-ms',
  instanceType: 'instance-type',
  instanceCount: 'instance-count',
  dataCapturePercent: 'data-capture-percent',
  dataCaptureUri: 'data-capture-uri',
  tags: 'tags',
  smokeTestPayload: 'smoke-test-payload',
  smokeTestContentType: 'smoke-test-content-type',
  smokeTestExpect: 'smoke-test-expect',
  rollbackOnSmokeFailure: 'rollback-on-smoke-failure',
  githubToken: 'github-token',
  environment: 'environment',
  transformInput: 'transform-input',
  transformOutput: 'transform-output',
  transformOutputFormat: 'transform-output-format',
} as const;

export const OUTPUTS = {
  endpointName: 'endpoint-name',
  endpointConfigName: 'endpoint-config-name',
  previousEndpointConfigName: 'previous-endpoint-config-name',
  modelName: 'model-name',
  rolledBack: 'rolled-back',
  deploymentId: 'deployment-id',
  outputUri: 'output-uri',
} as const;

/** The stage's names for the action context (checked against action.yml by a test). */
export const DEPLOY_NAMES = {
  action: 'deploy',
  inputs: Object.values(INPUTS),
  outputs: Object.values(OUTPUTS),
  state: [] as const,
} as const satisfies StageNames;

export const STRATEGIES = ['all-at-once', 'canary', 'linear'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const DEFAULTS = {
  strategy: 'canary' as Strategy,
  canaryPercent: 10,
  linearStepPercent: 20,
  waitIntervalS: 300,
  bakeTimeS: 0,
  maxTimeS: 3600,
  latencyAlarmMs: 1000,
  instanceType: 'ml.m5.large',
  instanceCount: 1,
  smokeContentType: 'text/csv',
  transformOutputFormat: 'numeric' as const,
  variantName: 'AllTraffic',
};

export type ModelSource =
  | { kind: 'package'; arn: string }
  | { kind: 'group'; group: string }
  | { kind: 'artifact'; artifact: string; image: string };

export interface SmokeTest {
  payload: string;
  contentType: string;
  expect: string | undefined;
  rollbackOnFailure: boolean;
}

export interface DeploySettings {
  mode: 'endpoint' | 'batch-transform';
  region: string;
  forceFail: boolean;
  source: ModelSource;
  roleArn: string;
  allowUnapproved: boolean;
  endpointName: string;
  strategy: Strategy;
  canaryPercent: number;
  linearStepPercent: number;
  waitIntervalS: number;
  bakeTimeS: number;
  maxTimeS: number;
  rollbackAlarms: string[];
  createDefaultAlarms: boolean;
  latencyAlarmMs: number;
  instanceType: string;
  instanceCount: number;
  dataCapture: { percent: number; destination: string } | undefined;
  tags: Record<string, string>;
  smoke: SmokeTest | undefined;
  github: { token: string; environment: string } | undefined;
  transform: { input: string; output: string; format: 'numeric' | 'json' } | undefined;
}

const INSTANCE_TYPE_RE = /^ml\.[a-z0-9]+(\.[a-z0-9]+)+$/;
/** Alarm names: 1-255 characters, no control characters. */
const ALARM_NAME_RE = /^[^\p{Cc}]{1,255}$/u;

const bad = (input: string, value: unknown, fix: string): never => {
  throw new ConfigurationError(`input '${input}': ${show(value)} is not valid; ${fix}`);
};

/** Seconds from a duration input, within AWS's bounds. */
function seconds(inputs: Inputs, name: string, fallback: number, min: number, max: number): number {
  const ms = inputs.optionalDuration(name, 's');
  if (ms === undefined) return fallback;
  const s = ms / 1000;
  if (!Number.isInteger(s) || s < min || s > max)
    bad(name, inputs.value(name), `expected a whole number of seconds from ${min} to ${max} (e.g. 30s, 5m)`);
  return s;
}

function modelSource(inputs: Inputs): ModelSource {
  // The model source is one choice: one given as an input replaces the config file's (a release
  // deploys the package it just registered, whatever group the config section names).
  const names: string[] = [INPUTS.modelPackageArn, INPUTS.modelPackageGroup, INPUTS.modelArtifact];
  const chosen = names.some((n) => inputs.isExplicit(n)) ? names.filter((n) => inputs.isExplicit(n)) : names;
  const pick = (name: string): string | undefined =>
    chosen.includes(name) ? inputs.optional(name) : undefined;
  const arn = pick(INPUTS.modelPackageArn);
  const group = pick(INPUTS.modelPackageGroup);
  const artifact = pick(INPUTS.modelArtifact);
  const given = [
    arn && INPUTS.modelPackageArn,
    group && INPUTS.modelPackageGroup,
    artifact && INPUTS.modelArtifact,
  ].filter(Boolean);
  if (given.length !== 1)
    throw new ConfigurationError(
      given.length === 0
        ? `no model to deploy: set one of '${INPUTS.modelPackageArn}', '${INPUTS.modelPackageGroup}' (its latest Approved version) or '${INPUTS.modelArtifact}' + '${INPUTS.image}'`
        : `inputs ${given.map((g) => `'${g}'`).join(' and ')} were both set: give exactly one model source`,
    );
  if (arn) {
    if (!/^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9-]{1,63}(\/\d+)?$/.test(arn))
      bad(
        INPUTS.modelPackageArn,
        arn,
        'expected arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>',
      );
    return { kind: 'package', arn };
  }
  if (group) return { kind: 'group', group: parseSageMakerName(INPUTS.modelPackageGroup, group) };
  const image = inputs.required(INPUTS.image, `'${INPUTS.modelArtifact}' needs the serving image URI too`);
  const loc = parseS3Uri(INPUTS.modelArtifact, artifact!);
  if (!loc.key.endsWith('.tar.gz'))
    bad(
      INPUTS.modelArtifact,
      artifact,
      'expected the S3 URI of a model.tar.gz (SageMaker needs a single .tar.gz)',
    );
  return { kind: 'artifact', artifact: loc.uri, image };
}

function smokeTest(inputs: Inputs): SmokeTest | undefined {
  const raw = inputs.optional(INPUTS.smokeTestPayload);
  if (raw === undefined) {
    if (inputs.has(INPUTS.smokeTestExpect))
      throw new ConfigurationError(
        `input '${INPUTS.smokeTestExpect}' needs '${INPUTS.smokeTestPayload}' (what to send)`,
      );
    return undefined;
  }
  // A payload naming an existing file is read from it; anything else is the payload itself.
  let payload = raw;
  if (!raw.includes('\n') && raw.length < 4096 && existsSync(raw) && statSync(raw).isFile()) {
    payload = readFileSync(raw, 'utf8');
  }
  if (payload.trim() === '') bad(INPUTS.smokeTestPayload, raw, 'the payload (or the file it names) is empty');
  const expect = inputs.optional(INPUTS.smokeTestExpect);
  if (expect !== undefined && /^\/.*\/[a-z]*$/.test(expect)) {
    try {
      expectMatcher(expect);
    } catch (err) {
      bad(INPUTS.smokeTestExpect, expect, `not a valid regular expression (${(err as Error).message})`);
    }
  }
  return {
    payload,
    contentType: inputs.string(INPUTS.smokeTestContentType, DEFAULTS.smokeContentType),
    expect,
    rollbackOnFailure: inputs.boolean(INPUTS.rollbackOnSmokeFailure, true),
  };
}

/** `/regex/flags` is a regular expression; anything else must occur in the response. */
export function expectMatcher(expect: string): (body: string) => boolean {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(expect);
  if (m) {
    const re = new RegExp(m[1]!, m[2]);
    return (body) => re.test(body);
  }
  return (body) => body.includes(expect);
}

export function parseDeploySettings(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): DeploySettings {
  const mode = inputs.choice(INPUTS.mode, ['endpoint', 'batch-transform'] as const, 'endpoint');
  const region = resolveRegion(inputs.optional(INPUTS.region), env);
  const source = modelSource(inputs);
  const roleArn = parseRoleArn(
    INPUTS.roleArn,
    inputs.required(
      INPUTS.roleArn,
      'the IAM role SageMaker runs the model as (CreateModel ExecutionRoleArn)',
    ),
  );
  const endpointName =
    mode === 'endpoint'
      ? parseSageMakerName(
          INPUTS.endpointName,
          inputs.required(INPUTS.endpointName, 'the endpoint to create or update'),
        )
      : parseSageMakerName(INPUTS.endpointName, inputs.string(INPUTS.endpointName, 'batch'));
  const strategy = inputs.choice(INPUTS.strategy, STRATEGIES, DEFAULTS.strategy);
  const waitIntervalS = seconds(inputs, INPUTS.waitInterval, DEFAULTS.waitIntervalS, 0, 3600);
  const bakeTimeS = seconds(inputs, INPUTS.bakeTime, DEFAULTS.bakeTimeS, 0, 3600);
  const maxTimeS = seconds(inputs, INPUTS.maxTime, DEFAULTS.maxTimeS, 600, 28800);
  if (maxTimeS <= waitIntervalS + bakeTimeS)
    bad(
      INPUTS.maxTime,
      inputs.value(INPUTS.maxTime) ?? `${maxTimeS}s`,
      `must exceed ${INPUTS.waitInterval} + ${INPUTS.bakeTime} (${waitIntervalS + bakeTimeS} s), as SageMaker requires`,
    );
  const rollbackAlarms = inputs.list(INPUTS.rollbackAlarms);
  for (const a of rollbackAlarms)
    if (!ALARM_NAME_RE.test(a)) bad(INPUTS.rollbackAlarms, a, 'alarm names are 1-255 printable characters');
  const createDefaultAlarms = inputs.boolean(INPUTS.createDefaultAlarms, false);
  if (rollbackAlarms.length + (createDefaultAlarms ? 2 : 0) > 10)
    bad(
      INPUTS.rollbackAlarms,
      rollbackAlarms,
      'SageMaker watches at most 10 rollback alarms (the default alarms count as 2)',
    );
  const instanceType = inputs.string(INPUTS.instanceType, DEFAULTS.instanceType);
  if (!INSTANCE_TYPE_RE.test(instanceType))
    bad(INPUTS.instanceType, instanceType, 'expected an instance type like ml.m5.large');
  const capturePercent = inputs.optionalInteger(INPUTS.dataCapturePercent, { min: 0, max: 100 });
  const captureUri = inputs.optionalS3Uri(INPUTS.dataCaptureUri);
  if ((capturePercent === undefined) !== (captureUri === undefined))
    throw new ConfigurationError(
      `inputs '${INPUTS.dataCapturePercent}' and '${INPUTS.dataCaptureUri}' go together: set both to capture requests, or neither`,
    );
  const token = inputs.optional(INPUTS.githubToken);
  const environment = inputs.optional(INPUTS.environment);
  if (environment !== undefined && token === undefined)
    throw new ConfigurationError(
      `input '${INPUTS.environment}' needs '${INPUTS.githubToken}' (with deployments: write) to record a GitHub deployment`,
    );
  let transform: DeploySettings['transform'];
  if (mode === 'batch-transform') {
    const input = inputs.required(
      INPUTS.transformInput,
      'an S3 prefix or a local folder of CSV files to transform',
    );
    if (!input.startsWith('s3://') && !(existsSync(input) && statSync(input).isDirectory()))
      bad(
        INPUTS.transformInput,
        input,
        'expected an S3 prefix (s3://bucket/prefix/) or an existing local folder',
      );
    if (input.startsWith('s3://')) parseS3Uri(INPUTS.transformInput, input);
    const output = parseS3Uri(
      INPUTS.transformOutput,
      inputs.required(INPUTS.transformOutput, 'the S3 prefix the predictions are written to'),
    ).uri;
    transform = {
      input,
      output,
      format: inputs.choice(
        INPUTS.transformOutputFormat,
        ['numeric', 'json'] as const,
        DEFAULTS.transformOutputFormat,
      ),
    };
  }
  return {
    mode,
    region,
    forceFail: inputs.boolean(INPUTS.forceFail, false),
    source,
    roleArn,
    allowUnapproved: inputs.boolean(INPUTS.allowUnapproved, false),
    endpointName,
    strategy,
    canaryPercent: inputs.integer(INPUTS.canaryPercent, DEFAULTS.canaryPercent, { min: 1, max: 50 }),
    linearStepPercent: inputs.integer(INPUTS.linearStepPercent, DEFAULTS.linearStepPercent, {
      min: 10,
      max: 50,
    }),
    waitIntervalS,
    bakeTimeS,
    maxTimeS,
    rollbackAlarms,
    createDefaultAlarms,
    latencyAlarmMs: inputs.integer(INPUTS.latencyAlarmMs, DEFAULTS.latencyAlarmMs, {
      min: 1,
      max: 3_600_000,
    }),
    instanceType,
    instanceCount: inputs.integer(INPUTS.instanceCount, DEFAULTS.instanceCount, { min: 1, max: 100 }),
    dataCapture:
      capturePercent !== undefined && captureUri
        ? { percent: capturePercent, destination: captureUri.uri }
        : undefined,
    tags: checkTags(INPUTS.tags, inputs.stringMap(INPUTS.tags)),
    smoke: mode === 'endpoint' ? smokeTest(inputs) : undefined,
    github: token ? { token, environment: environment ?? 'production' } : undefined,
    transform,
  };
}
