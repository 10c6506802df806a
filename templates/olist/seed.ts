/**
 * Seeds a data lake with the Olist data set, for local mode (actions/setup-local runs it from the
 * config's `local:` section with AWS_ENDPOINT_URL pointing at sagemaker-local):
 *
 *   tsx templates/olist/seed.ts --raw s3://bucket/olist/raw/ [--orders 99441] [--seed 42]
 *
 * Generates the nine Kaggle CSV files (generator/) and uploads each to `<raw>/<table>/<file>`, one
 * folder per table, the layout the preprocess job reads. With --from DIR it uploads existing CSVs
 * (e.g. the real Kaggle files) instead of generating.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { FULL_ORDERS, generate } from './generator/generate.js';

/** `olist_order_items_dataset.csv` → `order_items`. Pure. */
export function tableOf(file: string): string {
  return file
    .replace(/^olist_/, '')
    .replace(/_dataset\.csv$/, '')
    .replace(/\.csv$/, '');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      raw: { type: 'string' },
      orders: { type: 'string', default: String(FULL_ORDERS) },
      seed: { type: 'string', default: '42' },
      from: { type: 'string' },
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
  const [, bucket, rawPrefix] = m;
  const prefix = rawPrefix!.endsWith('/') || rawPrefix === '' ? rawPrefix! : `${rawPrefix}/`;
  const dir = values.from ?? mkdtempSync(join(tmpdir(), 'olist-seed-'));
  const t0 = performance.now();
  try {
    if (!values.from)
      await generate({ outDir: dir, orders: Number(values.orders), seed: Number(values.seed) });
    const s3 = new S3Client({ forcePathStyle: true });
    let bytes = 0;
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    await Promise.all(
      files.map(async (f) => {
        const body = readFileSync(join(dir, f));
        bytes += body.length;
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${prefix}${tableOf(f)}/${f}`,
            Body: body,
            ContentType: 'text/csv',
          }),
        );
      }),
    );
    s3.destroy();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `olist seed: ${files.length} tables, ${(bytes / 1e6).toFixed(1)} MB into s3://${bucket}/${prefix} in ${secs} s`,
    );
    return 0;
  } finally {
    if (!values.from) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`olist seed: failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
