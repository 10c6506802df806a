import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ConfigurationError } from '../../core/errors.js';
import { parseS3Uri } from '../../core/inputs.js';
import { downloadObject, listKeys, objectExists } from '../../aws/s3.js';

/** Files an input resolved to, in order, plus where they came from. */
export interface ResolvedSource {
  input: string;
  location: string;
  /** Local files to read, in input order. */
  files: string[];
  /** For S3 sources: the keys the files came from (same order), and whether it was a prefix. */
  s3?: { bucket: string; keys: string[]; prefix: string | undefined };
}

/** Names that are never data: hidden files, Spark/Hadoop markers, manifests. */
export function isDataFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return base !== '' && !base.startsWith('.') && !base.startsWith('_') && !base.endsWith('.manifest');
}

/** When a set holds transform outputs (`.out`), only those are predictions. */
export function pickFiles(names: string[], prefer?: string): string[] {
  const data = names.filter(isDataFile);
  if (prefer) {
    const preferred = data.filter((n) => n.endsWith(prefer));
    if (preferred.length) return preferred;
  }
  return data;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ResolveOptions {
  /** The input's name, for messages. */
  input: string;
  /** Where S3 objects are downloaded. */
  workDir: string;
  /** Lazily created S3 client (only called for s3:// locations). */
  s3: () => Promise<S3Client>;
  /** Prefer files with this suffix when a folder/prefix has some (e.g. '.out'). */
  prefer?: string;
}

/**
 * A local file or folder, or an S3 object or prefix, as local files in a stable order (sorted
 * by relative path / key). Nothing found is a configuration error naming the input.
 */
export async function resolveSource(location: string, opts: ResolveOptions): Promise<ResolvedSource> {
  if (/^s3:\/\//i.test(location)) return resolveS3(location, opts);
  let info;
  try {
    info = await stat(location);
  } catch {
    throw new ConfigurationError(
      `input '${opts.input}': ${JSON.stringify(location)} does not exist; give a local file or folder, or an S3 URI`,
    );
  }
  if (info.isFile()) return { input: opts.input, location, files: [location] };
  const all = (await walk(location)).map((f) => relative(location, f).split(sep).join('/')).sort(byCodeUnit);
  const files = pickFiles(all, opts.prefer).map((r) => join(location, r));
  if (!files.length)
    throw new ConfigurationError(
      `input '${opts.input}': folder ${JSON.stringify(location)} has no data files`,
    );
  return { input: opts.input, location, files };
}

async function resolveS3(location: string, opts: ResolveOptions): Promise<ResolvedSource> {
  const { bucket, key } = parseS3Uri(opts.input, location);
  const s3 = await opts.s3();
  const target = (k: string): string =>
    join(opts.workDir, opts.input, bucket, ...k.split('/').filter((p) => p !== '' && p !== '..'));
  if (await objectExists(s3, bucket, key)) {
    const file = target(key);
    await downloadObject(s3, bucket, key, file);
    return { input: opts.input, location, files: [file], s3: { bucket, keys: [key], prefix: undefined } };
  }
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  const listed = (await listKeys(s3, bucket, prefix)).filter((o) => !o.key.endsWith('/'));
  const keys = pickFiles(listed.map((o) => o.key).sort(byCodeUnit), opts.prefer);
  if (!keys.length) {
    throw new ConfigurationError(
      `input '${opts.input}': nothing found at ${location} (neither an object nor a prefix with data files)`,
    );
  }
  const files: string[] = [];
  for (const k of keys) {
    const file = target(k);
    await downloadObject(s3, bucket, k, file);
    files.push(file);
  }
  return { input: opts.input, location, files, s3: { bucket, keys, prefix } };
}
