/**
 * The key of what the seed commands left in the cache folder, for actions/cache/save: a digest of
 * every file's path and size (names starting with '.' are temporary and skipped). The same
 * content gives the same key, so a workflow saves the folder only when it changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string, rel = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return files(dir, path);
      return e.isFile() ? [`${path}\t${statSync(join(dir, path)).size}`] : [];
    });
}

/** 16 hex digits, or '' when the folder is missing or holds no files. */
export function cacheKey(dir: string): string {
  const list = files(dir);
  if (list.length === 0) return '';
  return createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
}
