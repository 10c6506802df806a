/**
 * CreateEndpoint, DescribeEndpoint, UpdateEndpoint, DeleteEndpoint, ListEndpoints,
 * UpdateEndpointWeightsAndCapacities: validation and the stored record; what runs afterwards
 * (fleets, blue/green) is local/endpoints/engine.ts.
 */
import type { LocalContext, Rec } from '../../context.js';
import { captureSummary } from '../../endpoints/engine.js';
import { deploymentConfigProblems } from '../../endpoints/traffic.js';
import { AwsError } from '../../protocol.js';
import { Checker, ENTITY_NAME_RE, isObject } from '../../validate.js';
import { listJobs, publicFields, toWire } from './common.js';
import { couldNotFindConfig } from './endpoint-configs.js';
import { storeTags } from './tags.js';

type Obj = Record<string, unknown>;

export const ENDPOINT_STATUSES = [
  'OutOfService',
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
  'InService',
  'Deleting',
  'Failed',
  'UpdateRollbackFailed',
] as const;

const endpointArn = (ctx: LocalContext, name: string): string => ctx.arn(`endpoint/${name.toLowerCase()}`);

/** AWS's answer for a missing endpoint (the SDK's deploy helpers match "Could not find"). */
export const couldNotFindEndpoint = (ctx: LocalContext, name: string): AwsError =>
  new AwsError('ValidationException', `Could not find endpoint "${endpointArn(ctx, name)}".`);

function checkName(c: Checker, key: string, value: unknown): void {
  c.string(key, value, { required: true, max: 63, pattern: ENTITY_NAME_RE });
}

function getEndpoint(ctx: LocalContext, req: Obj): Rec {
  const c = new Checker();
  checkName(c, 'EndpointName', req['EndpointName']);
  c.done();
  const rec = ctx.state.endpoints.get(req['EndpointName'] as string);
  if (!rec) throw couldNotFindEndpoint(ctx, req['EndpointName'] as string);
  return rec;
}

function checkDeploymentConfig(ctx: LocalContext, dc: unknown): void {
  if (dc === undefined) return;
  if (!isObject(dc)) throw new AwsError('ValidationException', 'DeploymentConfig must be a structure.');
  const problems = deploymentConfigProblems(dc);
  if (problems.length)
    throw new AwsError(
      'ValidationException',
      `${problems.length} validation error${problems.length === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
    );
  const alarms =
    ((dc['AutoRollbackConfiguration'] as Obj | undefined)?.['Alarms'] as Obj[] | undefined) ?? [];
  // Guess (noted): AWS checks the rollback alarms exist (the execution role needs
  // cloudwatch:DescribeAlarms); an alarm that does not exist is refused here.
  const missing = alarms.map((a) => String(a['AlarmName'])).filter((n) => !ctx.alarms.get(n));
  if (missing.length)
    throw new AwsError(
      'ValidationException',
      `The following alarms in AutoRollbackConfiguration do not exist: ${missing.join(', ')}.`,
    );
}

export function createEndpoint(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  checkName(c, 'EndpointName', req['EndpointName']);
  checkName(c, 'EndpointConfigName', req['EndpointConfigName']);
  c.list('Tags', req['Tags'], { max: 50 });
  c.done();
  checkDeploymentConfig(ctx, req['DeploymentConfig']);
  const name = req['EndpointName'] as string;
  const arn = endpointArn(ctx, name);
  if (ctx.state.endpoints.has(name))
    throw new AwsError('ValidationException', `Cannot create already existing endpoint "${arn}".`);
  const configName = req['EndpointConfigName'] as string;
  const config = ctx.state.endpointConfigs.get(configName);
  if (!config) throw couldNotFindConfig(ctx, configName);
  const now = ctx.now();
  const variantStatus = [{ Status: 'Creating', StatusMessage: 'Launching instance(s).', StartTime: now }];
  ctx.state.endpoints.put(name, {
    seq: ctx.nextSeq(),
    EndpointName: name,
    EndpointArn: arn,
    EndpointConfigName: configName,
    EndpointStatus: 'Creating',
    ProductionVariants: ctx.endpoints
      .variantSummaries(config, () => variantStatus)
      .map((v) => ({ ...v, CurrentInstanceCount: 0, CurrentWeight: 0 })),
    ...(captureSummary(config) ? { DataCaptureConfig: captureSummary(config) } : {}),
    ...(req['DeploymentConfig'] ? { _deploymentConfig: req['DeploymentConfig'] } : {}),
    CreationTime: now,
    LastModifiedTime: now,
  });
  storeTags(ctx, arn, req['Tags']);
  ctx.endpoints.create(name);
  return { EndpointArn: arn };
}

export function describeEndpoint(ctx: LocalContext, req: Obj): Obj {
  return toWire(publicFields(getEndpoint(ctx, req))) as Obj;
}

export function updateEndpoint(ctx: LocalContext, req: Obj): Obj {
  const rec = getEndpoint(ctx, req);
  const c = new Checker();
  checkName(c, 'EndpointConfigName', req['EndpointConfigName']);
  c.done();
  const name = rec['EndpointName'] as string;
  const arn = rec['EndpointArn'] as string;
  const status = rec['EndpointStatus'];
  if (status === 'Failed')
    throw new AwsError(
      'ValidationException',
      `Cannot update endpoint "${arn}" in status Failed: a failed endpoint can only be deleted.`,
    );
  if (status !== 'InService')
    throw new AwsError('ValidationException', `Cannot update in-progress endpoint "${arn}".`);
  const configName = req['EndpointConfigName'] as string;
  if (!ctx.state.endpointConfigs.has(configName)) throw couldNotFindConfig(ctx, configName);
  // AWS requires a new endpoint configuration for UpdateEndpoint; wording is our guess.
  if (configName === rec['EndpointConfigName'])
    throw new AwsError(
      'ValidationException',
      `Cannot update endpoint "${arn}" to the endpoint configuration it already uses ("${configName}"): create a new endpoint configuration.`,
    );
  if (req['RetainAllVariantProperties'] === true || req['ExcludeRetainedVariantProperties'] !== undefined)
    throw new AwsError(
      'ValidationException',
      'sagemaker-local does not emulate RetainAllVariantProperties / ExcludeRetainedVariantProperties.',
    );
  let dc = req['DeploymentConfig'] as Obj | undefined;
  if (req['RetainDeploymentConfig'] === true) {
    if (dc)
      throw new AwsError(
        'ValidationException',
        'DeploymentConfig and RetainDeploymentConfig cannot both be given.',
      );
    dc = rec['_deploymentConfig'] as Obj | undefined;
  }
  checkDeploymentConfig(ctx, dc);
  const now = ctx.now();
  ctx.state.endpoints.put(name, {
    ...rec,
    EndpointStatus: 'Updating',
    LastModifiedTime: now,
    ...(dc ? { LastDeploymentConfig: dc, _deploymentConfig: dc } : {}),
  });
  // The previous rollback's FailureReason stays until the update ends (as AWS keeps it).
  ctx.endpoints.update(name, configName, dc);
  return { EndpointArn: arn };
}

export function deleteEndpoint(ctx: LocalContext, req: Obj): Obj {
  const rec = getEndpoint(ctx, req);
  const name = rec['EndpointName'] as string;
  if (rec['EndpointStatus'] === 'Deleting') return {};
  ctx.state.endpoints.put(name, { ...rec, EndpointStatus: 'Deleting', LastModifiedTime: ctx.now() });
  ctx.state.tags.delete(String(rec['EndpointArn']));
  ctx.endpoints.delete(name);
  return {};
}

export function listEndpoints(ctx: LocalContext, req: Obj): Obj {
  if (req['SortBy'] !== undefined && !['Name', 'CreationTime', 'Status'].includes(String(req['SortBy'])))
    throw new AwsError(
      'ValidationException',
      `Value '${String(req['SortBy'])}' at 'sortBy' failed to satisfy constraint`,
    );
  return listJobs(ctx.state.endpoints.values(), req, {
    nameKey: 'EndpointName',
    statusKey: 'EndpointStatus',
    summaryKeys: ['EndpointName', 'EndpointArn', 'CreationTime', 'LastModifiedTime', 'EndpointStatus'],
    resultKey: 'Endpoints',
    statuses: ENDPOINT_STATUSES,
  });
}

export function updateEndpointWeightsAndCapacities(ctx: LocalContext, req: Obj): Obj {
  const rec = getEndpoint(ctx, req);
  const c = new Checker();
  if (
    c.list('DesiredWeightsAndCapacities', req['DesiredWeightsAndCapacities'], {
      required: true,
      min: 1,
      max: 10,
    })
  ) {
    (req['DesiredWeightsAndCapacities'] as unknown[]).forEach((d, i) => {
      const p = `DesiredWeightsAndCapacities.${i + 1}`;
      if (!c.object(p, d)) return;
      c.string(`${p}.VariantName`, d['VariantName'], { required: true, max: 63, pattern: ENTITY_NAME_RE });
      c.integer(`${p}.DesiredInstanceCount`, d['DesiredInstanceCount'], { min: 0 });
      const w = d['DesiredWeight'];
      if (w !== undefined && (typeof w !== 'number' || w < 0))
        c.errors.push(
          `Value '${String(w)}' at '${p}.desiredWeight' failed to satisfy constraint: Member must have value greater than or equal to 0`,
        );
    });
  }
  c.done();
  const arn = rec['EndpointArn'] as string;
  if (rec['EndpointStatus'] !== 'InService')
    throw new AwsError('ValidationException', `Cannot update in-progress endpoint "${arn}".`);
  const desired = req['DesiredWeightsAndCapacities'] as Obj[];
  const known = new Set((rec['ProductionVariants'] as Obj[]).map((v) => String(v['VariantName'])));
  const unknown = desired.map((d) => String(d['VariantName'])).filter((n) => !known.has(n));
  // Wording is our guess.
  if (unknown.length)
    throw new AwsError(
      'ValidationException',
      `The variant(s) [${unknown.join(', ')}] are not present in endpoint "${arn}".`,
    );
  ctx.state.endpoints.put(rec['EndpointName'] as string, {
    ...rec,
    EndpointStatus: 'Updating',
    LastModifiedTime: ctx.now(),
  });
  ctx.endpoints.updateWeights(rec['EndpointName'] as string, desired);
  return { EndpointArn: arn };
}
