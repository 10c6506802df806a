/**
 * A batch transform job: the model's serving side started on a free 127.0.0.1 port (after its
 * model.tar.gz is unpacked), each input object split by SplitType, batched up to MaxPayloadInMB,
 * POSTed to /invocations, and written to `<S3OutputPath>/<key relative to the input prefix>.out`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LocalContext } from '../context.js';
import { findImageMapping, isBuiltinXgboost } from '../config.js';
import { joinS3, parseS3Uri, relativeKey } from '../s3store.js';
import { servingContainer } from '../services/sagemaker/models.js';
import { unpackArchive } from './archive.js';
import { LOG_GROUPS, Tail, baseJobEnv, jobLog, makeJobRoot, XGBOOST_RUNTIME } from './common.js';
import { JobFailure, noObjectsReason } from './inputs.js';
import { jobLifecycle } from './lifecycle.js';
import type { RunningProcess } from './process.js';

type Obj = Record<string, unknown>;

const TRANSFORM = jobLifecycle({
  kind: 'transform',
  table: (state) => state.transformJobs,
  statusField: 'TransformJobStatus',
  endTimeField: 'TransformEndTime',
});
const { finish, stopRequested } = TRANSFORM;

export function startTransformJob(ctx: LocalContext, name: string): void {
  TRANSFORM.start(ctx, name, runTransform);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Splits a payload into records (SplitType Line: one per non-empty line; None: the whole object). */
export function splitRecords(body: string, splitType: string | undefined): string[] {
  if (splitType === 'Line') return body.split(/\r?\n/).filter((l) => l.length > 0);
  if (splitType === undefined || splitType === 'None') return body.length ? [body] : [];
  throw new JobFailure(`ClientError: sagemaker-local supports SplitType Line or None, not ${splitType}`);
}

/** Groups records into mini-batches of at most maxBytes each (a larger single record is its own batch). */
export function batchRecords(records: string[], maxBytes: number, strategy: string | undefined): string[][] {
  if (strategy === 'SingleRecord') return records.map((r) => [r]);
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const r of records) {
    const len = Buffer.byteLength(r) + 1;
    if (current.length && size + len > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += len;
  }
  if (current.length) batches.push(current);
  return batches;
}

async function waitForPing(url: string, proc: RunningProcess, timeoutMs: number): Promise<void> {
  let exited = false;
  void proc.done.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new JobFailure('ClientError: the model server exited before it answered /ping');
    try {
      const res = await fetch(`${url}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new JobFailure(
    `ClientError: the model server did not answer /ping within ${timeoutMs / 1000} seconds`,
  );
}

async function serveCommand(
  ctx: LocalContext,
  image: string,
  modelDir: string,
  port: number,
): Promise<{ command: string; args: string[] }> {
  const mapping = findImageMapping(ctx.config.images, image);
  if (mapping?.serve) {
    const [command, ...args] = mapping.serve.map((a) =>
      a
        .replace(/\{port\}/g, String(port))
        .replace(/\{model_dir\}/g, modelDir)
        .replace(/\{host\}/g, '127.0.0.1'),
    );
    return { command: command!, args };
  }
  if (isBuiltinXgboost(image)) {
    const python = await ctx.python.resolve();
    if (!python) throw new JobFailure(ctx.python.missingReason());
    return {
      command: python,
      args: [
        XGBOOST_RUNTIME,
        'serve',
        '--model-dir',
        modelDir,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
      ],
    };
  }
  throw new JobFailure(
    `ClientError: sagemaker-local has no serve command for image '${image}': add 'serve:' to its mapping in sagemaker-local.yml`,
  );
}

async function runTransform(ctx: LocalContext, name: string): Promise<void> {
  const rec = ctx.state.transformJobs.get(name)!;
  const req = rec['request'] as Obj;
  const root = makeJobRoot('transform', name, ctx);
  const log = jobLog(ctx, LOG_GROUPS.transform, name);
  let server: RunningProcess | undefined;
  try {
    const model = ctx.state.models.get(String(req['ModelName']));
    if (!model)
      throw new JobFailure(
        `ClientError: Could not find model "${ctx.arn(`model/${String(req['ModelName']).toLowerCase()}`)}".`,
      );
    const container = servingContainer(model);
    const modelDir = join(root, 'model');
    mkdirSync(modelDir, { recursive: true });
    if (container.modelDataUrl) {
      const loc = parseS3Uri(container.modelDataUrl);
      const tarFile = join(root, 'model.tar.gz');
      try {
        await ctx.s3.downloadTo(loc.bucket, loc.key, tarFile);
        await unpackArchive(tarFile, modelDir);
      } catch (err) {
        throw new JobFailure(
          `ClientError: cannot load model data ${container.modelDataUrl}: ${(err as Error).message.split('\n')[0]}`,
        );
      }
    }
    const input = req['TransformInput'] as Obj;
    const output = req['TransformOutput'] as Obj;
    const s3Source = ((input['DataSource'] as Obj)['S3DataSource'] as Obj) ?? {};
    const inputUri = String(s3Source['S3Uri']);
    const inLoc = parseS3Uri(inputUri);
    let keys: string[];
    try {
      keys = (await ctx.s3.list(inLoc.bucket, inLoc.key)).map((o) => o.key).filter((k) => !k.endsWith('/'));
    } catch {
      keys = [];
    }
    if (keys.length === 0) throw new JobFailure(noObjectsReason(inputUri, ctx.region));

    const port = await freePort();
    const cmd = await serveCommand(ctx, container.image, modelDir, port);
    const maxPayloadMb = (req['MaxPayloadInMB'] as number | undefined) ?? 6;
    const strategy = (req['BatchStrategy'] as string | undefined) ?? 'MultiRecord';
    const env = baseJobEnv(
      ctx,
      {
        SM_LOCAL_ROOT: root,
        SAGEMAKER_BIND_TO_PORT: String(port),
        SAGEMAKER_BATCH: 'True',
        SAGEMAKER_MAX_PAYLOAD_IN_MB: String(maxPayloadMb),
        SAGEMAKER_BATCH_STRATEGY: strategy === 'SingleRecord' ? 'SINGLE_RECORD' : 'MULTI_RECORD',
        SAGEMAKER_MAX_CONCURRENT_TRANSFORMS: '1',
      },
      { ...container.environment, ...((req['Environment'] ?? {}) as Record<string, string>) },
    );
    if (stopRequested(ctx, name)) {
      finish(ctx, name, 'Stopped', {});
      return;
    }
    const tail = new Tail(20);
    server = ctx.processes.start({
      ...cmd,
      cwd: root,
      env,
      onLine: (line, stream) => {
        log.write(line);
        if (stream === 'stderr') tail.push(line);
      },
    });
    ctx.stoppers.set(TRANSFORM.stopperKey(name), () => server?.stop('stop'));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForPing(url, server, 60_000);
    } catch (err) {
      const t = tail.get().slice(-5).join('\n');
      throw new JobFailure(`${(err as Error).message}${t ? `. Last output:\n${t}` : ''}`);
    }
    const maxRuntime =
      ((req['ModelClientConfig'] as Obj | undefined)?.['InvocationsTimeoutInSeconds'] as
        number | undefined) ?? 600;
    const contentType = (input['ContentType'] as string | undefined) ?? 'application/octet-stream';
    const accept = output['Accept'] as string | undefined;
    const assembleLine = output['AssembleWith'] === 'Line';
    const outBase = String(output['S3OutputPath']);
    const outLoc = parseS3Uri(outBase);
    for (const key of keys) {
      if (stopRequested(ctx, name) || ctx.closing) break;
      const raw = (await ctx.s3.getBuffer(inLoc.bucket, key)) ?? Buffer.alloc(0);
      let body: string;
      try {
        body = (input['CompressionType'] === 'Gzip' ? gunzipSync(raw) : raw).toString('utf8');
      } catch (err) {
        throw new JobFailure(
          `ClientError: cannot gunzip s3://${inLoc.bucket}/${key}: ${(err as Error).message}`,
        );
      }
      const batches = batchRecords(
        splitRecords(body, input['SplitType'] as string | undefined),
        maxPayloadMb * 1024 * 1024,
        strategy,
      );
      const parts: string[] = [];
      for (const batch of batches) {
        const payload = input['SplitType'] === 'Line' ? `${batch.join('\n')}\n` : batch.join('');
        let res: Response;
        try {
          res = await fetch(`${url}/invocations`, {
            method: 'POST',
            headers: { 'content-type': contentType, ...(accept ? { accept } : {}) },
            body: payload,
            signal: AbortSignal.timeout(maxRuntime * 1000),
          });
        } catch (err) {
          throw new JobFailure(
            `ClientError: invocation for s3://${inLoc.bucket}/${key} failed: ${(err as Error).message}`,
          );
        }
        const text = await res.text();
        if (!res.ok) {
          log.write(`Bad HTTP status received from algorithm: ${res.status}: ${text.slice(0, 500)}`);
          throw new JobFailure(
            `ClientError: See job logs for more information. Invocation for s3://${inLoc.bucket}/${key} returned HTTP ${res.status}: ${text.slice(0, 300)}`,
          );
        }
        parts.push(assembleLine && !text.endsWith('\n') ? `${text}\n` : text);
      }
      const outKey = joinS3(outLoc.key, `${relativeKey(inLoc.key, key)}.out`);
      const tmp = join(root, 'out.tmp');
      writeFileSync(tmp, parts.join(''));
      try {
        await ctx.s3.putFile(outLoc.bucket, outKey, tmp, accept ?? 'text/csv');
      } catch (err) {
        throw new JobFailure(
          `ClientError: cannot write s3://${outLoc.bucket}/${outKey}: ${(err as Error).message}`,
        );
      }
    }
    if (stopRequested(ctx, name)) finish(ctx, name, 'Stopped', {});
    else finish(ctx, name, 'Completed', {});
  } catch (err) {
    TRANSFORM.settle(ctx, name, err);
  } finally {
    ctx.stoppers.delete(TRANSFORM.stopperKey(name));
    if (server) {
      server.stop('stop');
      await server.done;
    }
    TRANSFORM.cleanup(ctx, name, root);
  }
}
