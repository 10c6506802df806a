/**
 * Replays an Olist split through a SageMaker endpoint, one row per InvokeEndpoint call with the
 * order's record_id as InferenceId (so data capture carries it as eventMetadata.inferenceId), and
 * writes the split's labels as SageMaker ground-truth JSON Lines keyed by the same ids. Optional
 * injected drift: freight multiplied (total_freight and the freight_ratio derived from it) and an
 * unseen customer state (every `customer_state=*` one-hot column 0, which is how preprocess.py
 * encodes a state that was not in the train split: features.json says "unknown": "all zeros").
 *
 * Library: `replay({...})`. CLI (AWS_ENDPOINT_URL points it at sagemaker-local):
 *   npx tsx templates/olist/replay.ts --splits-dir OUT/splits --endpoint-name olist-ep \
 *     [--split production] [--limit 500] [--freight-factor 2] [--unseen-state] \
 *     [--ground-truth-uri s3://bucket/olist/ground-truth] [--id-prefix run1-] [--concurrency 4]
 * It prints one JSON line: {split, sent, failed, groundTruthUri, first, last}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export type SplitName = 'train' | 'validation' | 'test' | 'production';

export interface ReplayRow {
  /** record_id from splits/index.csv (the order), with idPrefix */
  id: string;
  label: number;
  /** the feature values as sent (no label), already drifted when asked */
  features: string[];
}

export interface DriftSpec {
  /** multiply total_freight by this (freight_ratio follows); 1 = unchanged */
  freightFactor?: number;
  /** send every row as a customer state the model never saw (all customer_state=* columns 0) */
  unseenState?: boolean;
}

export interface LoadOptions {
  splitsDir: string;
  split?: SplitName;
  /** features.json (default: <splitsDir>/../features/features.json) */
  featuresJson?: string;
  /** at most this many rows, taken evenly spaced over the split so its later months are included */
  limit?: number;
  drift?: DriftSpec;
  /** prepended to every record id (keeps ids unique when the same rows are replayed twice) */
  idPrefix?: string;
}

function fail(msg: string): never {
  throw new Error(`replay: ${msg}`);
}

/** The split's rows (label first, no header) with their record ids, drift applied. Pure over files. */
export function loadSplit(o: LoadOptions): { features: string[]; rows: ReplayRow[] } {
  const split = o.split ?? 'production';
  const featuresPath = o.featuresJson ?? join(o.splitsDir, '..', 'features', 'features.json');
  const doc = JSON.parse(readFileSync(featuresPath, 'utf8')) as { features?: unknown };
  if (!Array.isArray(doc.features)) fail(`${featuresPath} has no "features" list`);
  const features = doc.features as string[];
  const ids = readFileSync(join(o.splitsDir, 'index.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','))
    .filter((c) => c[1] === split)
    .sort((a, b) => Number(a[2]) - Number(b[2]))
    .map((c) => c[0]!);
  const lines = readFileSync(join(o.splitsDir, split, `${split}.csv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (lines.length !== ids.length)
    fail(`${split}.csv has ${lines.length} rows but index.csv lists ${ids.length} for it`);
  const n = lines.length;
  const take = o.limit !== undefined && o.limit < n ? o.limit : n;
  const picked = Array.from({ length: take }, (_, k) => Math.floor((k * n) / take));
  const col = (name: string) => features.indexOf(name);
  const freight = col('total_freight');
  const price = col('total_price');
  const ratio = col('freight_ratio');
  const states = features.flatMap((f, i) => (f.startsWith('customer_state=') ? [i] : []));
  const factor = o.drift?.freightFactor ?? 1;
  if (factor !== 1 && (freight < 0 || price < 0 || ratio < 0))
    fail('freight drift needs total_freight, total_price and freight_ratio features');
  const rows = picked.map((i) => {
    const cells = lines[i]!.split(',');
    if (cells.length !== features.length + 1)
      fail(`${split}.csv row ${i + 1}: ${cells.length - 1} features, features.json names ${features.length}`);
    const values = cells.slice(1);
    if (factor !== 1) {
      const f = Number(values[freight]) * factor;
      const p = Number(values[price]);
      values[freight] = String(Number(f.toFixed(6)));
      values[ratio] = String(p + f > 0 ? Number((f / (p + f)).toFixed(6)) : 0);
    }
    if (o.drift?.unseenState) for (const s of states) values[s] = '0';
    return { id: `${o.idPrefix ?? ''}${ids[i]!}`, label: Number(cells[0]), features: values };
  });
  return { features, rows };
}

/** One ground-truth record in SageMaker's format (sagemaker.md §6). */
export function groundTruthLine(id: string, label: number): string {
  return JSON.stringify({
    groundTruthData: { data: String(label), encoding: 'CSV' },
    eventMetadata: { eventId: id },
    eventVersion: '0',
  });
}

export interface ReplayOptions extends LoadOptions {
  endpointName: string;
  runtime?: SageMakerRuntimeClient;
  s3?: S3Client;
  /** where to write ground truth: an S3 prefix or a local folder; a yyyy/mm/dd/hh/<uuid>.jsonl file under it */
  groundTruthUri?: string;
  concurrency?: number;
  /** for the ground-truth hour folder (default now) */
  now?: () => Date;
}

export interface ReplayResult {
  split: SplitName;
  sent: number;
  failed: number;
  errors: string[];
  groundTruthUri: string | undefined;
  first: string | undefined;
  last: string | undefined;
}

const hourPath = (t: Date) =>
  [
    t.getUTCFullYear(),
    String(t.getUTCMonth() + 1).padStart(2, '0'),
    String(t.getUTCDate()).padStart(2, '0'),
    String(t.getUTCHours()).padStart(2, '0'),
  ].join('/');

/** Writes the ground truth under `uri`; returns the object/file written. */
export async function writeGroundTruth(
  uri: string,
  rows: ReplayRow[],
  s3: () => S3Client,
  at: Date,
): Promise<string> {
  const text = `${rows.map((r) => groundTruthLine(r.id, r.label)).join('\n')}\n`;
  const rel = `${hourPath(at)}/${randomUUID()}.jsonl`;
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) {
    const p = join(uri, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  }
  const key = `${m[2]!.replace(/\/+$/, '')}${m[2] ? '/' : ''}${rel}`;
  await s3().send(
    new PutObjectCommand({ Bucket: m[1], Key: key, Body: text, ContentType: 'application/jsonlines' }),
  );
  return `s3://${m[1]}/${key}`;
}

export async function replay(o: ReplayOptions): Promise<ReplayResult> {
  const split = o.split ?? 'production';
  const { rows } = loadSplit(o);
  const runtime = o.runtime ?? new SageMakerRuntimeClient({});
  let s3client = o.s3;
  const s3 = () => (s3client ??= new S3Client({ forcePathStyle: true }));
  const errors: string[] = [];
  let sent = 0;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const r = rows[next++]!;
      try {
        await runtime.send(
          new InvokeEndpointCommand({
            EndpointName: o.endpointName,
            ContentType: 'text/csv',
            Accept: 'text/csv',
            InferenceId: r.id,
            Body: Buffer.from(`${r.features.join(',')}\n`),
          }),
        );
        sent++;
      } catch (err) {
        if (errors.length < 5) errors.push(`${r.id}: ${(err as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));
  const gt = o.groundTruthUri
    ? await writeGroundTruth(o.groundTruthUri, rows, s3, (o.now ?? (() => new Date()))())
    : undefined;
  if (!o.runtime) runtime.destroy();
  if (!o.s3) s3client?.destroy();
  return {
    split,
    sent,
    failed: rows.length - sent,
    errors,
    groundTruthUri: gt,
    first: rows[0]?.id,
    last: rows.at(-1)?.id,
  };
}

function parseArgs(argv: string[]): ReplayOptions {
  const a: Record<string, string> = {};
  const flags = new Set(['unseen-state']);
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    if (!k.startsWith('--')) fail(`unexpected argument ${JSON.stringify(k)}`);
    const name = k.slice(2);
    if (flags.has(name)) a[name] = 'true';
    else if (i + 1 < argv.length) a[name] = argv[++i]!;
    else fail(`${k} needs a value`);
  }
  const known = [
    'splits-dir',
    'endpoint-name',
    'split',
    'features-json',
    'limit',
    'freight-factor',
    'unseen-state',
    'ground-truth-uri',
    'id-prefix',
    'concurrency',
  ];
  for (const k of Object.keys(a)) if (!known.includes(k)) fail(`unknown option --${k}`);
  if (!a['splits-dir'] || !a['endpoint-name']) fail('--splits-dir and --endpoint-name are required');
  const num = (k: string) => {
    if (a[k] === undefined) return undefined;
    const v = Number(a[k]);
    if (!Number.isFinite(v) || v <= 0) fail(`--${k} must be a positive number, got ${JSON.stringify(a[k])}`);
    return v;
  };
  const split = (a['split'] ?? 'production') as SplitName;
  if (!['train', 'validation', 'test', 'production'].includes(split))
    fail(`--split must be train, validation, test or production, got ${JSON.stringify(split)}`);
  const freightFactor = num('freight-factor');
  const limit = num('limit');
  const concurrency = num('concurrency');
  return {
    splitsDir: resolve(a['splits-dir']),
    endpointName: a['endpoint-name'],
    split,
    ...(a['features-json'] ? { featuresJson: a['features-json'] } : {}),
    ...(limit ? { limit: Math.floor(limit) } : {}),
    ...(concurrency ? { concurrency: Math.floor(concurrency) } : {}),
    ...(a['ground-truth-uri'] ? { groundTruthUri: a['ground-truth-uri'] } : {}),
    ...(a['id-prefix'] ? { idPrefix: a['id-prefix'] } : {}),
    drift: {
      ...(freightFactor ? { freightFactor } : {}),
      ...(a['unseen-state'] ? { unseenState: true } : {}),
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const r = await replay(parseArgs(process.argv.slice(2)));
    process.stdout.write(`${JSON.stringify(r)}\n`);
    if (r.failed > 0) process.exitCode = 1;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
