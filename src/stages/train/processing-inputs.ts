import type { ConfigValue } from '../../core/inputs.js';
import { isPlainObject, parseS3Uri, parseStructured, show } from '../../core/inputs.js';
import type { ProcessingInputSpec, ProcessingOutputSpec } from '../../sagemaker/jobs.js';
import { DISTRIBUTIONS, bad, checkKeys, optionalString, pick } from './structured-inputs.js';

/** Parsers for the processing-job inputs of the train action (pure; see structured-inputs.ts). */
const PROCESSING_ROOT = '/opt/ml/processing/';
const PROCESSING_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,255}$/;

function checkLocalPath(input: string, name: string, path: string): string {
  if (!path.startsWith(PROCESSING_ROOT) || path.includes('..') || path.length > 256) {
    bad(
      input,
      `'${name}' local-path ${show(path)} must be under ${PROCESSING_ROOT} (e.g. ${PROCESSING_ROOT}input/${name})`,
    );
  }
  return path;
}

/** processing-inputs: `{name: s3://...}` or `{name: {s3, local-path, distribution, input-mode}}`. */
export function parseProcessingInputs(input: string, value: ConfigValue | undefined): ProcessingInputSpec[] {
  return processingEntries(
    input,
    value,
    ['s3', 'local-path', 'distribution', 'input-mode'],
    (name, s3, v) => ({
      name,
      uri: s3,
      localPath: checkLocalPath(
        input,
        name,
        optionalString(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}input/${name}`,
      ),
      distribution:
        v['distribution'] === undefined
          ? 'FullyReplicated'
          : pick(input, `'${name}' distribution`, v['distribution'], DISTRIBUTIONS),
      inputMode:
        v['input-mode'] === undefined
          ? 'File'
          : pick(input, `'${name}' input-mode`, v['input-mode'], ['File', 'Pipe'] as const),
    }),
  );
}

/** processing-outputs: `{name: s3://...}` or `{name: {s3, local-path, upload-mode}}`. */
export function parseProcessingOutputs(
  input: string,
  value: ConfigValue | undefined,
): ProcessingOutputSpec[] {
  return processingEntries(input, value, ['s3', 'local-path', 'upload-mode'], (name, s3, v) => ({
    name,
    uri: s3,
    localPath: checkLocalPath(
      input,
      name,
      optionalString(input, `'${name}' local-path`, v['local-path']) ?? `${PROCESSING_ROOT}output/${name}`,
    ),
    uploadMode:
      v['upload-mode'] === undefined
        ? 'EndOfJob'
        : pick(input, `'${name}' upload-mode`, v['upload-mode'], ['EndOfJob', 'Continuous'] as const),
  }));
}

function processingEntries<T extends { localPath: string }>(
  input: string,
  value: ConfigValue | undefined,
  keys: string[],
  make: (name: string, s3: string, v: Record<string, unknown>) => T,
): T[] {
  if (value === undefined) return [];
  const parsed = parseStructured(input, value);
  if (parsed === null || parsed === undefined || parsed === '') return [];
  if (!isPlainObject(parsed))
    bad(
      input,
      `expected a map of name: {s3: s3://..., local-path: ${PROCESSING_ROOT}...}, got ${show(value)}`,
    );
  const entries = Object.entries(parsed);
  if (entries.length > 10) bad(input, `${entries.length} entries; SageMaker allows at most 10`);
  const out = entries.map(([name, v]) => {
    if (!PROCESSING_NAME_RE.test(name))
      bad(input, `name ${show(name)} must be letters, digits, '-' or '_' (starting with a letter or digit)`);
    const obj: Record<string, unknown> =
      typeof v === 'string'
        ? { s3: v }
        : isPlainObject(v)
          ? v
          : bad(input, `'${name}' must be an S3 URI or a map {s3, local-path}`);
    checkKeys(input, `'${name}'`, obj, keys);
    const s3 = optionalString(input, `'${name}' s3`, obj['s3']);
    if (!s3) bad(input, `'${name}' needs s3: s3://bucket/prefix/`);
    return make(name, parseS3Uri(input, s3).uri, obj);
  });
  const paths = new Set<string>();
  for (const o of out) {
    if (paths.has(o.localPath)) bad(input, `two entries use the local-path ${show(o.localPath)}`);
    paths.add(o.localPath);
  }
  return out;
}

/** entrypoint / arguments: a YAML/JSON list, or one line split on whitespace. */
export function parseCommand(input: string, value: ConfigValue | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  let list: string[];
  if (Array.isArray(value)) list = value.map((v) => String(v));
  else {
    const text = String(value).trim();
    if (text === '') return undefined;
    if (text.startsWith('[')) {
      const parsed = parseStructured(input, text);
      if (!Array.isArray(parsed) || parsed.some((p) => typeof p === 'object' && p !== null)) {
        bad(input, `expected a list of strings, got ${show(value)}`);
      }
      list = parsed.map((p) => String(p));
    } else list = text.split(/\s+/);
  }
  if (list.length > 100) bad(input, `${list.length} items; SageMaker allows at most 100`);
  for (const item of list) {
    if (item.length > 256) bad(input, `item ${show(item)} is longer than 256 characters`);
  }
  return list;
}
