/**
 * Local equivalents of actions/cache (and its restore/save halves). A rehearsal has no cache
 * service, and needs none: the cached paths are this machine's folders and stay between
 * rehearsals. So restore downloads nothing and reports a miss (cache-hit false, no matched key),
 * save uploads nothing; both check their inputs as the real action does (a key of at most 512
 * characters without commas, a path).
 */
import { RehearsalError } from './errors.js';
import type { BuiltinAction, BuiltinContext } from './builtins.js';

const MAX_KEY = 512;

function checkKey(label: string, key: string): void {
  if (key.length > MAX_KEY)
    throw new RehearsalError(`${label}: key is ${key.length} characters; the limit is ${MAX_KEY}`);
  if (key.includes(','))
    throw new RehearsalError(`${label}: key ${JSON.stringify(key)} cannot contain commas`);
}

function paths(inputs: Record<string, string>): string[] {
  return (inputs['path'] ?? '')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function restore(label: string) {
  return ({ inputs, log }: BuiltinContext) => {
    const key = inputs['key']!;
    checkKey(label, key);
    for (const k of (inputs['restore-keys'] ?? '').split('\n').filter((l) => l.trim()))
      checkKey(`${label} restore-keys`, k.trim());
    if (inputs['fail-on-cache-miss'] === 'true')
      throw new RehearsalError(
        `${label} with fail-on-cache-miss: true is not rehearsable (the rehearsal has no cache service; the folders stay on this machine)`,
      );
    log(`no cache service: ${paths(inputs).join(', ')} stay(s) as on this machine; nothing restored`);
    return { outputs: { 'cache-hit': 'false', 'cache-primary-key': key, 'cache-matched-key': '' } };
  };
}

export const CACHE_BUILTINS: Record<string, BuiltinAction> = {
  'actions/cache': {
    equivalent: "the cached paths are this machine's folders (nothing restored or saved)",
    inputs: [
      'path',
      'key',
      'restore-keys',
      'upload-chunk-size',
      'enableCrossOsArchive',
      'fail-on-cache-miss',
      'lookup-only',
      'save-always',
    ],
    outputs: ['cache-hit'],
    required: ['path', 'key'],
    run: (ctx) => ({ outputs: { 'cache-hit': restore('actions/cache')(ctx).outputs['cache-hit'] } }),
  },
  'actions/cache/restore': {
    equivalent: "the cached paths are this machine's folders (nothing restored)",
    inputs: ['path', 'key', 'restore-keys', 'enableCrossOsArchive', 'fail-on-cache-miss', 'lookup-only'],
    outputs: ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
    required: ['path', 'key'],
    run: restore('actions/cache/restore'),
  },
  'actions/cache/save': {
    equivalent: "the cached paths stay as this machine's folders (nothing saved)",
    inputs: ['path', 'key', 'upload-chunk-size', 'enableCrossOsArchive'],
    outputs: [],
    required: ['path', 'key'],
    run({ inputs, log }) {
      checkKey('actions/cache/save', inputs['key']!);
      log(`no cache service: ${paths(inputs).join(', ')} stay(s) on this machine; nothing saved`);
      return {};
    },
  },
};
