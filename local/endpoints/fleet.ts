/**
 * An endpoint's fleet: one real serving process per production variant (built-in XGBoost, a
 * script-mode inference script, or the image mapping's `serve` command), its model.tar.gz
 * unpacked into a temporary /opt/ml/model, health-checked on GET /ping before it takes traffic.
 * Variants with InitialInstanceCount > 1 run one process (as multi-instance jobs do; noted).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalContext, Rec } from '../context.js';
import { findImageMapping } from '../config.js';
import { parseS3Uri } from '../s3store.js';
import { servingContainer } from '../services/sagemaker/models.js';
import { unpackArchive } from '../jobs/archive.js';
import { Tail, baseJobEnv, makeJobRoot, removeJobRoot } from '../jobs/common.js';
import { toCloudWatchLine } from '../jobs/metrics.js';
import { JobFailure } from '../jobs/inputs.js';
import type { RunningProcess } from '../jobs/process.js';
import { freePort, serveCommand, waitForPing } from '../jobs/transform.js';

type Obj = Record<string, unknown>;

export const ENDPOINT_LOG_GROUP = (endpoint: string): string => `/aws/sagemaker/Endpoints/${endpoint}`;
export const SCRIPT_SERVER = new URL('../runtimes/script/serve.py', import.meta.url).pathname;

/** AWS's default for ContainerStartupHealthCheckTimeoutInSeconds is 4 minutes (sagemaker.md §3). */
const DEFAULT_HEALTH_TIMEOUT_S = 240;

export interface VariantServer {
  variantName: string;
  url: string;
  image: string;
  instanceId: string;
  logStream: string;
  /** Requests being served right now (a fleet is stopped only once this drains). */
  inflight: number;
  proc: RunningProcess;
  root: string;
}

export interface FleetVariant {
  spec: Obj;
  weight: number;
  instanceCount: number;
  server: VariantServer;
}

export interface Fleet {
  configName: string;
  variants: Map<string, FleetVariant>;
  dataCapture: Obj | undefined;
  startedAt: number;
}

/** The failure AWS reports when a variant's container never answers /ping. */
export const pingFailure = (variant: string): string =>
  `The primary container for production variant ${variant} did not pass the ping health check. Please check CloudWatch logs for this endpoint.`;

/** `<image>@sha256:<digest>`: a stable stand-in for ECR's resolved digest. */
export const resolvedImage = (image: string): string =>
  `${image.split('@')[0]}@sha256:${createHash('sha256').update(image).digest('hex')}`;

async function commandFor(
  ctx: LocalContext,
  image: string,
  env: Record<string, string>,
  root: string,
  modelDir: string,
  port: number,
): Promise<{ command: string; args: string[] }> {
  const program = env['SAGEMAKER_PROGRAM'];
  if (program && !findImageMapping(ctx.config.images, image)?.serve) {
    const python = await ctx.python.resolve();
    if (!python) throw new JobFailure(ctx.python.missingReason());
    let codeDir = join(modelDir, 'code');
    const submit = env['SAGEMAKER_SUBMIT_DIRECTORY'];
    if (submit && submit.startsWith('s3://')) {
      codeDir = join(root, 'code');
      const loc = parseS3Uri(submit);
      const tar = join(root, 'sourcedir.tar.gz');
      try {
        await ctx.s3.downloadTo(loc.bucket, loc.key, tar);
        await unpackArchive(tar, codeDir);
      } catch (err) {
        throw new JobFailure(`cannot load SAGEMAKER_SUBMIT_DIRECTORY ${submit}: ${(err as Error).message}`);
      }
    }
    return {
      command: python,
      args: [
        SCRIPT_SERVER,
        '--code-dir',
        codeDir,
        '--program',
        program,
        '--model-dir',
        modelDir,
        '--port',
        String(port),
      ],
    };
  }
  return serveCommand(ctx, image, modelDir, port);
}

/** Starts one variant's serving process and waits until it answers /ping (else throws the AWS reason). */
export async function startVariant(
  ctx: LocalContext,
  endpointName: string,
  spec: Obj,
): Promise<VariantServer> {
  const variantName = String(spec['VariantName']);
  const model = ctx.state.models.get(String(spec['ModelName']));
  if (!model)
    throw new JobFailure(
      `Could not find model "${ctx.arn(`model/${String(spec['ModelName']).toLowerCase()}`)}".`,
    );
  const container = servingContainer(model as Rec);
  const root = makeJobRoot('endpoint', `${endpointName}-${variantName}`);
  const instanceId = `i-${randomBytes(8).toString('hex').slice(0, 17)}`;
  const logStream = `${variantName}/${instanceId}`;
  const group = ENDPOINT_LOG_GROUP(endpointName);
  const log = (line: string): void => ctx.logs.append(group, logStream, toCloudWatchLine(line));
  const tail = new Tail(20);
  let proc: RunningProcess | undefined;
  try {
    const modelDir = join(root, 'model');
    mkdirSync(modelDir, { recursive: true });
    if (container.modelDataUrl) {
      const loc = parseS3Uri(container.modelDataUrl);
      const tar = join(root, 'model.tar.gz');
      try {
        await ctx.s3.downloadTo(loc.bucket, loc.key, tar);
        await unpackArchive(tar, modelDir);
      } catch (err) {
        throw new JobFailure(
          `Failed to download model data for production variant ${variantName} from ${container.modelDataUrl}: ${(err as Error).message.split('\n')[0]}`,
        );
      }
    }
    const port = await freePort();
    const cmd = await commandFor(ctx, container.image, container.environment, root, modelDir, port);
    proc = ctx.processes.start({
      ...cmd,
      cwd: root,
      env: baseJobEnv(
        ctx,
        { SM_LOCAL_ROOT: root, SAGEMAKER_BIND_TO_PORT: String(port) },
        container.environment,
      ),
      onLine: (line, stream) => {
        log(line);
        if (stream === 'stderr') tail.push(line);
      },
    });
    const url = `http://127.0.0.1:${port}`;
    const timeoutS =
      (spec['ContainerStartupHealthCheckTimeoutInSeconds'] as number | undefined) ?? DEFAULT_HEALTH_TIMEOUT_S;
    try {
      await waitForPing(url, proc, timeoutS * 1000);
    } catch {
      throw new JobFailure(pingFailure(variantName));
    }
    return { variantName, url, image: container.image, instanceId, logStream, inflight: 0, proc, root };
  } catch (err) {
    if (proc) {
      proc.stop('stop');
      await proc.done;
    }
    removeJobRoot(root);
    const t = tail.get().slice(-3);
    if (t.length)
      log(`sagemaker-local: variant ${variantName} failed to start; last output: ${t.join(' | ')}`);
    throw err;
  }
}

/** Starts every variant of an endpoint config; any failure stops the ones already started. */
export async function launchFleet(ctx: LocalContext, endpointName: string, config: Rec): Promise<Fleet> {
  const variants = new Map<string, FleetVariant>();
  const specs = config['ProductionVariants'] as Obj[];
  for (const spec of specs) {
    if (((spec['InitialInstanceCount'] as number | undefined) ?? 1) > 1) {
      ctx.logger.warn(
        `endpoint ${endpointName}: variant ${String(spec['VariantName'])} asks for ${String(spec['InitialInstanceCount'])} instances; sagemaker-local runs one process`,
      );
    }
    try {
      const server = await startVariant(ctx, endpointName, spec);
      variants.set(server.variantName, {
        spec,
        weight: (spec['InitialVariantWeight'] as number | undefined) ?? 1,
        instanceCount: (spec['InitialInstanceCount'] as number | undefined) ?? 1,
        server,
      });
    } catch (err) {
      await stopFleet({ configName: '', variants, dataCapture: undefined, startedAt: 0 });
      throw err;
    }
  }
  return {
    configName: String(config['EndpointConfigName']),
    variants,
    dataCapture: config['DataCaptureConfig'] as Obj | undefined,
    startedAt: ctx.now(),
  };
}

/** Waits for in-flight requests to finish (bounded by AWS's 60 s invocation limit), then stops. */
export async function stopFleet(fleet: Fleet, drainMs = 60_000): Promise<void> {
  const deadline = Date.now() + drainMs;
  const servers = [...fleet.variants.values()].map((v) => v.server);
  while (servers.some((s) => s.inflight > 0) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  await Promise.all(
    servers.map(async (s) => {
      s.proc.stop('stop');
      await s.proc.done;
      removeJobRoot(s.root);
    }),
  );
}

/** Picks a variant by weight (a random draw in [0, 1) passed in; tests pass their own). */
export function pickVariant(fleet: Fleet, draw: number): FleetVariant | undefined {
  const vs = [...fleet.variants.values()];
  const total = vs.reduce((s, v) => s + Math.max(0, v.weight), 0);
  if (total <= 0) return undefined;
  let x = draw * total;
  for (const v of vs) {
    x -= Math.max(0, v.weight);
    if (x < 0) return v;
  }
  return vs[vs.length - 1];
}
