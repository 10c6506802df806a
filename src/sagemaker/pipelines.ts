/**
 * SageMaker Pipelines through the SDK: upsert a pipeline only when its definition changed, start an
 * execution idempotently (ClientRequestToken), describe it, list its steps (every page), stop it.
 * Typed views only; the decisions live in src/stages/train/pipeline.
 */
import type {
  DescribePipelineExecutionResponse,
  PipelineExecutionStep,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { collectAll } from '../aws/paging.js';
import { awsErrorName } from '../core/errors.js';
import { loadSageMakerSdk } from './training.js';

export type JobKind = 'training' | 'processing' | 'transform';

/** One pipeline step as ListPipelineExecutionSteps shows it, normalized. */
export interface StepView {
  name: string;
  status: string;
  startTime?: number;
  endTime?: number;
  /** Untrusted (from the service / the job). */
  failureReason?: string;
  job?: { kind: JobKind; arn: string; name: string };
  modelArn?: string;
  modelPackageArn?: string;
  conditionOutcome?: string;
  /** The execution whose result a cache hit reused. */
  cachedFrom?: string;
}

export const STEP_DONE = new Set(['Succeeded', 'Failed', 'Stopped']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two definitions are "the same" when this text is equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObj(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export type UpsertResult = 'created' | 'updated' | 'unchanged';

export interface ExecutionView {
  arn: string;
  status: string;
  failureReason?: string;
  displayName?: string;
  creationTime?: number;
  lastModifiedTime?: number;
}

export const EXECUTION_DONE = new Set(['Succeeded', 'Failed', 'Stopped']);

const JOB_METADATA: [keyof NonNullable<PipelineExecutionStep['Metadata']>, JobKind][] = [
  ['TrainingJob', 'training'],
  ['ProcessingJob', 'processing'],
  ['TransformJob', 'transform'],
];

/** Normalizes one ListPipelineExecutionSteps entry (pure). */
export function stepView(s: PipelineExecutionStep): StepView {
  const v: StepView = { name: s.StepName ?? '?', status: s.StepStatus ?? 'Unknown' };
  if (s.StartTime) v.startTime = s.StartTime.getTime();
  if (s.EndTime) v.endTime = s.EndTime.getTime();
  if (s.FailureReason) v.failureReason = s.FailureReason;
  const md = s.Metadata ?? {};
  for (const [key, kind] of JOB_METADATA) {
    const arn = (md[key] as { Arn?: string } | undefined)?.Arn;
    if (arn) v.job = { kind, arn, name: arn.split('/').pop()! };
  }
  if (md.Model?.Arn) v.modelArn = md.Model.Arn;
  if (md.RegisterModel?.Arn) v.modelPackageArn = md.RegisterModel.Arn;
  if (md.Condition?.Outcome) v.conditionOutcome = md.Condition.Outcome;
  if (md.Fail?.ErrorMessage && !v.failureReason) v.failureReason = md.Fail.ErrorMessage;
  if (s.CacheHitResult?.SourcePipelineExecutionArn)
    v.cachedFrom = s.CacheHitResult.SourcePipelineExecutionArn;
  return v;
}

export function executionView(d: DescribePipelineExecutionResponse): ExecutionView {
  const v: ExecutionView = {
    arn: d.PipelineExecutionArn ?? '',
    status: d.PipelineExecutionStatus ?? 'Unknown',
  };
  if (d.FailureReason) v.failureReason = d.FailureReason;
  if (d.PipelineExecutionDisplayName) v.displayName = d.PipelineExecutionDisplayName;
  if (d.CreationTime) v.creationTime = d.CreationTime.getTime();
  if (d.LastModifiedTime) v.lastModifiedTime = d.LastModifiedTime.getTime();
  return v;
}

export interface PipelineApi {
  /** Creates the pipeline, or updates it when the stored definition differs (compared as canonical JSON). */
  upsert(req: {
    name: string;
    definitionJson: string;
    roleArn: string;
    description?: string;
  }): Promise<UpsertResult>;
  start(req: {
    name: string;
    token: string;
    parameters: { Name: string; Value: string }[];
    displayName?: string;
  }): Promise<string>;
  describe(arn: string): Promise<ExecutionView>;
  /** Every step of the execution (all pages). */
  steps(arn: string): Promise<StepView[]>;
  stop(arn: string, token: string): Promise<void>;
}

const isMissing = (err: unknown): boolean =>
  awsErrorName(err) === 'ResourceNotFound' ||
  (awsErrorName(err) === 'ValidationException' && /does not exist|not found/i.test((err as Error).message));

export function pipelineApi(sm: SageMakerClient): PipelineApi {
  return {
    async upsert({ name, definitionJson, roleArn, description }) {
      const sdk = await loadSageMakerSdk();
      let current: string | undefined;
      try {
        current = (await sm.send(new sdk.DescribePipelineCommand({ PipelineName: name }))).PipelineDefinition;
      } catch (err) {
        if (!isMissing(err)) throw err;
        await sm.send(
          new sdk.CreatePipelineCommand({
            PipelineName: name,
            PipelineDefinition: definitionJson,
            RoleArn: roleArn,
            ...(description ? { PipelineDescription: description } : {}),
          }),
        );
        return 'created';
      }
      if (
        current !== undefined &&
        canonicalJson(JSON.parse(current)) === canonicalJson(JSON.parse(definitionJson))
      )
        return 'unchanged';
      await sm.send(
        new sdk.UpdatePipelineCommand({
          PipelineName: name,
          PipelineDefinition: definitionJson,
          RoleArn: roleArn,
        }),
      );
      return 'updated';
    },
    async start({ name, token, parameters, displayName }) {
      const { StartPipelineExecutionCommand } = await loadSageMakerSdk();
      const res = await sm.send(
        new StartPipelineExecutionCommand({
          PipelineName: name,
          ClientRequestToken: token,
          ...(parameters.length ? { PipelineParameters: parameters } : {}),
          ...(displayName ? { PipelineExecutionDisplayName: displayName } : {}),
        }),
      );
      if (!res.PipelineExecutionArn)
        throw new Error('StartPipelineExecution returned no PipelineExecutionArn');
      return res.PipelineExecutionArn;
    },
    async describe(arn) {
      const { DescribePipelineExecutionCommand } = await loadSageMakerSdk();
      return executionView(
        await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })),
      );
    },
    async steps(arn) {
      const { ListPipelineExecutionStepsCommand } = await loadSageMakerSdk();
      return collectAll(async (NextToken) => {
        const res = await sm.send(
          new ListPipelineExecutionStepsCommand({
            PipelineExecutionArn: arn,
            SortOrder: 'Ascending',
            MaxResults: 100,
            NextToken,
          }),
        );
        return { items: (res.PipelineExecutionSteps ?? []).map(stepView), next: res.NextToken };
      });
    },
    async stop(arn, token) {
      const { StopPipelineExecutionCommand } = await loadSageMakerSdk();
      await sm.send(
        new StopPipelineExecutionCommand({ PipelineExecutionArn: arn, ClientRequestToken: token }),
      );
    },
  };
}
