/**
 * Step caching (CacheConfig) as AWS documents it: a step with caching enabled reuses the most
 * recent Succeeded run of the same step of the same pipeline whose cache-key attributes are equal
 * and which is no older than ExpireAfter, instead of running again. Only the documented attributes
 * count ("Default cache key attributes by pipeline step type"); the data or code they point to is
 * not compared (AWS does not either). Step types without a documented key are never cached.
 */
import { createHash } from 'node:crypto';

type Obj = Record<string, unknown>;

export const CACHE_KEY_ATTRIBUTES: Record<string, readonly string[]> = {
  Processing: ['AppSpecification', 'Environment', 'ProcessingInputs'],
  Training: [
    'AlgorithmSpecification',
    'CheckpointConfig',
    'DebugHookConfig',
    'DebugRuleConfigurations',
    'Environment',
    'HyperParameters',
    'InputDataConfig',
  ],
  Transform: ['DataProcessing', 'Environment', 'ModelName', 'TransformInput'],
};

/** JSON with sorted object keys, so equal values hash equally. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v as Obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Cache key of a step's resolved arguments, or undefined when the step type is never cached. */
export function cacheKey(stepType: string, resolvedArgs: Obj): string | undefined {
  const attrs = CACHE_KEY_ATTRIBUTES[stepType];
  if (!attrs) return undefined;
  const picked = Object.fromEntries(attrs.map((a) => [a, resolvedArgs[a] ?? null]));
  return createHash('sha256')
    .update(`${stepType}\n${canonical(picked)}`)
    .digest('hex');
}

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = {
  y: 365 * DAY, // a year and a month have no fixed length; 365 and 30 days (guess: AWS does not say)
  m: 30 * DAY,
  w: 7 * DAY,
  d: DAY,
  h: 3_600_000,
  tm: 60_000,
  s: 1000,
};

/**
 * ExpireAfter in milliseconds. AWS documents ISO 8601 durations and shows both the strict form
 * ("PT1H", "P30D", "P4DT12H") and a lenient one without the P ("30d", "T16m", "30dT5h", "5y"),
 * case-insensitive. Undefined when the text is not a duration.
 */
export function parseExpireAfter(text: string): number | undefined {
  const m = /^P?(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(
    text.trim(),
  );
  if (!m || /T$/i.test(text.trim())) return undefined;
  const parts: [string | undefined, number][] = [
    [m[1], UNIT_MS['y']!],
    [m[2], UNIT_MS['m']!],
    [m[3], UNIT_MS['w']!],
    [m[4], UNIT_MS['d']!],
    [m[5], UNIT_MS['h']!],
    [m[6], UNIT_MS['tm']!],
    [m[7], UNIT_MS['s']!],
  ];
  if (parts.every(([v]) => v === undefined)) return undefined;
  return parts.reduce((sum, [v, unit]) => sum + (v === undefined ? 0 : Number(v) * unit), 0);
}

/** A finished step of an earlier execution, as far as caching cares. */
export interface CacheCandidate {
  executionArn: string;
  stepName: string;
  status: string;
  cacheKey?: string;
  /** When the step ended (epoch ms). */
  endTime?: number;
}

/**
 * The candidate to reuse: same step name and key, Succeeded, ended within ExpireAfter (no
 * ExpireAfter: any age; guess, AWS's SDK says a timeout "needs to be defined" but the API does not
 * require it), most recent first.
 */
export function findCacheHit(
  candidates: readonly CacheCandidate[],
  stepName: string,
  key: string,
  now: number,
  expireAfterMs: number | undefined,
): CacheCandidate | undefined {
  return candidates
    .filter(
      (c) =>
        c.stepName === stepName &&
        c.cacheKey === key &&
        c.status === 'Succeeded' &&
        c.endTime !== undefined &&
        (expireAfterMs === undefined || now - c.endTime <= expireAfterMs),
    )
    .sort((a, b) => b.endTime! - a.endTime!)[0];
}
