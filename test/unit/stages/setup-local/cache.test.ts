import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey } from '../../../../src/stages/setup-local/cache.js';
import { CACHE_DIR_ENV, resolveCacheDir } from '../../../../src/stages/setup-local/settings.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'setup-local-cache-'));
  dirs.push(d);
  return d;
};

describe('setup-local: the cache folder', () => {
  it('the input (~/ is home, relative to the workspace), else the variable, else XDG, else ~/.cache', () => {
    const r = (input: string | undefined, env: NodeJS.ProcessEnv) =>
      resolveCacheDir(input, env, '/home/u', '/ws');
    expect(r('~/.cache/sagemaker-actions', { [CACHE_DIR_ENV]: '/elsewhere' })).toBe(
      '/home/u/.cache/sagemaker-actions',
    );
    expect(r('~', {})).toBe('/home/u');
    expect(r('cache', {})).toBe('/ws/cache');
    expect(r('/abs/c', {})).toBe('/abs/c');
    expect(r(' ', { [CACHE_DIR_ENV]: '/from/env' })).toBe('/from/env');
    expect(r(undefined, { XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/sagemaker-actions');
    expect(r(undefined, { XDG_CACHE_HOME: 'relative' })).toBe('/home/u/.cache/sagemaker-actions');
    expect(r(undefined, {})).toBe('/home/u/.cache/sagemaker-actions');
    expect(r('~user/x', {})).toBe('/ws/~user/x'); // only ~/ means home
  });
});

describe('setup-local: the cache key', () => {
  it('empty for a missing or empty folder (temporary names skipped); 16 hex digits otherwise', () => {
    const d = temp();
    expect(cacheKey(join(d, 'missing'))).toBe('');
    expect(cacheKey(d)).toBe('');
    mkdirSync(join(d, '.tmp-writer'));
    writeFileSync(join(d, '.tmp-writer', 'a.csv'), 'x');
    expect(cacheKey(d)).toBe('');
    mkdirSync(join(d, 'olist-seed', 'entry'), { recursive: true });
    writeFileSync(join(d, 'olist-seed', 'entry', 'a.csv'), '1,2\n');
    expect(cacheKey(d)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('follows the files: same content, same key; a new, renamed or resized file, another key', () => {
    const a = temp();
    const b = temp();
    for (const d of [a, b]) {
      mkdirSync(join(d, 'olist-seed', 'k1'), { recursive: true });
      writeFileSync(join(d, 'olist-seed', 'k1', 'a.csv'), '1,2\n');
    }
    expect(cacheKey(a)).toBe(cacheKey(b));
    const before = cacheKey(a);
    writeFileSync(join(a, 'olist-seed', 'k1', 'a.csv'), '1,2,3\n');
    expect(cacheKey(a)).not.toBe(before);
    mkdirSync(join(b, 'olist-seed', 'k2'));
    writeFileSync(join(b, 'olist-seed', 'k2', 'a.csv'), '1,2\n');
    expect(cacheKey(b)).not.toBe(before);
    const c = temp();
    mkdirSync(join(c, 'olist-seed', 'k9'), { recursive: true });
    writeFileSync(join(c, 'olist-seed', 'k9', 'a.csv'), '1,2\n');
    expect(cacheKey(c)).not.toBe(before);
  });
});
