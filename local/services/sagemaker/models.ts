/** CreateModel, DescribeModel, DeleteModel. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { Checker, ENV_KEY_RE, MODEL_NAME_RE, ROLE_ARN_RE, isObject } from '../../validate.js';
import { parseS3Uri } from '../../s3store.js';
import { publicFields, toWire } from './common.js';

type Obj = Record<string, unknown>;

export const couldNotFindModel = (ctx: LocalContext, name: string): AwsError =>
  new AwsError('ValidationException', `Could not find model "${ctx.arn(`model/${name.toLowerCase()}`)}".`);

function checkContainer(c: Checker, path: string, value: unknown): void {
  if (!c.object(path, value)) return;
  const o = value as Obj;
  c.string(`${path}.Image`, o['Image'], { max: 255 });
  c.string(`${path}.ModelDataUrl`, o['ModelDataUrl'], {
    max: 1024,
    pattern: /^(https|s3):\/\/([^/]+)\/?(.*)$/,
  });
  c.stringMap(`${path}.Environment`, o['Environment'], {
    maxEntries: 100,
    keyMax: 1024,
    valueMax: 1024,
    keyPattern: ENV_KEY_RE,
  });
  c.enumOf(`${path}.Mode`, o['Mode'], ['SingleModel', 'MultiModel']);
}

/** The s3:// model artifacts a CreateModel request names (ModelDataUrl of each container). */
function modelDataUrls(req: Obj): string[] {
  const containers = [req['PrimaryContainer'], ...((req['Containers'] as unknown[] | undefined) ?? [])];
  return containers
    .map((c) => (isObject(c) ? c['ModelDataUrl'] : undefined))
    .filter((u): u is string => typeof u === 'string' && u.startsWith('s3://'));
}

/** AWS checks the artifact exists when the model is created ("Could not find model data at ..."). */
async function checkModelData(ctx: LocalContext, req: Obj): Promise<void> {
  for (const url of modelDataUrls(req)) {
    const { bucket, key } = parseS3Uri(url);
    if (!key || !(await ctx.s3.objectExists(bucket, key)))
      throw new AwsError('ValidationException', `Could not find model data at ${url}.`);
  }
}

export async function createModel(ctx: LocalContext, req: Obj): Promise<Obj> {
  const c = new Checker();
  c.string('ModelName', req['ModelName'], { required: true, max: 63, pattern: MODEL_NAME_RE });
  c.string('ExecutionRoleArn', req['ExecutionRoleArn'], { min: 20, max: 2048, pattern: ROLE_ARN_RE });
  checkContainer(c, 'PrimaryContainer', req['PrimaryContainer']);
  if (c.list('Containers', req['Containers'], { max: 15 })) {
    (req['Containers'] as unknown[]).forEach((x, i) => checkContainer(c, `Containers.${i + 1}`, x));
  }
  if (!req['PrimaryContainer'] && !req['Containers']) {
    c.errors.push(
      "Value null at 'primaryContainer' failed to satisfy constraint: PrimaryContainer or Containers must be provided",
    );
  }
  c.done();
  const name = req['ModelName'] as string;
  const arn = ctx.arn(`model/${name.toLowerCase()}`);
  const duplicate = (): AwsError =>
    new AwsError('ValidationException', `Cannot create already existing model "${arn}".`);
  if (ctx.state.models.has(name)) throw duplicate();
  await checkModelData(ctx, req);
  if (ctx.state.models.has(name)) throw duplicate();
  const primary = req['PrimaryContainer'] as Obj | undefined;
  const now = ctx.now();
  const rec: Rec = {
    seq: ctx.nextSeq(),
    ModelName: name,
    ModelArn: arn,
    ...(primary ? { PrimaryContainer: { Mode: 'SingleModel', ...primary } } : {}),
    ...(req['Containers'] ? { Containers: req['Containers'] } : {}),
    ...(req['InferenceExecutionConfig'] ? { InferenceExecutionConfig: req['InferenceExecutionConfig'] } : {}),
    ...(req['ExecutionRoleArn'] ? { ExecutionRoleArn: req['ExecutionRoleArn'] } : {}),
    ...(req['VpcConfig'] ? { VpcConfig: req['VpcConfig'] } : {}),
    EnableNetworkIsolation: req['EnableNetworkIsolation'] === true,
    CreationTime: now,
  };
  ctx.state.models.put(name, rec);
  return { ModelArn: arn };
}

function getModel(ctx: LocalContext, req: Obj): Rec {
  const c = new Checker();
  c.string('ModelName', req['ModelName'], { required: true, max: 63, pattern: MODEL_NAME_RE });
  c.done();
  const rec = ctx.state.models.get(req['ModelName'] as string);
  if (!rec) throw couldNotFindModel(ctx, req['ModelName'] as string);
  return rec;
}

export function describeModel(ctx: LocalContext, req: Obj): Obj {
  return toWire(publicFields(getModel(ctx, req))) as Obj;
}

export function deleteModel(ctx: LocalContext, req: Obj): Obj {
  const rec = getModel(ctx, req);
  ctx.state.models.delete(rec['ModelName'] as string);
  return {};
}

/** Image and ModelDataUrl of a model's primary (or first) container. */
export function servingContainer(rec: Rec): {
  image: string;
  modelDataUrl?: string;
  environment: Record<string, string>;
} {
  const container = (rec['PrimaryContainer'] ?? (rec['Containers'] as Obj[] | undefined)?.[0] ?? {}) as Obj;
  const out: { image: string; modelDataUrl?: string; environment: Record<string, string> } = {
    image: String(container['Image'] ?? ''),
    environment: (isObject(container['Environment']) ? container['Environment'] : {}) as Record<
      string,
      string
    >,
  };
  if (typeof container['ModelDataUrl'] === 'string') out.modelDataUrl = container['ModelDataUrl'];
  return out;
}
