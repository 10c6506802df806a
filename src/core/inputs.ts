import { parse as parseYaml } from 'yaml';
import { ConfigurationError } from './errors.js';

/** Reads one raw input; '' when unset (the contract of @actions/core getInput). */
export type RawInputReader = (name: string) => string;

/** A value from the config file: scalars, lists and maps as YAML parsed them. */
export type ConfigValue = unknown;

const SHOW_MAX = 80;
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const one = (s ?? String(value)).replace(/\s+/g, ' ');
  return JSON.stringify(one.length > SHOW_MAX ? `${one.slice(0, SHOW_MAX)}…` : one);
}

function fail(name: string, value: unknown, expected: string): never {
  throw new ConfigurationError(`input '${name}': ${show(value)} is not valid; ${expected}`);
}

/** Strict boolean: only true/false (any case, as YAML 1.2 core). */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return fail(name, value, 'expected true or false');
}

const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function parseNumber(name: string, value: string, opts: { min?: number; max?: number } = {}): number {
  const v = value.trim();
  if (!NUMBER_RE.test(v)) fail(name, value, 'expected a number');
  const n = Number(v);
  if (!Number.isFinite(n)) fail(name, value, 'expected a finite number');
  checkRange(name, value, n, opts);
  return n;
}

export function parseInteger(name: string, value: string, opts: { min?: number; max?: number } = {}): number {
  const v = value.trim();
  if (!/^[-+]?\d+$/.test(v)) fail(name, value, 'expected a whole number');
  const n = Number(v);
  if (!Number.isSafeInteger(n)) fail(name, value, 'expected a whole number in range');
  checkRange(name, value, n, opts);
  return n;
}

function checkRange(
  name: string,
  value: string,
  n: number,
  { min, max }: { min?: number; max?: number },
): void {
  if (min !== undefined && n < min) fail(name, value, `expected at least ${min}`);
  if (max !== undefined && n > max) fail(name, value, `expected at most ${max}`);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration: a bare number means `defaultUnit`; otherwise a sequence like `90s`, `5m`, `1h30m`.
 * Returns milliseconds.
 */
export function parseDuration(
  name: string,
  value: string,
  defaultUnit: 'ms' | 's' | 'm' | 'h' = 's',
): number {
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * DURATION_UNITS[defaultUnit]!;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v)) !== null) {
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    consumed = re.lastIndex;
  }
  if (v === '' || consumed !== v.length) {
    fail(
      name,
      value,
      `expected a duration such as 90, 30s, 15m or 1h30m (a bare number is in ${defaultUnit === 'm' ? 'minutes' : defaultUnit === 's' ? 'seconds' : defaultUnit})`,
    );
  }
  return total;
}

export function parseChoice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  return fail(name, value, `expected one of: ${allowed.join(', ')}`);
}

/** YAML (a superset of JSON) text, or an already-parsed config value. */
export function parseStructured(name: string, value: ConfigValue): unknown {
  if (typeof value !== 'string') return value;
  try {
    return parseYaml(value);
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigurationError(
      `input '${name}': not valid YAML or JSON (${msg}); value was ${show(value)}`,
    );
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A map of string keys to scalar values; scalars are returned as strings (SageMaker wants strings). */
export function parseStringMap(name: string, value: ConfigValue): Record<string, string> {
  const parsed = parseStructured(name, value);
  if (parsed === null || parsed === undefined || parsed === '') return {};
  if (!isPlainObject(parsed)) fail(name, value, 'expected a YAML or JSON map of key: value');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v === null || v === undefined) fail(name, value, `key '${k}' has no value`);
    if (typeof v === 'object') fail(name, value, `key '${k}' must be a scalar (string, number or boolean)`);
    out[k] = String(v);
  }
  return out;
}

const NOT_SHOWN = '(the value is not shown: it may hold secrets)';

/** parseStringMap for values that may be secret: errors name the key and the problem only. */
export function parseSecretStringMap(name: string, value: ConfigValue): Record<string, string> {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = parseYaml(value);
    } catch (err) {
      const pos = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      throw new ConfigurationError(
        `input '${name}': not valid YAML or JSON${where}; expected a map of NAME: value ${NOT_SHOWN}`,
      );
    }
  }
  if (parsed === null || parsed === undefined || parsed === '') return {};
  if (!isPlainObject(parsed))
    throw new ConfigurationError(`input '${name}': expected a YAML or JSON map of NAME: value ${NOT_SHOWN}`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v === null || v === undefined)
      throw new ConfigurationError(`input '${name}': key '${k}' has no value`);
    if (typeof v === 'object')
      throw new ConfigurationError(
        `input '${name}': the value of key '${k}' must be a scalar (string, number or boolean) ${NOT_SHOWN}`,
      );
    out[k] = String(v);
  }
  return out;
}

/** A map of string keys to arbitrary YAML values. */
export function parseMap(name: string, value: ConfigValue): Record<string, unknown> {
  const parsed = parseStructured(name, value);
  if (parsed === null || parsed === undefined || parsed === '') return {};
  if (!isPlainObject(parsed)) fail(name, value, 'expected a YAML or JSON map');
  return parsed;
}

/** A list of strings: a YAML/JSON list, or one item per line. */
export function parseStringList(name: string, value: ConfigValue): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  const text = String(value).trim();
  if (text === '') return [];
  if (text.startsWith('[')) {
    const parsed = parseStructured(name, text);
    if (!Array.isArray(parsed)) fail(name, value, 'expected a list');
    return parsed.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  }
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface S3Location {
  bucket: string;
  key: string;
  uri: string;
}

const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Validates s3://bucket/key (key may be empty or a prefix). */
export function parseS3Uri(name: string, value: string): S3Location {
  const v = value.trim();
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(v);
  if (!m) fail(name, value, 'expected an S3 URI like s3://my-bucket/path/');
  const bucket = m[1]!;
  if (!BUCKET_RE.test(bucket) || bucket.includes('..')) {
    fail(
      name,
      value,
      `bucket '${bucket}' is not a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)`,
    );
  }
  const key = m[2] ?? '';
  if (v.length > 1024) fail(name, value, 'S3 URIs are limited to 1024 characters');
  return { bucket, key, uri: v };
}

/** SageMaker job, model, endpoint (config) and package group names (CreateTrainingJob's TrainingJobName pattern). */
export const SAGEMAKER_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** SageMaker instance types: ml.<family>.<size>, e.g. ml.m5.xlarge, ml.g4dn.2xlarge, ml.p4de.24xlarge. */
export const INSTANCE_TYPE_RE = /^ml\.[a-z0-9-]+\.[a-z0-9]+$/;

export function parseInstanceType(name: string, value: string): string {
  const v = value.trim();
  if (!INSTANCE_TYPE_RE.test(v)) fail(name, value, 'expected a SageMaker instance type like ml.m5.xlarge');
  return v;
}

export function parseSageMakerName(name: string, value: string): string {
  const v = value.trim();
  if (!SAGEMAKER_NAME_RE.test(v)) {
    fail(
      name,
      value,
      'expected 1-63 letters, digits and hyphens, starting and ending with a letter or digit',
    );
  }
  return v;
}

const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-/]+$/;
export function parseRoleArn(name: string, value: string): string {
  const v = value.trim();
  if (!ROLE_ARN_RE.test(v))
    fail(name, value, 'expected an IAM role ARN like arn:aws:iam::123456789012:role/SageMakerExecutionRole');
  return v;
}

/**
 * Typed access to an action's inputs. Explicit inputs win; then the config file's section; then
 * the default given in code (action.yml declares no defaults so that the config file can supply
 * them: the runner would otherwise always set the input).
 */
export class Inputs {
  constructor(
    private readonly raw: RawInputReader,
    private readonly defaults: Record<string, ConfigValue> = {},
    /** Keys that came only from the config file's shared `defaults:` section. */
    private readonly shared: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * The one rule for inputs that do not apply to the chosen mode: a configuration error naming
   * the input and the mode. Values from the config file's shared `defaults:` section are exempt
   * (they are meant for several actions and modes).
   */
  rejectForMode(names: readonly string[], mode: string, modeInput = 'mode'): void {
    for (const name of names) {
      const explicit = this.raw(name);
      const given =
        (explicit !== undefined && explicit.trim() !== '') || (this.has(name) && !this.shared.has(name));
      if (given) {
        throw new ConfigurationError(
          `input '${name}' does not apply to ${modeInput} '${mode}'; remove it or change the ${modeInput}`,
        );
      }
    }
  }

  /** The raw value: explicit input, else config value, else undefined. */
  value(name: string): ConfigValue | undefined {
    const explicit = this.raw(name);
    if (explicit !== undefined && explicit.trim() !== '') return explicit;
    const fromConfig = this.defaults[name];
    if (fromConfig === undefined || fromConfig === null || fromConfig === '') return undefined;
    return fromConfig;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  /** True when the input itself was given (not only the config file). */
  isExplicit(name: string): boolean {
    const explicit = this.raw(name);
    return explicit !== undefined && explicit.trim() !== '';
  }

  private text(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new ConfigurationError(`input '${name}': expected a single value, got ${show(v)}`);
  }

  required(name: string, hint = ''): string {
    const v = this.text(name);
    if (v === undefined || v === '') {
      throw new ConfigurationError(`input '${name}' is required${hint ? `: ${hint}` : ''}`);
    }
    return v;
  }

  optional(name: string): string | undefined {
    return this.text(name);
  }

  string(name: string, fallback: string): string {
    return this.text(name) ?? fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.text(name);
    return v === undefined ? fallback : parseBoolean(name, v);
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const v = this.text(name);
    return v === undefined ? fallback : parseInteger(name, v, range);
  }

  optionalInteger(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : parseInteger(name, v, range);
  }

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const v = this.text(name);
    return v === undefined ? fallback : parseNumber(name, v, range);
  }

  /** Milliseconds; undefined when unset. */
  optionalDuration(name: string, defaultUnit: 'ms' | 's' | 'm' | 'h' = 's'): number | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : parseDuration(name, v, defaultUnit);
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.text(name);
    return v === undefined ? fallback : parseChoice(name, v, allowed);
  }

  stringMap(name: string): Record<string, string> {
    const v = this.value(name);
    return v === undefined ? {} : parseStringMap(name, v);
  }

  /**
   * A map whose values may be secrets (environment): no error message contains any part of the
   * value, only the input, the key and the problem (the caller masks the values with setSecret).
   */
  secretStringMap(name: string): Record<string, string> {
    const v = this.value(name);
    return v === undefined ? {} : parseSecretStringMap(name, v);
  }

  map(name: string): Record<string, unknown> {
    const v = this.value(name);
    return v === undefined ? {} : parseMap(name, v);
  }

  list(name: string): string[] {
    const v = this.value(name);
    return v === undefined ? [] : parseStringList(name, v);
  }

  /** Parsed YAML/JSON of any shape, or undefined. */
  structured(name: string): unknown {
    const v = this.value(name);
    return v === undefined ? undefined : parseStructured(name, v);
  }

  optionalS3Uri(name: string): S3Location | undefined {
    const v = this.text(name);
    return v === undefined ? undefined : parseS3Uri(name, v);
  }
}
