/** CreateEndpointConfig, DescribeEndpointConfig, DeleteEndpointConfig, ListEndpointConfigs. */
import { ProductionVariantInstanceType } from '@aws-sdk/client-sagemaker/dist-es/models/enums.js';
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { Checker, ENTITY_NAME_RE, MODEL_NAME_RE, S3_URI_RE, isObject } from '../../validate.js';
import { listJobs, publicFields, toWire } from './common.js';
import { couldNotFindModel } from './models.js';
import { storeTags } from './tags.js';

type Obj = Record<string, unknown>;

const INSTANCE_TYPES: readonly string[] = Object.values(ProductionVariantInstanceType);

export const configArn = (ctx: LocalContext, name: string): string =>
  ctx.arn(`endpoint-config/${name.toLowerCase()}`);

export const couldNotFindConfig = (ctx: LocalContext, name: string): AwsError =>
  new AwsError('ValidationException', `Could not find endpoint configuration "${configArn(ctx, name)}".`);

function checkVariant(c: Checker, path: string, v: unknown): void {
  if (!c.object(path, v)) return;
  c.string(`${path}.VariantName`, v['VariantName'], { required: true, max: 63, pattern: ENTITY_NAME_RE });
  c.string(`${path}.ModelName`, v['ModelName'], { required: true, max: 63, pattern: MODEL_NAME_RE });
  c.integer(`${path}.InitialInstanceCount`, v['InitialInstanceCount'], { required: true, min: 1 });
  c.enumOf(`${path}.InstanceType`, v['InstanceType'], INSTANCE_TYPES, true);
  const w = v['InitialVariantWeight'];
  if (w !== undefined && (typeof w !== 'number' || !Number.isFinite(w) || w < 0))
    c.errors.push(
      `Value '${String(w)}' at '${path[0]!.toLowerCase()}${path.slice(1)}.initialVariantWeight' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    );
  c.integer(`${path}.VolumeSizeInGB`, v['VolumeSizeInGB'], { min: 1, max: 512 });
  c.integer(`${path}.ModelDataDownloadTimeoutInSeconds`, v['ModelDataDownloadTimeoutInSeconds'], {
    min: 60,
    max: 3600,
  });
  c.integer(
    `${path}.ContainerStartupHealthCheckTimeoutInSeconds`,
    v['ContainerStartupHealthCheckTimeoutInSeconds'],
    { min: 60, max: 3600 },
  );
}

function checkDataCapture(c: Checker, dc: unknown): void {
  if (!c.object('DataCaptureConfig', dc)) return;
  c.integer('DataCaptureConfig.InitialSamplingPercentage', dc['InitialSamplingPercentage'], {
    required: true,
    min: 0,
    max: 100,
  });
  c.string('DataCaptureConfig.DestinationS3Uri', dc['DestinationS3Uri'], {
    required: true,
    max: 512,
    pattern: S3_URI_RE,
  });
  if (c.list('DataCaptureConfig.CaptureOptions', dc['CaptureOptions'], { required: true, min: 1, max: 2 })) {
    (dc['CaptureOptions'] as unknown[]).forEach((o, i) =>
      c.enumOf(
        `DataCaptureConfig.CaptureOptions.${i + 1}.CaptureMode`,
        isObject(o) ? o['CaptureMode'] : undefined,
        ['Input', 'Output', 'InputAndOutput'],
        true,
      ),
    );
  }
  const h = dc['CaptureContentTypeHeader'];
  if (c.object('DataCaptureConfig.CaptureContentTypeHeader', h)) {
    c.list('DataCaptureConfig.CaptureContentTypeHeader.CsvContentTypes', h['CsvContentTypes'], {
      min: 1,
      max: 10,
    });
    c.list('DataCaptureConfig.CaptureContentTypeHeader.JsonContentTypes', h['JsonContentTypes'], {
      min: 1,
      max: 10,
    });
  }
}

export function createEndpointConfig(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('EndpointConfigName', req['EndpointConfigName'], {
    required: true,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
  if (c.list('ProductionVariants', req['ProductionVariants'], { required: true, min: 1, max: 10 }))
    (req['ProductionVariants'] as unknown[]).forEach((v, i) =>
      checkVariant(c, `ProductionVariants.${i + 1}`, v),
    );
  checkDataCapture(c, req['DataCaptureConfig']);
  c.list('Tags', req['Tags'], { max: 50 });
  c.done();
  for (const key of ['ShadowProductionVariants', 'AsyncInferenceConfig', 'ExplainerConfig']) {
    if (req[key] !== undefined)
      throw new AwsError(
        'ValidationException',
        `sagemaker-local does not emulate ${key}; remove it from the request.`,
      );
  }
  const variants = req['ProductionVariants'] as Obj[];
  if (variants.some((v) => v['ServerlessConfig'] !== undefined))
    throw new AwsError(
      'ValidationException',
      'sagemaker-local does not emulate serverless variants (ServerlessConfig).',
    );
  const names = variants.map((v) => String(v['VariantName']));
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  // Wording is our guess; AWS refuses duplicate variant names.
  if (dup)
    throw new AwsError(
      'ValidationException',
      `Variant name ${dup} is not unique within the endpoint configuration.`,
    );
  for (const v of variants) {
    if (!ctx.state.models.has(String(v['ModelName']))) throw couldNotFindModel(ctx, String(v['ModelName']));
  }
  const name = req['EndpointConfigName'] as string;
  const arn = configArn(ctx, name);
  if (ctx.state.endpointConfigs.has(name))
    throw new AwsError(
      'ValidationException',
      `Cannot create already existing endpoint configuration "${arn}".`,
    );
  const dc = req['DataCaptureConfig'] as Obj | undefined;
  const rec: Rec = {
    seq: ctx.nextSeq(),
    EndpointConfigName: name,
    EndpointConfigArn: arn,
    ProductionVariants: variants.map((v) => ({ InitialVariantWeight: 1, ...v })),
    ...(dc ? { DataCaptureConfig: { EnableCapture: true, ...dc } } : {}),
    ...(req['KmsKeyId'] ? { KmsKeyId: req['KmsKeyId'] } : {}),
    ...(req['ExecutionRoleArn'] ? { ExecutionRoleArn: req['ExecutionRoleArn'] } : {}),
    EnableNetworkIsolation: req['EnableNetworkIsolation'] === true,
    CreationTime: ctx.now(),
  };
  ctx.state.endpointConfigs.put(name, rec);
  storeTags(ctx, arn, req['Tags']);
  return { EndpointConfigArn: arn };
}

function getConfig(ctx: LocalContext, req: Obj): Rec {
  const c = new Checker();
  c.string('EndpointConfigName', req['EndpointConfigName'], {
    required: true,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
  c.done();
  const rec = ctx.state.endpointConfigs.get(req['EndpointConfigName'] as string);
  if (!rec) throw couldNotFindConfig(ctx, req['EndpointConfigName'] as string);
  return rec;
}

export function describeEndpointConfig(ctx: LocalContext, req: Obj): Obj {
  return toWire(publicFields(getConfig(ctx, req))) as Obj;
}

export function deleteEndpointConfig(ctx: LocalContext, req: Obj): Obj {
  const rec = getConfig(ctx, req);
  const name = rec['EndpointConfigName'] as string;
  const user = ctx.state.endpoints
    .values()
    .find(
      (e) =>
        e['EndpointConfigName'] === name ||
        (e['PendingDeploymentSummary'] as Obj | undefined)?.['EndpointConfigName'] === name,
    );
  // The rule (AWS documents "don't delete an endpoint config in use"); wording is ours.
  if (user)
    throw new AwsError(
      'ValidationException',
      `Cannot delete endpoint configuration "${configArn(ctx, name)}" because it is in use by endpoint "${String(user['EndpointName'])}".`,
    );
  ctx.state.endpointConfigs.delete(name);
  ctx.state.tags.delete(String(rec['EndpointConfigArn']));
  return {};
}

export function listEndpointConfigs(ctx: LocalContext, req: Obj): Obj {
  if (req['SortBy'] === 'Status')
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value 'Status' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime]",
    );
  return listJobs(ctx.state.endpointConfigs.values(), req, {
    nameKey: 'EndpointConfigName',
    statusKey: '_none',
    summaryKeys: ['EndpointConfigName', 'EndpointConfigArn', 'CreationTime'],
    resultKey: 'EndpointConfigs',
    statuses: [],
  });
}
