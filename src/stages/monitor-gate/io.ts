/**
 * Local paths and S3 URIs alike for monitor-gate: finding capture/ground-truth files (recursively,
 * selected by the capture layout's hour folders), reading one file, writing report files.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ConfigurationError } from '../../core/errors.js';
import { parseS3Uri } from '../../core/inputs.js';
import { isNotFound } from '../../aws/errors.js';
import { downloadObject, getObjectText, listKeys, putText } from '../../aws/s3.js';
import { listLocalFiles, selectByHour, type CaptureFile } from '../../monitor/capture-files.js';

export const isS3 = (uri: string) => /^s3:\/\//i.test(uri);

export interface FileSource {
  files: CaptureFile[];
  /** what the files came from, for the summary */
  origin: string[];
}

/**
 * Files under `uri` (an object, a prefix or a local file/folder), hour-selected when a window is
 * given; S3 objects are downloaded into `workDir` (same relative layout).
 */
export async function gatherFiles(
  input: string,
  uri: string,
  workDir: string,
  s3: () => Promise<S3Client>,
  window?: { sinceMs: number; untilMs: number },
): Promise<FileSource> {
  const select = <T extends { path: string }>(xs: T[]) =>
    window ? selectByHour(xs, window.sinceMs, window.untilMs) : xs;
  if (!isS3(uri)) {
    const files = select(listLocalFiles(uri));
    return { files, origin: files.map((f) => f.path) };
  }
  const loc = parseS3Uri(input, uri);
  const client = await s3();
  const keys = select(
    (await listKeys(client, loc.bucket, loc.key))
      .filter((k) => !k.key.endsWith('/'))
      .map((k) => ({ ...k, path: k.key })),
  );
  const files: CaptureFile[] = [];
  for (const k of keys) {
    const local = join(workDir, loc.bucket, k.key);
    await downloadObject(client, loc.bucket, k.key, local);
    files.push({ path: local, size: k.size });
  }
  return { files, origin: keys.map((k) => `s3://${loc.bucket}/${k.key}`) };
}

/** A file's text; a file or object that does not exist is a ConfigurationError naming the input. */
export async function readText(input: string, uri: string, s3: () => Promise<S3Client>): Promise<string> {
  try {
    if (!isS3(uri)) return await readFile(uri, 'utf8');
    const loc = parseS3Uri(input, uri);
    return await getObjectText(await s3(), loc.bucket, loc.key);
  } catch (err) {
    if (isNotFound(err) || (err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ConfigurationError(
        `input '${input}': ${JSON.stringify(uri)} does not exist; fix: point it at an existing file or S3 object`,
      );
    throw err;
  }
}

/** Writes `name` under the folder/prefix `dirUri`; returns its path or URI. */
export async function writeOutput(
  input: string,
  dirUri: string,
  name: string,
  text: string,
  s3: () => Promise<S3Client>,
): Promise<string> {
  if (!isS3(dirUri)) {
    const p = join(dirUri, name);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, text, 'utf8');
    return p;
  }
  const loc = parseS3Uri(input, dirUri);
  const key = `${loc.key.replace(/\/+$/, '')}${loc.key ? '/' : ''}${name}`;
  await putText(await s3(), loc.bucket, key, text, 'application/json');
  return `s3://${loc.bucket}/${key}`;
}

/** Where the check's report goes by default: a sibling of the capture folder, by the window's end hour. */
export function defaultReportUri(captureUri: string, endpoint: string | undefined, untilMs: number): string {
  const t = new Date(untilMs);
  const hour = `${t.getUTCFullYear()}/${String(t.getUTCMonth() + 1).padStart(2, '0')}/${String(t.getUTCDate()).padStart(2, '0')}/${String(t.getUTCHours()).padStart(2, '0')}`;
  const base = captureUri.replace(/\/+$/, '');
  const parent = base.includes('/') ? base.slice(0, base.lastIndexOf('/')) : '.';
  const leaf = endpoint ?? base.slice(base.lastIndexOf('/') + 1);
  return `${parent}/monitor-gate-reports/${leaf}/${hour}`;
}
