import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { ConfigurationError } from '../../core/errors.js';
import { isPlainObject, parseS3Uri, parseStructured, show, type ConfigValue } from '../../core/inputs.js';
import type { ChannelSpec, MetricDefinition } from '../../sagemaker/jobs.js';

/**
 * Parsers for the train action's structured inputs (maps given as YAML or JSON text in the
 * workflow, or as YAML values in the config file). Pure: each takes the input's name and value and
 * returns typed data or throws a ConfigurationError naming the input, the value and the fix.
 */

export function bad(input: string, detail: string): never {
  throw new ConfigurationError(`input '${input}': ${detail}`);
}

export const MAX_HYPERPARAMETERS = 100;
export const MAX_HYPERPARAMETER_VALUE = 2500;
export const MAX_HYPERPARAMETER_KEY = 256;

/**
 * Hyperparameters: a flat map. Values are sent as strings exactly as written in the workflow
 * (`eta: 0.20` → "0.20", `n: 1e3` → "1e3"). Values that come from the config file were already
 * read as YAML, so there `0.20` arrives as the number 0.2 and `1e3` as 1000: quote them there.
 */
export function parseHyperparameters(input: string, value: ConfigValue | undefined): Record<string, string> {
  if (value === undefined) return {};
  const out: Record<string, string> = {};
  if (typeof value === 'string') {
    if (value.trim() === '') return {};
    const doc = parseDocument(value, { keepSourceTokens: true });
    if (doc.errors.length) {
      bad(
        input,
        `not valid YAML or JSON (${doc.errors[0]!.message.split('\n')[0]}); value was ${show(value)}`,
      );
    }
    const contents = doc.contents;
    if (contents === null) return {};
    if (!isMap(contents)) bad(input, `expected a map of name: value, got ${show(value)}`);
    for (const pair of contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const v = pair.value;
      if (!isScalar(v))
        bad(input, `'${key}' must be a single value (string, number or boolean), not a list or map`);
      out[key] = scalarText(input, key, v);
    }
  } else {
    if (!isPlainObject(value)) bad(input, `expected a map of name: value, got ${show(value)}`);
    for (const [key, v] of Object.entries(value)) {
      if (v === null || v === undefined) bad(input, `'${key}' has no value`);
      if (typeof v === 'object')
        bad(input, `'${key}' must be a single value (string, number or boolean), not a list or map`);
      out[key] = String(v);
    }
  }
  const keys = Object.keys(out);
  if (keys.length > MAX_HYPERPARAMETERS)
    bad(input, `${keys.length} entries; SageMaker allows at most ${MAX_HYPERPARAMETERS}`);
  for (const [k, v] of Object.entries(out)) {
    if (k.length === 0 || k.length > MAX_HYPERPARAMETER_KEY)
      bad(input, `name ${show(k)} must be 1-${MAX_HYPERPARAMETER_KEY} characters`);
    if (v.length > MAX_HYPERPARAMETER_VALUE) {
      bad(
        input,
        `value of '${k}' is ${v.length} characters; SageMaker allows at most ${MAX_HYPERPARAMETER_VALUE}`,
      );
    }
  }
  return out;
}

function scalarText(input: string, key: string, s: Scalar): string {
  if (s.value === null || s.value === undefined) bad(input, `'${key}' has no value`);
  if (s.type === 'PLAIN') {
    const src = (s.srcToken as { source?: string } | undefined)?.source;
    if (typeof src === 'string' && src.trim() !== '') return src.trim();
  }
  return String(s.value);
}

export const CHANNEL_NAME_RE = /^[A-Za-z0-9.\-_]{1,64}$/;
export const DISTRIBUTIONS = ['FullyReplicated', 'ShardedByS3Key'] as const;
const INPUT_MODES = ['File', 'Pipe', 'FastFile'] as const;

export function pick<T extends string>(
  input: string,
  what: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return bad(input, `${what} ${show(value)} is not allowed; expected one of: ${allowed.join(', ')}`);
}

export function optionalString(input: string, what: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') bad(input, `${what} must be a string, got ${show(value)}`);
  return value;
}

/** Allowed keys of a map entry; anything else is most likely a typo. */
export function checkKeys(
  input: string,
  where: string,
  obj: Record<string, unknown>,
  allowed: string[],
): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) bad(input, `${where}: unknown key '${k}'; allowed keys: ${allowed.join(', ')}`);
  }
}

/**
 * Training channels: `{train: s3://..., validation: {uri, content-type, distribution, input-mode}}`.
 * A single S3 URI means one channel named `train`.
 */
export function parseChannels(
  input: string,
  value: ConfigValue | undefined,
  defaultContentType?: string,
): ChannelSpec[] {
  if (value === undefined) return [];
  let parsed = parseStructured(input, value);
  if (typeof parsed === 'string' && parsed.trim().startsWith('s3://')) parsed = { train: parsed.trim() };
  if (parsed === null || parsed === undefined || parsed === '') return [];
  if (!isPlainObject(parsed))
    bad(
      input,
      `expected a map of channel: s3://uri (or channel: {uri, content-type, ...}), got ${show(value)}`,
    );
  const entries = Object.entries(parsed);
  if (entries.length > 20) bad(input, `${entries.length} channels; SageMaker allows at most 20`);
  return entries.map(([name, v]) => {
    if (!CHANNEL_NAME_RE.test(name))
      bad(input, `channel name ${show(name)} must be 1-64 letters, digits, '.', '-' or '_'`);
    if (typeof v === 'string') {
      return {
        name,
        uri: parseS3Uri(input, v).uri,
        contentType: defaultContentType,
        distribution: 'FullyReplicated',
      };
    }
    if (!isPlainObject(v))
      bad(
        input,
        `channel '${name}' must be an S3 URI or a map with uri, content-type, distribution, input-mode`,
      );
    checkKeys(input, `channel '${name}'`, v, ['uri', 'content-type', 'distribution', 'input-mode']);
    const uri = optionalString(input, `channel '${name}' uri`, v['uri']);
    if (!uri) bad(input, `channel '${name}' needs a uri (s3://bucket/prefix/)`);
    return {
      name,
      uri: parseS3Uri(input, uri).uri,
      contentType:
        optionalString(input, `channel '${name}' content-type`, v['content-type']) ?? defaultContentType,
      distribution:
        v['distribution'] === undefined
          ? 'FullyReplicated'
          : pick(input, `channel '${name}' distribution`, v['distribution'], DISTRIBUTIONS),
      inputMode:
        v['input-mode'] === undefined
          ? undefined
          : pick(input, `channel '${name}' input-mode`, v['input-mode'], INPUT_MODES),
    };
  });
}

/** metric-definitions: `{name: regex}` or `[{Name, Regex}]`; every regex must compile. */
export function parseMetricDefinitions(input: string, value: ConfigValue | undefined): MetricDefinition[] {
  if (value === undefined) return [];
  const parsed = parseStructured(input, value);
  if (parsed === null || parsed === undefined || parsed === '') return [];
  let defs: MetricDefinition[];
  if (Array.isArray(parsed)) {
    defs = parsed.map((d, i) => {
      if (!isPlainObject(d) || typeof d['Name'] !== 'string' || typeof d['Regex'] !== 'string') {
        return bad(input, `item ${i + 1} must be {Name: ..., Regex: ...}, got ${show(d)}`);
      }
      return { Name: d['Name'], Regex: d['Regex'] };
    });
  } else if (isPlainObject(parsed)) {
    defs = Object.entries(parsed).map(([Name, Regex]) => {
      if (typeof Regex !== 'string')
        bad(input, `the regex of '${Name}' must be a string, got ${show(Regex)}`);
      return { Name, Regex };
    });
  } else {
    return bad(input, `expected a map of metric-name: regex or a list of {Name, Regex}, got ${show(value)}`);
  }
  if (defs.length > 40) bad(input, `${defs.length} metrics; SageMaker allows at most 40`);
  for (const d of defs) {
    if (d.Name.length < 1 || d.Name.length > 255)
      bad(input, `metric name ${show(d.Name)} must be 1-255 characters`);
    if (d.Regex.length < 1 || d.Regex.length > 500)
      bad(input, `the regex of '${d.Name}' must be 1-500 characters`);
    let groups = 0;
    try {
      groups = new RegExp(`${d.Regex}|`).exec('')!.length - 1;
    } catch (err) {
      bad(input, `the regex of '${d.Name}' (${show(d.Regex)}) does not compile: ${(err as Error).message}`);
    }
    if (groups < 1)
      bad(input, `the regex of '${d.Name}' needs a capture group around the value, e.g. auc:([0-9.]+)`);
  }
  return defs;
}

export const ENV_KEY_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** environment: a flat map; keys must be valid variable names. Values are never printed. */
export function checkEnvironment(
  input: string,
  env: Record<string, string>,
  maxValue: number,
): Record<string, string> {
  const keys = Object.keys(env);
  if (keys.length > 100) bad(input, `${keys.length} variables; SageMaker allows at most 100`);
  for (const k of keys) {
    if (!ENV_KEY_RE.test(k) || k.length > 512)
      bad(input, `variable name ${show(k)} must match [a-zA-Z_][a-zA-Z0-9_]*`);
    if (env[k]!.length > maxValue)
      bad(input, `the value of '${k}' is longer than ${maxValue} characters (value not shown)`);
  }
  return env;
}

export function checkTags(input: string, tags: Record<string, string>): Record<string, string> {
  const keys = Object.keys(tags);
  if (keys.length > 50) bad(input, `${keys.length} tags; SageMaker allows at most 50`);
  for (const k of keys) {
    if (k.length < 1 || k.length > 128 || k.startsWith('aws:'))
      bad(input, `tag key ${show(k)} must be 1-128 characters and not start with aws:`);
    if (tags[k]!.length > 256) bad(input, `tag '${k}' value is longer than 256 characters`);
  }
  return tags;
}
