/**
 * SageMaker Pipelines: CreatePipeline, UpdatePipeline, DescribePipeline, ListPipelines,
 * DeletePipeline (the definition is parsed and checked here, as the service rejects a bad one at
 * create time); executions are in pipeline-executions.ts. Pipeline ARNs are
 * `...:pipeline/<name lower-cased>`.
 */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError, parseWireTimestamp } from '../../protocol.js';
import { DefinitionError, parseDefinition } from '../../pipelines/definition.js';
import { isExecutionDone, requestStop } from '../../pipelines/execution.js';
import { Checker, ROLE_ARN_RE } from '../../validate.js';
import { pageThenFilter, sortBy } from '../../pagination.js';
import { publicFields, toWire } from './common.js';

import * as executions from './pipeline-executions.js';
import {
  PIPELINE_ARN_RE,
  PIPELINE_NAME_RE,
  checkToken,
  findPipeline,
  listScope,
} from './pipeline-records.js';

type Obj = Record<string, unknown>;

function checkPipelineNameOrArn(c: Checker, value: unknown): void {
  if (c.string('PipelineName', value, { required: true, min: 1, max: 2048 }) && !PIPELINE_ARN_RE.test(value))
    c.string('PipelineName', value, { max: 256, pattern: PIPELINE_NAME_RE });
}

function checkDefinition(text: unknown): void {
  try {
    parseDefinition(String(text));
  } catch (e) {
    if (e instanceof DefinitionError)
      throw new AwsError('ValidationException', `Invalid pipeline definition: ${e.message}`);
    throw e;
  }
}

function checkCommon(c: Checker, req: Obj, creating: boolean): void {
  c.string('PipelineDisplayName', req['PipelineDisplayName'], {
    min: 1,
    max: 256,
    pattern: PIPELINE_NAME_RE,
  });
  c.string('PipelineDescription', req['PipelineDescription'], { max: 3072 });
  c.string('RoleArn', req['RoleArn'], { required: creating, min: 20, max: 2048, pattern: ROLE_ARN_RE });
  c.string('PipelineDefinition', req['PipelineDefinition'], { min: 1, max: 1048576 });
  if (c.object('ParallelismConfiguration', req['ParallelismConfiguration']))
    c.integer(
      'ParallelismConfiguration.MaxParallelExecutionSteps',
      (req['ParallelismConfiguration'] as Obj)['MaxParallelExecutionSteps'],
      { required: true, min: 1 },
    );
}

function definitionOf(req: Obj, required: boolean): string | undefined {
  if (req['PipelineDefinitionS3Location'] !== undefined)
    throw new AwsError(
      'ValidationException',
      'sagemaker-local does not read PipelineDefinitionS3Location; send the definition as PipelineDefinition',
    );
  const text = req['PipelineDefinition'];
  if (text === undefined) {
    if (required)
      throw new AwsError(
        'ValidationException',
        'Either PipelineDefinition or PipelineDefinitionS3Location must be provided.',
      );
    return undefined;
  }
  checkDefinition(text);
  return String(text);
}

const OPTIONAL_FIELDS = ['PipelineDisplayName', 'PipelineDescription', 'ParallelismConfiguration'] as const;

export function createPipeline(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('PipelineName', req['PipelineName'], {
    required: true,
    min: 1,
    max: 256,
    pattern: PIPELINE_NAME_RE,
  });
  checkToken(c, req['ClientRequestToken'], true);
  checkCommon(c, req, true);
  c.done();
  const definition = definitionOf(req, true)!;
  const name = req['PipelineName'] as string;
  const existing = ctx.state.pipelines
    .values()
    .find((p) => String(p['PipelineName']).toLowerCase() === name.toLowerCase());
  if (existing) {
    // Same token again: the same request retried (idempotency token), answered with the same ARN.
    if (existing['_token'] === req['ClientRequestToken']) return { PipelineArn: existing['PipelineArn'] };
    // The SageMaker Python SDK's upsert() looks for ValidationException + "already exists".
    throw new AwsError(
      'ValidationException',
      `Pipeline names must be unique within an AWS account and region. Pipeline with name (${name}) already exists.`,
    );
  }
  const arn = ctx.arn(`pipeline/${name.toLowerCase()}`);
  const now = ctx.now();
  const rec: Rec = {
    seq: ctx.nextSeq(),
    PipelineName: name,
    PipelineArn: arn,
    PipelineDefinition: definition,
    RoleArn: req['RoleArn'],
    PipelineStatus: 'Active',
    CreationTime: now,
    LastModifiedTime: now,
    CreatedBy: {},
    LastModifiedBy: {},
    _token: req['ClientRequestToken'],
    _version: 1,
  };
  for (const k of OPTIONAL_FIELDS) if (req[k] !== undefined) rec[k] = req[k];
  ctx.state.pipelines.put(name, rec);
  return { PipelineArn: arn };
}

export function updatePipeline(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkPipelineNameOrArn(c, req['PipelineName']);
  checkCommon(c, req, false);
  c.done();
  const rec = findPipeline(ctx, req['PipelineName'] as string);
  const definition = definitionOf(req, false);
  const next: Rec = { ...rec, LastModifiedTime: ctx.now(), LastModifiedBy: {} };
  if (definition !== undefined) {
    next['PipelineDefinition'] = definition;
    next['_version'] = (Number(rec['_version']) || 1) + 1;
  }
  if (req['RoleArn'] !== undefined) next['RoleArn'] = req['RoleArn'];
  for (const k of OPTIONAL_FIELDS) if (req[k] !== undefined) next[k] = req[k];
  ctx.state.pipelines.put(String(rec['PipelineName']), next);
  return { PipelineArn: rec['PipelineArn'] };
}

export function describePipeline(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkPipelineNameOrArn(c, req['PipelineName']);
  c.done();
  const rec = findPipeline(ctx, req['PipelineName'] as string);
  return toWire(publicFields(rec)) as Obj;
}

export function deletePipeline(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkPipelineNameOrArn(c, req['PipelineName']);
  checkToken(c, req['ClientRequestToken'], true);
  c.done();
  const rec = findPipeline(ctx, req['PipelineName'] as string);
  // Nothing may keep running for a pipeline that is gone: its running executions are stopped
  // (guess: the API reference does not say what happens to them).
  for (const e of ctx.state.pipelineExecutions.values())
    if (e['PipelineArn'] === rec['PipelineArn'] && !isExecutionDone(e['PipelineExecutionStatus']))
      requestStop(ctx, String(e['PipelineExecutionArn']));
  ctx.state.pipelines.delete(String(rec['PipelineName']));
  return { PipelineArn: rec['PipelineArn'] };
}

export function listPipelines(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('PipelineNamePrefix', req['PipelineNamePrefix'], { min: 1, max: 256, pattern: PIPELINE_NAME_RE });
  c.enumOf('SortBy', req['SortBy'], ['Name', 'CreationTime']);
  c.enumOf('SortOrder', req['SortOrder'], ['Ascending', 'Descending']);
  c.integer('MaxResults', req['MaxResults'], { min: 1, max: 100 });
  c.done();
  const after = parseWireTimestamp(req['CreatedAfter'], 'CreatedAfter');
  const before = parseWireTimestamp(req['CreatedBefore'], 'CreatedBefore');
  const prefix = (req['PipelineNamePrefix'] as string | undefined)?.toLowerCase();
  const executions = ctx.state.pipelineExecutions.values();
  // Newest first by default (guess: the API reference gives no default order).
  const sorted = sortBy(
    sortBy(ctx.state.pipelines.values(), (p) => p.seq, false),
    (p) => (req['SortBy'] === 'Name' ? String(p['PipelineName']) : (p['CreationTime'] as number)),
    req['SortOrder'] !== 'Ascending',
  );
  const page = pageThenFilter(
    sorted,
    (p) =>
      (!prefix || String(p['PipelineName']).toLowerCase().startsWith(prefix)) &&
      (after === undefined || (p['CreationTime'] as number) > after) &&
      (before === undefined || (p['CreationTime'] as number) < before),
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    listScope('pipelines', req),
  );
  return {
    PipelineSummaries: page.items.map((p) => {
      const last = executions
        .filter((e) => e['PipelineArn'] === p['PipelineArn'])
        .reduce<number | undefined>((m, e) => Math.max(m ?? 0, e['CreationTime'] as number), undefined);
      const summary: Obj = {};
      for (const k of [
        'PipelineArn',
        'PipelineName',
        'PipelineDisplayName',
        'PipelineDescription',
        'RoleArn',
        'CreationTime',
        'LastModifiedTime',
      ])
        if (p[k] !== undefined) summary[k] = p[k];
      if (last !== undefined) summary['LastExecutionTime'] = last;
      return toWire(summary);
    }),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

type Handler = (ctx: LocalContext, req: Obj) => Obj;

/** The Pipelines operations, for the SageMaker operation table. */
export const PIPELINE_OPERATIONS: Record<string, Handler> = {
  CreatePipeline: createPipeline,
  UpdatePipeline: updatePipeline,
  DescribePipeline: describePipeline,
  ListPipelines: listPipelines,
  DeletePipeline: deletePipeline,
  StartPipelineExecution: executions.startPipelineExecution,
  DescribePipelineExecution: executions.describePipelineExecution,
  DescribePipelineDefinitionForExecution: executions.describePipelineDefinitionForExecution,
  ListPipelineExecutions: executions.listPipelineExecutions,
  ListPipelineExecutionSteps: executions.listPipelineExecutionSteps,
  ListPipelineParametersForExecution: executions.listPipelineParametersForExecution,
  StopPipelineExecution: executions.stopPipelineExecution,
};
