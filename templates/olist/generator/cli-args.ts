/** Argument parsing for `npm run olist:generate` (pure: no I/O, throws UsageError). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_ORDERS } from './generate.js';

export class UsageError extends Error {}

export const USAGE =
  'usage: npm run olist:generate -- --out DIR [--orders N (1..10000000, default 99441)] [--seed S (integer, default 42)]';

export interface CliOptions {
  outDir: string;
  orders: number;
  seed: number;
}

function integerArg(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim())) {
    throw new UsageError(
      `--${name} ${JSON.stringify(value)} is not an integer; use e.g. --${name} ${fallback}`,
    );
  }
  const n = Number(value);
  if (n < min || n > max)
    throw new UsageError(`--${name} ${value} is out of range; use a value from ${min} to ${max}`);
  return n;
}

/** Parses the CLI arguments; `--help` throws a UsageError with an empty message. */
export function parseCli(argv: readonly string[]): CliOptions {
  let values: { out?: string; orders?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string' },
        orders: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) throw new UsageError('');
  if (!values.out || values.out.trim() === '') {
    throw new UsageError('--out is required: the directory to write the CSV files to');
  }
  return {
    outDir: resolve(values.out),
    orders: integerArg('orders', values.orders, FULL_ORDERS, 1, 10_000_000),
    seed: integerArg('seed', values.seed, 42, -2147483648, 4294967295),
  };
}
