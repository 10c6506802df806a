/**
 * templates/olist/seed.ts against sagemaker-local: the first seed generates and caches the tables,
 * the next uploads the same bytes from the cache, a corrupt cache entry is regenerated.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startEnv, type Env } from '../local/helpers.js';

let env: Env;
let cache: string;
beforeAll(async () => {
  env = await startEnv();
  await env.s3.send(new CreateBucketCommand({ Bucket: 'seed-bucket' }));
  cache = mkdtempSync(join(tmpdir(), 'seed-it-cache-'));
});
afterAll(async () => {
  await env?.close();
  rmSync(cache, { recursive: true, force: true });
});

/** Runs the seed (asynchronously: the sagemaker-local it talks to runs in this process). */
function seed(...extra: string[]): Promise<{ status: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    [
      resolve('node_modules/tsx/dist/cli.mjs'),
      'templates/olist/seed.ts',
      '--raw',
      's3://seed-bucket/olist/raw/',
      '--orders',
      '400',
      '--seed',
      '9',
      ...extra,
    ],
    {
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: env.local.url,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'x',
        SAGEMAKER_ACTIONS_CACHE_DIR: cache,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += String(c)));
  child.stderr.on('data', (c: Buffer) => (out += String(c)));
  return new Promise((done) => child.on('close', (status) => done({ status, out })));
}

/** Every object under raw/ with its bytes. */
async function lake(): Promise<Map<string, string>> {
  const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: 'seed-bucket', Prefix: 'olist/raw/' }));
  const out = new Map<string, string>();
  for (const o of listed.Contents ?? []) {
    const got = await env.s3.send(new GetObjectCommand({ Bucket: 'seed-bucket', Key: o.Key! }));
    out.set(o.Key!, await got.Body!.transformToString());
  }
  return out;
}

describe('olist seed with its cache', () => {
  test('generate + cache, then the same bytes from the cache; a corrupt entry is regenerated', async () => {
    const first = await seed();
    expect(first.status).toBe(0);
    expect(first.out).toMatch(
      /olist seed: 9 tables, .* MB into s3:\/\/seed-bucket\/olist\/raw\/ in .* \(generated, cached in /,
    );
    const generated = await lake();
    expect([...generated.keys()]).toContain('olist/raw/orders/olist_orders_dataset.csv');
    expect(generated.size).toBe(9);

    const entries = readdirSync(join(cache, 'olist-seed'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^orders-400-seed-9-gen-[0-9a-f]{16}$/);

    const second = await seed();
    expect(second.status).toBe(0);
    expect(second.out).toMatch(/\(from the cache /);
    expect(await lake()).toEqual(generated);

    const entry = join(cache, 'olist-seed', entries[0]!);
    writeFileSync(join(entry, 'olist_orders_dataset.csv'), 'order_id\nnot the generated table\n');
    const third = await seed();
    expect(third.status).toBe(0);
    expect(third.out).toMatch(/is unusable \(.*\); regenerating it/);
    expect(third.out).toMatch(/\(generated, cached in /);
    expect(await lake()).toEqual(generated);
  }, 120_000);

  test('--no-cache generates without touching the cache; bad arguments exit 2', async () => {
    const before = readdirSync(join(cache, 'olist-seed'));
    const r = await seed('--no-cache', '--seed', '10');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/\(generated \(--no-cache\)\)/);
    expect(readdirSync(join(cache, 'olist-seed'))).toEqual(before);
    expect((await seed('--no-cache', '--cache-dir', cache)).status).toBe(2);
  }, 120_000);
});
