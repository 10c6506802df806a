/**
 * AddTags, ListTags, DeleteTags over any resource ARN this emulator knows (endpoints, endpoint
 * configs, models, jobs, model package groups). Tags are stored per ARN in state/tags.
 */
import type { LocalContext } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { paginate } from '../../pagination.js';
import { Checker, isObject } from '../../validate.js';

type Obj = Record<string, unknown>;
interface Tag {
  Key: string;
  Value: string;
}

const TAG_KEY_RE = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
const MAX_TAGS = 50;

function checkTags(c: Checker, path: string, tags: unknown): Tag[] {
  if (!c.list(path, tags, { max: MAX_TAGS })) return [];
  return (tags as unknown[]).map((t, i) => {
    const o = isObject(t) ? t : {};
    c.string(`${path}.${i + 1}.Key`, o['Key'], { required: true, min: 1, max: 128, pattern: TAG_KEY_RE });
    c.string(`${path}.${i + 1}.Value`, o['Value'], { required: true, max: 256, pattern: TAG_KEY_RE });
    return { Key: String(o['Key']), Value: String(o['Value']) };
  });
}

/** Tags given at creation (already validated by the caller's Checker or here). */
export function storeTags(ctx: LocalContext, arn: string, tags: unknown): void {
  if (tags === undefined) return;
  const c = new Checker();
  const list = checkTags(c, 'Tags', tags);
  c.done();
  if (list.length) ctx.state.tags.put(arn, { seq: ctx.nextSeq(), arn, tags: list });
}

/** Whether an ARN names a resource that exists here. */
function resourceExists(ctx: LocalContext, arn: string): boolean {
  const kind = /^arn:aws[a-z-]*:sagemaker:[^:]+:\d{12}:([a-z-]+)\/.+$/.exec(arn)?.[1];
  const byArn = (values: Record<string, unknown>[], key: string): boolean =>
    values.some((r) => r[key] === arn);
  switch (kind) {
    case 'endpoint':
      return byArn(ctx.state.endpoints.values(), 'EndpointArn');
    case 'endpoint-config':
      return byArn(ctx.state.endpointConfigs.values(), 'EndpointConfigArn');
    case 'model':
      return byArn(ctx.state.models.values(), 'ModelArn');
    case 'training-job':
      return byArn(ctx.state.trainingJobs.values(), 'TrainingJobArn');
    case 'processing-job':
      return byArn(ctx.state.processingJobs.values(), 'ProcessingJobArn');
    case 'transform-job':
      return byArn(ctx.state.transformJobs.values(), 'TransformJobArn');
    case 'model-package-group':
      return byArn(ctx.state.packageGroups.values(), 'ModelPackageGroupArn');
    default:
      return false;
  }
}

function checkArn(ctx: LocalContext, req: Obj): string {
  const c = new Checker();
  c.string('ResourceArn', req['ResourceArn'], {
    required: true,
    max: 256,
    pattern: /^arn:aws[a-z-]*:sagemaker:/,
  });
  c.done();
  const arn = req['ResourceArn'] as string;
  // Wording is our guess for an ARN that names nothing (AWS answers a ValidationException).
  if (!resourceExists(ctx, arn))
    throw new AwsError('ValidationException', `Could not find resource "${arn}".`);
  return arn;
}

/** A job's tags are those of its Create request until AddTags/DeleteTags change them. */
function jobCreateTags(ctx: LocalContext, arn: string): Tag[] {
  const jobs = [
    ...ctx.state.trainingJobs.values(),
    ...ctx.state.processingJobs.values(),
    ...ctx.state.transformJobs.values(),
  ];
  const rec = jobs.find(
    (r) => r['TrainingJobArn'] === arn || r['ProcessingJobArn'] === arn || r['TransformJobArn'] === arn,
  );
  const tags = (rec?.['request'] as Obj | undefined)?.['Tags'];
  return Array.isArray(tags) ? (tags as Tag[]) : [];
}

const current = (ctx: LocalContext, arn: string): Tag[] =>
  ((ctx.state.tags.get(arn)?.['tags'] as Tag[] | undefined) ?? jobCreateTags(ctx, arn)).map((t) => ({
    ...t,
  }));

export function addTags(ctx: LocalContext, req: Obj): Obj {
  const arn = checkArn(ctx, req);
  const c = new Checker();
  c.list('Tags', req['Tags'], { required: true });
  const tags = checkTags(c, 'Tags', req['Tags']);
  c.done();
  const merged = current(ctx, arn);
  for (const t of tags) {
    const i = merged.findIndex((m) => m.Key === t.Key);
    if (i >= 0) merged[i] = t;
    else merged.push(t);
  }
  if (merged.length > MAX_TAGS)
    throw new AwsError('ResourceLimitExceeded', `A resource can have at most ${MAX_TAGS} tags.`);
  ctx.state.tags.put(arn, { seq: ctx.nextSeq(), arn, tags: merged });
  return { Tags: tags };
}

export function listTags(ctx: LocalContext, req: Obj): Obj {
  const arn = checkArn(ctx, req);
  const c = new Checker();
  c.integer('MaxResults', req['MaxResults'], { min: 50, max: 100 });
  c.done();
  const page = paginate(
    current(ctx, arn),
    (req['MaxResults'] as number | undefined) ?? 50,
    req['NextToken'] as string | undefined,
    `tags:${arn}`,
  );
  return { Tags: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

export function deleteTags(ctx: LocalContext, req: Obj): Obj {
  const arn = checkArn(ctx, req);
  const c = new Checker();
  c.list('TagKeys', req['TagKeys'], { required: true, min: 1, max: 50 });
  c.done();
  const keys = new Set(req['TagKeys'] as string[]);
  const left = current(ctx, arn).filter((t) => !keys.has(t.Key));
  if (left.length) ctx.state.tags.put(arn, { seq: ctx.nextSeq(), arn, tags: left });
  else ctx.state.tags.delete(arn);
  return {};
}
