/** Model package groups: Create, Describe, List (filters, sort, pagination). */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError, parseWireTimestamp } from '../../protocol.js';
import { pageThenFilter, sortBy } from '../../pagination.js';
import { Checker, ENTITY_NAME_RE } from '../../validate.js';
import { publicFields, toWire } from './common.js';

type Obj = Record<string, unknown>;

/** Group name from a name or a model-package-group ARN. */
export function groupNameOf(value: string): string {
  const m = /^arn:aws[a-z-]*:sagemaker:[^:]*:\d{12}:model-package-group\/(.+)$/.exec(value);
  return m ? m[1]! : value;
}

export function findGroup(ctx: LocalContext, nameOrArn: string): Rec | undefined {
  const name = groupNameOf(nameOrArn);
  return (
    ctx.state.packageGroups.get(name) ??
    ctx.state.packageGroups
      .values()
      .find((g) => String(g['ModelPackageGroupName']).toLowerCase() === name.toLowerCase())
  );
}

export function createModelPackageGroup(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('ModelPackageGroupName', req['ModelPackageGroupName'], {
    required: true,
    min: 1,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
  c.string('ModelPackageGroupDescription', req['ModelPackageGroupDescription'], { max: 1024 });
  c.done();
  const name = req['ModelPackageGroupName'] as string;
  const arn = ctx.arn(`model-package-group/${name.toLowerCase()}`);
  // Duplicate group: ValidationException (sagemaker.md: unverified).
  if (findGroup(ctx, name))
    throw new AwsError('ValidationException', `Model Package Group already exists: ${arn}`);
  ctx.state.packageGroups.put(name, {
    seq: ctx.nextSeq(),
    ModelPackageGroupName: name,
    ModelPackageGroupArn: arn,
    ...(req['ModelPackageGroupDescription']
      ? { ModelPackageGroupDescription: req['ModelPackageGroupDescription'] }
      : {}),
    CreationTime: ctx.now(),
    CreatedBy: {},
    ModelPackageGroupStatus: 'Completed',
    _versions: 0,
  });
  return { ModelPackageGroupArn: arn };
}

export function describeModelPackageGroup(ctx: LocalContext, req: Obj): Obj {
  const c = new Checker();
  c.string('ModelPackageGroupName', req['ModelPackageGroupName'], { required: true, min: 1, max: 256 });
  c.done();
  const g = findGroup(ctx, req['ModelPackageGroupName'] as string);
  if (!g)
    throw new AwsError(
      'ValidationException',
      `ModelPackageGroup ${groupNameOf(req['ModelPackageGroupName'] as string)} does not exist.`,
    );
  return toWire(publicFields(g)) as Obj;
}

export function listChecks(req: Obj): Checker {
  const c = new Checker();
  c.integer('MaxResults', req['MaxResults'], { min: 1, max: 100 });
  c.enumOf('SortBy', req['SortBy'], ['Name', 'CreationTime']);
  c.enumOf('SortOrder', req['SortOrder'], ['Ascending', 'Descending']);
  c.string('NameContains', req['NameContains'], { max: 63 });
  return c;
}

export function timeFilter(req: Obj): (r: Rec) => boolean {
  const after = parseWireTimestamp(req['CreationTimeAfter'], 'CreationTimeAfter');
  const before = parseWireTimestamp(req['CreationTimeBefore'], 'CreationTimeBefore');
  return (r) =>
    (after === undefined || (r['CreationTime'] as number) > after) &&
    (before === undefined || (r['CreationTime'] as number) < before);
}

export function listModelPackageGroups(ctx: LocalContext, req: Obj): Obj {
  listChecks(req).done();
  const nc = (req['NameContains'] as string | undefined)?.toLowerCase();
  const inTime = timeFilter(req);
  const groups = ctx.state.packageGroups.values();
  const keep = (g: Rec): boolean =>
    (!nc || String(g['ModelPackageGroupName']).toLowerCase().includes(nc)) && inTime(g);
  const by = (req['SortBy'] as string | undefined) ?? 'CreationTime';
  const sorted = sortBy(
    sortBy(groups, (g) => g.seq, false),
    (g) => (by === 'Name' ? String(g['ModelPackageGroupName']) : (g['CreationTime'] as number)),
    req['SortOrder'] === 'Descending',
  );
  const page = pageThenFilter(
    sorted,
    keep,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    JSON.stringify(['mpg', nc, by, req['SortOrder'], req['CreationTimeAfter'], req['CreationTimeBefore']]),
  );
  const keys = [
    'ModelPackageGroupName',
    'ModelPackageGroupArn',
    'ModelPackageGroupDescription',
    'CreationTime',
    'ModelPackageGroupStatus',
  ];
  return {
    ModelPackageGroupSummaryList: page.items.map((g) =>
      toWire(Object.fromEntries(keys.filter((k) => g[k] !== undefined).map((k) => [k, g[k]]))),
    ),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
