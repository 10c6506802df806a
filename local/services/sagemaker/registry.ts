/**
 * Model registry: model package groups and versioned model packages (versions 1, 2, 3 ... per
 * group, ARNs `...:model-package/<group lower-cased>/<n>`), approval status, metrics, metadata,
 * listing with filters, sorting and pagination as AWS does.
 */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { pageThenFilter, sortBy } from '../../pagination.js';
import { Checker, isObject } from '../../validate.js';
import { publicFields, toWire } from './common.js';
import { findGroup, groupNameOf, listChecks, timeFilter } from './registry-groups.js';

export {
  createModelPackageGroup,
  describeModelPackageGroup,
  listModelPackageGroups,
} from './registry-groups.js';

type Obj = Record<string, unknown>;
export const APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
const METADATA_KEY_RE = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

/** `<group>/<version>` key from a versioned model-package ARN, if it is one. */
export function packageKeyOf(value: string): string | undefined {
  const m = /^arn:aws[a-z-]*:sagemaker:[^:]*:\d{12}:model-package\/([^/]+)\/(\d+)$/.exec(value);
  return m ? `${m[1]!.toLowerCase()}/${Number(m[2])}` : undefined;
}

function checkMetadata(c: Checker, path: string, value: unknown): void {
  if (!c.object(path, value)) return;
  const entries = Object.entries(value as Obj);
  if (entries.length < 1 || entries.length > 50)
    c.errors.push(
      `Value at '${path}' failed to satisfy constraint: Member must have between 1 and 50 entries`,
    );
  for (const [k, v] of entries) {
    c.string(`${path}.${k}`, k, { min: 1, max: 128, pattern: METADATA_KEY_RE });
    c.string(`${path}.${k}`, v, { required: true, min: 1, max: 256, pattern: METADATA_KEY_RE });
  }
}

function checkMetricsSource(c: Checker, path: string, value: unknown): void {
  if (!c.object(path, value)) return;
  const o = value as Obj;
  c.string(`${path}.ContentType`, o['ContentType'], { required: true, max: 256 });
  c.string(`${path}.S3Uri`, o['S3Uri'], {
    required: true,
    max: 1024,
    pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/,
  });
}

export function createModelPackage(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('ModelPackageGroupName', req['ModelPackageGroupName'], { min: 1, max: 170 });
  c.string('ModelPackageDescription', req['ModelPackageDescription'], { max: 1024 });
  c.enumOf('ModelApprovalStatus', req['ModelApprovalStatus'], APPROVAL_STATUSES);
  checkMetadata(c, 'CustomerMetadataProperties', req['CustomerMetadataProperties']);
  if (c.object('InferenceSpecification', req['InferenceSpecification'])) {
    const containers = (req['InferenceSpecification'] as Obj)['Containers'];
    if (c.list('InferenceSpecification.Containers', containers, { required: true, min: 1, max: 15 })) {
      (containers as unknown[]).forEach((x, i) => {
        const o = (isObject(x) ? x : {}) as Obj;
        c.string(`InferenceSpecification.Containers.${i + 1}.Image`, o['Image'], { max: 255 });
      });
    }
  }
  if (c.object('ModelMetrics', req['ModelMetrics'])) {
    const mm = req['ModelMetrics'] as Obj;
    for (const section of ['ModelQuality', 'ModelDataQuality']) {
      if (c.object(`ModelMetrics.${section}`, mm[section])) {
        for (const part of ['Statistics', 'Constraints'])
          checkMetricsSource(c, `ModelMetrics.${section}.${part}`, (mm[section] as Obj)[part]);
      }
    }
  }
  c.done();
  if (!req['ModelPackageGroupName']) {
    throw new AwsError(
      'ValidationException',
      'sagemaker-local supports versioned model packages only: set ModelPackageGroupName.',
    );
  }
  // AWS's answer to Tags on a versioned package (observed in a public CloudFormation report).
  if (Array.isArray(req['Tags']) && req['Tags'].length > 0)
    throw new AwsError(
      'ValidationException',
      'Tags are not supported in Model Package versions. Please add them to the Model Package Group',
    );
  const group = findGroup(ctx, req['ModelPackageGroupName'] as string);
  if (!group)
    throw new AwsError(
      'ValidationException',
      `Model Package Group ${groupNameOf(req['ModelPackageGroupName'] as string)} does not exist.`,
    );
  const groupName = String(group['ModelPackageGroupName']);
  const token = req['ClientToken'] as string | undefined;
  if (token) {
    const same = ctx.state.packages
      .values()
      .find((p) => p['_clientToken'] === token && p['ModelPackageGroupName'] === groupName);
    if (same) return { ModelPackageArn: same['ModelPackageArn'] };
  }
  const version = (group['_versions'] as number) + 1;
  ctx.state.packageGroups.put(groupName, { ...group, _versions: version });
  const arn = ctx.arn(`model-package/${groupName.toLowerCase()}/${version}`);
  const now = ctx.now();
  const rec: Rec = {
    seq: ctx.nextSeq(),
    ModelPackageName: groupName,
    ModelPackageGroupName: groupName,
    ModelPackageVersion: version,
    ModelPackageArn: arn,
    CreationTime: now,
    LastModifiedTime: now,
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
    ModelApprovalStatus: (req['ModelApprovalStatus'] as string | undefined) ?? 'PendingManualApproval',
    CertifyForMarketplace: false,
    CreatedBy: {},
    ...(token ? { _clientToken: token } : {}),
  };
  for (const k of [
    'ModelPackageDescription',
    'InferenceSpecification',
    'ModelMetrics',
    'MetadataProperties',
    'CustomerMetadataProperties',
    'DriftCheckBaselines',
    'Domain',
    'Task',
    'SamplePayloadUrl',
    'AdditionalInferenceSpecifications',
    'SourceUri',
    'ModelCard',
    'ModelLifeCycle',
    'ModelPackageRegistrationType',
    'SkipModelValidation',
  ]) {
    if (req[k] !== undefined) rec[k] = req[k];
  }
  ctx.state.packages.put(`${groupName.toLowerCase()}/${version}`, rec);
  return { ModelPackageArn: arn };
}

function findPackage(ctx: LocalContext, nameOrArn: string): Rec {
  const key = packageKeyOf(nameOrArn);
  const rec = key ? ctx.state.packages.get(key) : undefined;
  if (!rec) throw new AwsError('ValidationException', `ModelPackage ${nameOrArn} does not exist.`);
  return rec;
}

export function describeModelPackage(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('ModelPackageName', req['ModelPackageName'], { required: true, min: 1, max: 2048 });
  c.done();
  return toWire(publicFields(findPackage(ctx, req['ModelPackageName'] as string))) as Obj;
}

export function listModelPackages(ctx: LocalContext, req: Obj): Obj {
  const c = listChecks(req);
  c.enumOf('ModelApprovalStatus', req['ModelApprovalStatus'], APPROVAL_STATUSES);
  c.enumOf('ModelPackageType', req['ModelPackageType'], ['Versioned', 'Unversioned', 'Both']);
  c.string('ModelPackageGroupName', req['ModelPackageGroupName'], { min: 1, max: 170 });
  c.done();
  const group = req['ModelPackageGroupName']
    ? groupNameOf(req['ModelPackageGroupName'] as string).toLowerCase()
    : undefined;
  // Without a group, AWS lists unversioned packages by default; every package here is versioned.
  if (!group && (req['ModelPackageType'] ?? 'Unversioned') === 'Unversioned')
    return { ModelPackageSummaryList: [] };
  const nc = (req['NameContains'] as string | undefined)?.toLowerCase();
  const inTime = timeFilter(req);
  // The group selects the listing; approval status, name and times filter each page (pagination.ts).
  const items = ctx.state.packages
    .values()
    .filter((p) => !group || String(p['ModelPackageGroupName']).toLowerCase() === group);
  const keep = (p: Rec): boolean =>
    (!req['ModelApprovalStatus'] || p['ModelApprovalStatus'] === req['ModelApprovalStatus']) &&
    (!nc || String(p['ModelPackageName']).toLowerCase().includes(nc)) &&
    inTime(p);
  const by = (req['SortBy'] as string | undefined) ?? 'CreationTime';
  const sorted = sortBy(
    sortBy(items, (p) => p.seq, false),
    (p) => (by === 'Name' ? String(p['ModelPackageName']) : (p['CreationTime'] as number)),
    req['SortOrder'] === 'Descending',
  );
  const scope = JSON.stringify([
    'mp',
    group,
    req['ModelApprovalStatus'],
    nc,
    by,
    req['SortOrder'],
    req['CreationTimeAfter'],
    req['CreationTimeBefore'],
  ]);
  const page = pageThenFilter(
    sorted,
    keep,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    scope,
  );
  const keys = [
    'ModelPackageName',
    'ModelPackageGroupName',
    'ModelPackageVersion',
    'ModelPackageArn',
    'ModelPackageDescription',
    'CreationTime',
    'ModelPackageStatus',
    'ModelApprovalStatus',
    'ModelLifeCycle',
  ];
  return {
    ModelPackageSummaryList: page.items.map((p) =>
      toWire(Object.fromEntries(keys.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]))),
    ),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function updateModelPackage(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('ModelPackageArn', req['ModelPackageArn'], { required: true, min: 1, max: 2048 });
  c.enumOf('ModelApprovalStatus', req['ModelApprovalStatus'], APPROVAL_STATUSES);
  c.string('ApprovalDescription', req['ApprovalDescription'], { max: 1024 });
  checkMetadata(c, 'CustomerMetadataProperties', req['CustomerMetadataProperties']);
  c.list('CustomerMetadataPropertiesToRemove', req['CustomerMetadataPropertiesToRemove'], { max: 50 });
  c.done();
  const rec = findPackage(ctx, req['ModelPackageArn'] as string);
  const next: Rec = { ...rec, LastModifiedTime: ctx.now(), LastModifiedBy: {} };
  if (req['ModelApprovalStatus']) next['ModelApprovalStatus'] = req['ModelApprovalStatus'];
  if (req['ApprovalDescription'] !== undefined) next['ApprovalDescription'] = req['ApprovalDescription'];
  const props = {
    ...((rec['CustomerMetadataProperties'] as Obj | undefined) ?? {}),
    ...((req['CustomerMetadataProperties'] as Obj | undefined) ?? {}),
  };
  for (const k of (req['CustomerMetadataPropertiesToRemove'] as string[] | undefined) ?? []) delete props[k];
  if (Object.keys(props).length) next['CustomerMetadataProperties'] = props;
  else delete next['CustomerMetadataProperties'];
  for (const k of ['InferenceSpecification', 'SourceUri', 'ModelCard', 'ModelLifeCycle'])
    if (req[k] !== undefined) next[k] = req[k];
  ctx.state.packages.put(
    `${String(rec['ModelPackageGroupName']).toLowerCase()}/${String(rec['ModelPackageVersion'])}`,
    next,
  );
  return { ModelPackageArn: rec['ModelPackageArn'] };
}
