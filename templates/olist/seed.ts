/**
 * Seeds a data lake with the Olist data set, for local mode (actions/setup-local runs it from the
 * config's `local:` section with AWS_ENDPOINT_URL pointing at sagemaker-local):
 *
 *   tsx templates/olist/seed.ts --raw s3://bucket/olist/raw/ [--orders 99441] [--seed 42]
 *                               [--cache-dir DIR | --no-cache] [--from DIR]
 *
 * Generates the nine Kaggle CSV files (generator/) and uploads each to `<raw>/<table>/<file>`, one
 * folder per table, the layout the preprocess job reads. The generated files are cached
 * (seed-cache.ts: keyed by orders, seed and the generator's code; --cache-dir, else
 * SAGEMAKER_ACTIONS_CACHE_DIR, else $XDG_CACHE_HOME/sagemaker-actions or ~/.cache/sagemaker-actions),
 * so the next seed with the same arguments only uploads. With --from DIR it uploads existing CSVs
 * (e.g. the real Kaggle files) instead of generating.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FULL_ORDERS, generate } from './generator/generate.js';
import { cachedTables, defaultCacheDir, entryKey, generatorVersion, type TableFile } from './seed-cache.js';

/** `olist_order_items_dataset.csv` → `order_items`. Pure. */
export function tableOf(file: string): string {
  return file
    .replace(/^olist_/, '')
    .replace(/_dataset\.csv$/, '')
    .replace(/\.csv$/, '');
}

/** The tables to upload and where they came from (the cache, a fresh generation, or --from). */
async function tables(values: {
  orders: string;
  seed: string;
  from?: string | undefined;
  'cache-dir'?: string | undefined;
  'no-cache'?: boolean | undefined;
}): Promise<{ files: TableFile[]; origin: string }> {
  const csvIn = (dir: string): TableFile[] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((name) => ({ name, body: readFileSync(join(dir, name)) }));
  if (values.from) return { files: csvIn(values.from), origin: `from ${values.from}` };
  const orders = Number(values.orders);
  const seed = Number(values.seed);
  const make = async (dir: string): Promise<void> => void (await generate({ outDir: dir, orders, seed }));
  const root = values['no-cache'] ? undefined : (values['cache-dir'] ?? defaultCacheDir(process.env));
  if (!root) {
    const dir = mkdtempSync(join(tmpdir(), 'olist-seed-'));
    try {
      await make(dir);
      return { files: csvIn(dir), origin: 'generated (--no-cache)' };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const key = entryKey({ orders, seed, version: generatorVersion() });
  const got = await cachedTables({ root, key, generate: make, log: (l) => console.log(l) });
  const where = got.dir || root;
  return { files: got.files, origin: got.hit ? `from the cache ${where}` : `generated, cached in ${where}` };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      raw: { type: 'string' },
      orders: { type: 'string', default: String(FULL_ORDERS) },
      seed: { type: 'string', default: '42' },
      from: { type: 'string' },
      'cache-dir': { type: 'string' },
      'no-cache': { type: 'boolean' },
    },
  });
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(values.raw ?? '');
  if (!m) {
    console.error('olist seed: --raw s3://bucket/prefix/ is required (where the raw tables go)');
    return 2;
  }
  if (!/^\d+$/.test(values.orders) || !/^-?\d+$/.test(values.seed)) {
    console.error(`olist seed: --orders ${values.orders} and --seed ${values.seed} must be whole numbers`);
    return 2;
  }
  if (values['cache-dir'] !== undefined && (values['cache-dir'] === '' || values['no-cache'])) {
    console.error('olist seed: --cache-dir needs a folder, and cannot go with --no-cache');
    return 2;
  }
  const [, bucket, rawPrefix] = m;
  const prefix = rawPrefix!.endsWith('/') || rawPrefix === '' ? rawPrefix! : `${rawPrefix}/`;
  const t0 = performance.now();
  const { files, origin } = await tables(values);
  const s3 = new S3Client({ forcePathStyle: true });
  try {
    await Promise.all(
      files.map((f) =>
        s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}${tableOf(f.name)}/${f.name}`,
            Body: f.body,
            ContentType: 'text/csv',
          }),
        ),
      ),
    );
  } finally {
    s3.destroy();
  }
  const bytes = files.reduce((n, f) => n + f.body.length, 0);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `olist seed: ${files.length} tables, ${(bytes / 1e6).toFixed(1)} MB into s3://${bucket}/${prefix} in ${secs} s (${origin})`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`olist seed: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
