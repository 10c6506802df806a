/**
 * The inputs of `mode: pipeline`, typed and checked before any AWS call. Inputs of the job modes
 * (image, hyperparameters, ...) do not apply and are refused, so a config section cannot mix them.
 */
import { ConfigurationError } from '../../../core/errors.js';
import { parseNumber, parseRoleArn, show, type Inputs } from '../../../core/inputs.js';
import { resolveRegion } from '../../../aws/clients.js';

export const PIPELINE_INPUTS = {
  name: 'pipeline-name',
  definition: 'pipeline-definition',
  parameters: 'pipeline-parameters',
} as const;

/** Inputs of the job modes, refused in pipeline mode. */
export const JOB_ONLY_INPUTS = [
  'image',
  'instance-type',
  'instance-count',
  'volume-size-gb',
  'max-runtime-minutes',
  'environment',
  'tags',
  'hyperparameters',
  'inputs',
  'content-type',
  'output-path',
  'metric-definitions',
  'entrypoint',
  'arguments',
  'processing-inputs',
  'processing-outputs',
  'job-name',
  'reuse',
];

const PIPELINE_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;

export interface PipelineSettings {
  pipelineName: string;
  /** Path of the definition file (JSON, or YAML by extension), relative to the workspace. */
  definitionFile: string;
  /** pipeline-parameters as given (checked against the definition once it is read). */
  parameters: Record<string, unknown>;
  roleArn: string;
  wait: boolean;
  timeoutMs: number | undefined;
  streamLogs: boolean;
  region: string;
  forceFail: boolean;
}

export function parsePipelineSettings(
  inputs: Inputs,
  env: NodeJS.ProcessEnv = process.env,
): PipelineSettings {
  inputs.rejectForMode(JOB_ONLY_INPUTS, 'pipeline');
  const pipelineName = inputs.required(
    PIPELINE_INPUTS.name,
    "mode 'pipeline' needs it (the SageMaker pipeline to create or update, then run)",
  );
  if (!PIPELINE_NAME_RE.test(pipelineName))
    throw new ConfigurationError(
      `input '${PIPELINE_INPUTS.name}': ${show(pipelineName)} is not a pipeline name (1-256 letters, digits and hyphens, starting and ending with a letter or digit)`,
    );
  const definitionFile = inputs.required(
    PIPELINE_INPUTS.definition,
    "mode 'pipeline' needs it (a JSON or YAML pipeline definition file in the repository, e.g. the SageMaker Python SDK's pipeline.definition())",
  );
  const roleArn = parseRoleArn(
    'role-arn',
    inputs.required(
      'role-arn',
      "mode 'pipeline' needs it (the role SageMaker Pipelines runs the pipeline with)",
    ),
  );
  const timeoutText = inputs.optional('timeout-minutes');
  return {
    pipelineName,
    definitionFile,
    parameters: inputs.map(PIPELINE_INPUTS.parameters),
    roleArn,
    wait: inputs.boolean('wait', true),
    timeoutMs:
      timeoutText === undefined
        ? undefined
        : parseNumber('timeout-minutes', timeoutText, { min: 0.01 }) * 60_000,
    streamLogs: inputs.boolean('stream-logs', true),
    region: resolveRegion(inputs.optional('region'), env),
    forceFail: inputs.boolean('force-fail', false),
  };
}
