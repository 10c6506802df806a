/**
 * Request validation the way AWS reports it: every problem is collected and answered as one
 * ValidationException ("1 validation error detected: Value 'x' at 'trainingJobName' failed to
 * satisfy constraint: ..."), member paths camel-cased as the real services print them.
 */
import { AwsError } from './protocol.js';

/** Name patterns from the service model (anchored: the service matches the whole string). */
export const ENTITY_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const MODEL_NAME_RE = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
export const CHANNEL_NAME_RE = /^[A-Za-z0-9.\-_]+$/;
export const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
export const S3_URI_RE = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
export const ENV_KEY_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const memberPath = (path: string): string =>
  path
    .split('.')
    .map((p) => (p ? p[0]!.toLowerCase() + p.slice(1) : p))
    .join('.');

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export class Checker {
  readonly errors: string[] = [];

  private fail(path: string, value: unknown, constraint: string): void {
    const shown = value === undefined || value === null ? 'null' : `'${show(value)}'`;
    this.errors.push(`Value ${shown} at '${memberPath(path)}' failed to satisfy constraint: ${constraint}`);
  }

  /** True when the value is missing (reported when it is required). */
  private absent(path: string, value: unknown, required: boolean | undefined): boolean {
    if (value !== undefined && value !== null) return false;
    if (required) this.required(path, value);
    return true;
  }

  /** Checks a length or a value against optional min/max bounds. */
  private within(
    path: string,
    value: unknown,
    n: number,
    what: 'length' | 'value',
    opts: { min?: number; max?: number },
  ): boolean {
    if (opts.min !== undefined && n < opts.min) {
      this.fail(path, value, `Member must have ${what} greater than or equal to ${opts.min}`);
      return false;
    }
    if (opts.max !== undefined && n > opts.max) {
      this.fail(path, value, `Member must have ${what} less than or equal to ${opts.max}`);
      return false;
    }
    return true;
  }

  required(path: string, value: unknown): boolean {
    if (value === undefined || value === null) {
      this.fail(path, value, 'Member must not be null');
      return false;
    }
    return true;
  }

  string(
    path: string,
    value: unknown,
    opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp } = {},
  ): value is string {
    if (this.absent(path, value, opts.required)) return false;
    if (typeof value !== 'string') {
      this.fail(path, value, 'Member must be a string');
      return false;
    }
    if (!this.within(path, value, value.length, 'length', opts)) return false;
    if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(path, value, `Member must satisfy regular expression pattern: ${opts.pattern.source}`);
      return false;
    }
    return true;
  }

  enumOf(path: string, value: unknown, values: readonly string[], required = false): boolean {
    if (this.absent(path, value, required)) return false;
    if (typeof value !== 'string' || !values.includes(value)) {
      this.fail(path, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
      return false;
    }
    return true;
  }

  integer(
    path: string,
    value: unknown,
    opts: { required?: boolean; min?: number; max?: number } = {},
  ): boolean {
    if (this.absent(path, value, opts.required)) return false;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(path, value, 'Member must be an integer');
      return false;
    }
    if (!this.within(path, value, value, 'value', opts)) return false;
    return true;
  }

  list(
    path: string,
    value: unknown,
    opts: { required?: boolean; min?: number; max?: number } = {},
  ): value is unknown[] {
    if (this.absent(path, value, opts.required)) return false;
    if (!Array.isArray(value)) {
      this.fail(path, value, 'Member must be a list');
      return false;
    }
    if (!this.within(path, value, value.length, 'length', opts)) return false;
    return true;
  }

  object(path: string, value: unknown, required = false): value is Obj {
    if (this.absent(path, value, required)) return false;
    if (!isObject(value)) {
      this.fail(path, value, 'Member must be a structure');
      return false;
    }
    return true;
  }

  /** A string→string map with entry and length limits (HyperParameters, Environment, ...). */
  stringMap(
    path: string,
    value: unknown,
    opts: { maxEntries: number; keyMax: number; valueMax: number; keyPattern?: RegExp },
  ): void {
    if (!this.object(path, value)) return;
    const entries = Object.entries(value);
    if (entries.length > opts.maxEntries) {
      this.fail(
        path,
        `{${entries.length} entries}`,
        `Member must have length less than or equal to ${opts.maxEntries}`,
      );
    }
    for (const [k, v] of entries) {
      if (k.length > opts.keyMax || (opts.keyPattern && !opts.keyPattern.test(k))) {
        this.fail(
          `${path}.${k}`,
          k,
          `Map key must have length less than or equal to ${opts.keyMax}${opts.keyPattern ? ` and satisfy regular expression pattern: ${opts.keyPattern.source}` : ''}`,
        );
      }
      if (typeof v !== 'string') this.fail(`${path}.${k}`, v, 'Map value must be a string');
      else if (v.length > opts.valueMax) {
        this.fail(
          `${path}.${k}`,
          v.length > 64 ? `${v.slice(0, 64)}...` : v,
          `Map value must have length less than or equal to ${opts.valueMax}`,
        );
      }
    }
  }

  /** Throws the collected problems as one AWS ValidationException. */
  done(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw new AwsError(
      'ValidationException',
      `${n} validation error${n === 1 ? '' : 's'} detected: ${this.errors.join('; ')}`,
    );
  }
}

export function requestObject(body: unknown): Obj {
  if (!isObject(body)) throw new AwsError('SerializationException', 'Request body must be a JSON object');
  return body;
}
