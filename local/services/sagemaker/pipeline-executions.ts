/**
 * Pipeline executions: StartPipelineExecution (ClientRequestToken idempotency), Describe, List,
 * ListPipelineExecutionSteps, ListPipelineParametersForExecution,
 * DescribePipelineDefinitionForExecution, StopPipelineExecution. The execution really runs: see
 * local/pipelines/. ARNs are `...:pipeline/<name lower-cased>/execution/<12-character id>`.
 */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError, parseWireTimestamp } from '../../protocol.js';
import { pageThenFilter, paginate, sortBy } from '../../pagination.js';
import { parseDefinition, parseParameterValue, type Primitive } from '../../pipelines/definition.js';
import {
  isExecutionDone,
  newExecutionId,
  requestStop,
  resolveExperimentConfig,
  startExecution,
  type StepRec,
} from '../../pipelines/execution.js';
import { Checker, isObject } from '../../validate.js';
import { publicFields, toWire } from './common.js';
import { PIPELINE_NAME_RE, checkToken, findPipeline, listScope } from './pipeline-records.js';

type Obj = Record<string, unknown>;

const EXECUTION_ARN_RE = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:pipeline\/.*\/execution\/.*$/;
const PARAM_NAME_RE = /^[A-Za-z0-9\-_]*$/;

function getExecutionRec(ctx: LocalContext, req: Obj): Rec {
  const c = new Checker();
  c.string('PipelineExecutionArn', req['PipelineExecutionArn'], {
    required: true,
    max: 2048,
    pattern: EXECUTION_ARN_RE,
  });
  c.done();
  const rec = ctx.state.pipelineExecutions.get(req['PipelineExecutionArn'] as string);
  if (!rec)
    throw new AwsError(
      'ResourceNotFound',
      `Pipeline execution '${String(req['PipelineExecutionArn'])}' does not exist.`,
    );
  return rec;
}

/** Request parameters (strings) checked against the definition's declared names and types. */
function executionParameters(
  definitionText: string,
  given: { Name: string; Value: string }[],
): Record<string, Primitive> {
  const declared = parseDefinition(definitionText).parameters;
  const out: Record<string, Primitive> = {};
  const errors: string[] = [];
  for (const g of given) {
    const p = declared.find((d) => d.name === g.Name);
    if (!p) {
      errors.push(
        `parameter '${g.Name}' is not declared by the pipeline (declared: ${declared.map((d) => d.name).join(', ') || 'none'})`,
      );
      continue;
    }
    const v = parseParameterValue(p.type, g.Value);
    if (v === undefined) errors.push(`parameter '${g.Name}': '${g.Value}' is not a valid ${p.type}`);
    else out[g.Name] = v;
  }
  for (const p of declared) {
    if (out[p.name] !== undefined || given.some((g) => g.Name === p.name)) continue;
    if (p.default === undefined) errors.push(`parameter '${p.name}' has no default value and was not given`);
    else out[p.name] = p.default;
  }
  if (errors.length) throw new AwsError('ValidationException', errors.join('; '));
  return out;
}

function checkStart(req: Obj): { Name: string; Value: string }[] {
  const c = new Checker();
  if (
    c.string('PipelineName', req['PipelineName'], { required: true, min: 1, max: 2048 }) &&
    !String(req['PipelineName']).startsWith('arn:')
  )
    c.string('PipelineName', req['PipelineName'], { max: 256, pattern: PIPELINE_NAME_RE });
  checkToken(c, req['ClientRequestToken'], true);
  c.string('PipelineExecutionDisplayName', req['PipelineExecutionDisplayName'], {
    min: 1,
    max: 82,
    pattern: PIPELINE_NAME_RE,
  });
  c.string('PipelineExecutionDescription', req['PipelineExecutionDescription'], { max: 3072 });
  if (c.object('ParallelismConfiguration', req['ParallelismConfiguration']))
    c.integer(
      'ParallelismConfiguration.MaxParallelExecutionSteps',
      (req['ParallelismConfiguration'] as Obj)['MaxParallelExecutionSteps'],
      { required: true, min: 1 },
    );
  const params = req['PipelineParameters'] ?? [];
  if (c.list('PipelineParameters', params, { max: 200 })) {
    (params as unknown[]).forEach((p, i) => {
      const o = (isObject(p) ? p : {}) as Obj;
      c.string(`PipelineParameters.${i + 1}.Name`, o['Name'], {
        required: true,
        min: 1,
        max: 256,
        pattern: PARAM_NAME_RE,
      });
      c.string(`PipelineParameters.${i + 1}.Value`, o['Value'], { required: true, max: 1024 });
    });
  }
  c.done();
  if (req['SelectiveExecutionConfig'] !== undefined)
    throw new AwsError('ValidationException', 'sagemaker-local does not support SelectiveExecutionConfig');
  const list = params as { Name: string; Value: string }[];
  const dup = list.find((p, i) => list.findIndex((q) => q.Name === p.Name) !== i);
  if (dup) throw new AwsError('ValidationException', `parameter '${dup.Name}' is given twice`);
  return list;
}

/** What makes two StartPipelineExecution requests with one token "the same request". */
const requestFingerprint = (req: Obj, params: { Name: string; Value: string }[]): string =>
  JSON.stringify([
    [...params].sort((a, b) => (a.Name < b.Name ? -1 : 1)).map((p) => [p.Name, p.Value]),
    req['PipelineExecutionDisplayName'] ?? null,
    req['PipelineExecutionDescription'] ?? null,
  ]);

export function startPipelineExecution(ctx: LocalContext, req: Obj): Obj {
  const given = checkStart(req);
  const pipeline = findPipeline(ctx, req['PipelineName'] as string);
  const token = req['ClientRequestToken'] as string;
  const fingerprint = requestFingerprint(req, given);
  const previous = ctx.state.pipelineExecutions
    .values()
    .find((e) => e['PipelineArn'] === pipeline['PipelineArn'] && e['_token'] === token);
  if (previous) {
    // Idempotency: the same token and request returns the first execution (a retry, or a re-run
    // attaching); the same token with a different request is a conflict (guess: AWS's usual
    // idempotency rule; the exact error text is not documented).
    if (previous['_fingerprint'] === fingerprint)
      return { PipelineExecutionArn: previous['PipelineExecutionArn'] };
    throw new AwsError(
      'ConflictException',
      `ClientRequestToken ${token} was already used to start ${String(previous['PipelineExecutionArn'])} with different parameters`,
    );
  }
  const definition = String(pipeline['PipelineDefinition']);
  const parameters = executionParameters(definition, given);
  const id = newExecutionId();
  const arn = `${String(pipeline['PipelineArn'])}/execution/${id}`;
  const now = ctx.now();
  const rec: Rec = {
    seq: ctx.nextSeq(),
    PipelineArn: pipeline['PipelineArn'],
    PipelineExecutionArn: arn,
    PipelineExecutionDisplayName: req['PipelineExecutionDisplayName'] ?? `execution-${now}`,
    PipelineExecutionStatus: 'Executing',
    CreationTime: now,
    LastModifiedTime: now,
    CreatedBy: {},
    LastModifiedBy: {},
    PipelineVersionId: pipeline['_version'],
    Steps: [],
    _pipelineName: pipeline['PipelineName'],
    _definition: definition,
    _parameters: parameters,
    _parameterText: Object.fromEntries(
      Object.entries(parameters).map(([k, v]) => [k, given.find((g) => g.Name === k)?.Value ?? String(v)]),
    ),
    _token: token,
    _fingerprint: fingerprint,
  };
  for (const k of ['PipelineExecutionDescription', 'ParallelismConfiguration'])
    if (req[k] !== undefined) rec[k] = req[k];
  if (!rec['ParallelismConfiguration'] && pipeline['ParallelismConfiguration'])
    rec['ParallelismConfiguration'] = pipeline['ParallelismConfiguration'];
  const experiment = resolveExperimentConfig(ctx, rec, parseDefinition(definition).experimentConfig);
  if (experiment) rec['PipelineExperimentConfig'] = experiment;
  ctx.state.pipelineExecutions.put(arn, rec);
  ctx.state.pipelines.put(String(pipeline['PipelineName']), { ...pipeline, LastRunTime: now });
  startExecution(ctx, arn);
  return { PipelineExecutionArn: arn };
}

export function describePipelineExecution(ctx: LocalContext, req: Obj): Obj {
  return toWire(publicFields(getExecutionRec(ctx, req), ['Steps'])) as Obj;
}

export function describePipelineDefinitionForExecution(ctx: LocalContext, req: Obj): Obj {
  const rec = getExecutionRec(ctx, req);
  return toWire({ PipelineDefinition: rec['_definition'], CreationTime: rec['CreationTime'] }) as Obj;
}

export function stopPipelineExecution(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkToken(c, req['ClientRequestToken'], true);
  c.done();
  const rec = getExecutionRec(ctx, req);
  const arn = String(rec['PipelineExecutionArn']);
  const status = rec['PipelineExecutionStatus'];
  if (status === 'Stopping') return { PipelineExecutionArn: arn };
  // Stopping a finished execution: ValidationException (guess; the text is not documented).
  if (isExecutionDone(status))
    throw new AwsError(
      'ValidationException',
      `Pipeline execution ${arn} is already ${String(status)} and cannot be stopped.`,
    );
  const now = ctx.now();
  ctx.state.pipelineExecutions.put(arn, {
    ...rec,
    PipelineExecutionStatus: 'Stopping',
    LastModifiedTime: now,
    Steps: (rec['Steps'] as StepRec[]).map((s) =>
      s.StepStatus === 'Executing' || s.StepStatus === 'Starting' ? { ...s, StepStatus: 'Stopping' } : s,
    ),
  });
  requestStop(ctx, arn);
  return { PipelineExecutionArn: arn };
}

function listChecks(req: Obj): void {
  const c = new Checker();
  c.enumOf('SortOrder', req['SortOrder'], ['Ascending', 'Descending']);
  c.integer('MaxResults', req['MaxResults'], { min: 1, max: 100 });
  c.done();
}

export function listPipelineExecutions(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('PipelineName', req['PipelineName'], { required: true, min: 1, max: 2048 });
  c.enumOf('SortBy', req['SortBy'], ['CreationTime', 'PipelineExecutionArn']);
  c.done();
  listChecks(req);
  const pipeline = findPipeline(ctx, req['PipelineName'] as string);
  const after = parseWireTimestamp(req['CreatedAfter'], 'CreatedAfter');
  const before = parseWireTimestamp(req['CreatedBefore'], 'CreatedBefore');
  const mine = ctx.state.pipelineExecutions
    .values()
    .filter((e) => e['PipelineArn'] === pipeline['PipelineArn']);
  // Newest first unless asked otherwise (guess: the API reference gives no default order).
  const sorted = sortBy(
    sortBy(mine, (e) => e.seq, false),
    (e) =>
      req['SortBy'] === 'PipelineExecutionArn'
        ? String(e['PipelineExecutionArn'])
        : (e['CreationTime'] as number),
    req['SortOrder'] !== 'Ascending',
  );
  const page = pageThenFilter(
    sorted,
    (e) =>
      (after === undefined || (e['CreationTime'] as number) > after) &&
      (before === undefined || (e['CreationTime'] as number) < before),
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    listScope('pipeline-executions', req),
  );
  return {
    PipelineExecutionSummaries: page.items.map((e) => {
      const s: Obj = {
        PipelineExecutionArn: e['PipelineExecutionArn'],
        StartTime: e['CreationTime'],
        PipelineExecutionStatus: e['PipelineExecutionStatus'],
        PipelineExecutionDisplayName: e['PipelineExecutionDisplayName'],
      };
      if (e['PipelineExecutionDescription'] !== undefined)
        s['PipelineExecutionDescription'] = e['PipelineExecutionDescription'];
      if (e['FailureReason'] !== undefined) s['PipelineExecutionFailureReason'] = e['FailureReason'];
      return toWire(s);
    }),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function listPipelineExecutionSteps(ctx: LocalContext, req: Obj): Obj {
  listChecks(req);
  const rec = getExecutionRec(ctx, req);
  const steps = (rec['Steps'] as StepRec[]).map((s, i) => ({ ...s, seq: i }));
  // Most recently started first unless SortOrder is Ascending (guess: the console and CLI show
  // the newest step first; the API reference says only "sorted by CreationTime").
  const ordered = req['SortOrder'] === 'Ascending' ? steps : [...steps].reverse();
  const page = paginate(
    ordered,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    JSON.stringify(['steps', rec['PipelineExecutionArn'], req['SortOrder'] ?? null]),
  );
  return {
    PipelineExecutionSteps: page.items.map((s) => toWire(publicFields(s as unknown as Rec))),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function listPipelineParametersForExecution(ctx: LocalContext, req: Obj): Obj {
  listChecks(req);
  const rec = getExecutionRec(ctx, req);
  const params = Object.entries((rec['_parameterText'] ?? {}) as Record<string, string>).map(
    ([Name, Value]) => ({ Name, Value }),
  );
  const page = paginate(
    params,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    JSON.stringify(['params', rec['PipelineExecutionArn']]),
  );
  return { PipelineParameters: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}
