/**
 * The on-disk cache of generated Olist tables (seed.ts). Generation is deterministic given the
 * number of orders, the seed and the generator's code, so its nine CSV files are kept under
 *
 *   <cache dir>/olist-seed/orders-<n>-seed-<s>-gen-<hash of generator/*.ts>/
 *       *.csv + manifest.json (name, size and SHA-256 of each file)
 *
 * <cache dir>: --cache-dir, else SAGEMAKER_ACTIONS_CACHE_DIR (actions/setup-local exports it),
 * else $XDG_CACHE_HOME/sagemaker-actions, else ~/.cache/sagemaker-actions.
 *
 * An entry is written into a temporary folder next to it and renamed into place once complete
 * (manifest last), so a reader never sees half an entry; of two writers racing for one entry the
 * first rename wins and the other uses it. Every file is checked against the manifest (size and
 * SHA-256) before use: a partial or corrupt entry is set aside and regenerated, never used. At most
 * MAX_ENTRIES entries are kept (the least recently used go first).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CACHE_DIR_ENV = 'SAGEMAKER_ACTIONS_CACHE_DIR';
/** Entries kept in <cache dir>/olist-seed (a full-size entry is ~120 MB). */
export const MAX_ENTRIES = 3;
/** A temporary folder older than this is a dead writer's leftover. */
export const STALE_TEMP_MS = 60 * 60_000;
const MANIFEST = 'manifest.json';
const FORMAT = 1;
const GENERATOR_DIR = fileURLToPath(new URL('./generator/', import.meta.url));

/** The cache folder for this environment (pure). */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const explicit = env[CACHE_DIR_ENV]?.trim();
  if (explicit) return explicit;
  // The XDG base-directory spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env['XDG_CACHE_HOME']?.trim();
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'sagemaker-actions');
}

/** A digest of the generator's sources: any change to the code that writes the tables is a new key. */
export function generatorVersion(dir: string = GENERATOR_DIR): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ts'))
    .sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The entry name for one generation (pure). */
export function entryKey(p: { orders: number; seed: number; version: string }): string {
  return `orders-${p.orders}-seed-${p.seed}-gen-${p.version}`;
}

export interface TableFile {
  name: string;
  body: Buffer;
}

interface Manifest {
  format: number;
  key: string;
  files: { name: string; bytes: number; sha256: string }[];
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The entry's files, each checked against its manifest; or why the entry cannot be used. */
export function loadEntry(
  dir: string,
  key: string,
): { ok: true; files: TableFile[] } | { ok: false; reason: string } {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch (err) {
    return { ok: false, reason: `no readable ${MANIFEST} (${(err as Error).message.split('\n')[0]})` };
  }
  if (manifest?.format !== FORMAT || manifest.key !== key || !Array.isArray(manifest.files))
    return { ok: false, reason: `${MANIFEST} is not a format-${FORMAT} manifest of ${key}` };
  if (manifest.files.length === 0) return { ok: false, reason: `${MANIFEST} lists no files` };
  const files: TableFile[] = [];
  for (const f of manifest.files) {
    if (typeof f?.name !== 'string' || f.name.includes('/') || f.name.startsWith('.'))
      return { ok: false, reason: `${MANIFEST} lists a bad file name ${JSON.stringify(f?.name)}` };
    let body: Buffer;
    try {
      body = readFileSync(join(dir, f.name));
    } catch {
      return { ok: false, reason: `${f.name} is missing` };
    }
    if (body.length !== f.bytes)
      return { ok: false, reason: `${f.name} has ${body.length} bytes, the manifest says ${f.bytes}` };
    if (sha256(body) !== f.sha256) return { ok: false, reason: `${f.name} does not match its SHA-256` };
    files.push({ name: f.name, body });
  }
  return { ok: true, files };
}

/** Renames a folder out of the way (atomic), then deletes it. */
function discard(dir: string): void {
  const trash = join(dir, '..', `.trash-${randomBytes(6).toString('hex')}`);
  try {
    renameSync(dir, trash);
  } catch {
    return; // already gone (another process discarded it)
  }
  rmSync(trash, { recursive: true, force: true });
}

/** Writes the manifest of every file in `dir` (last, so its presence means the files are complete). */
function seal(dir: string, key: string): TableFile[] {
  const files = readdirSync(dir)
    .filter((n) => !n.startsWith('.') && n !== MANIFEST)
    .sort()
    .map((name) => ({ name, body: readFileSync(join(dir, name)) }));
  const manifest: Manifest = {
    format: FORMAT,
    key,
    files: files.map((f) => ({ name: f.name, bytes: f.body.length, sha256: sha256(f.body) })),
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

/** Removes dead writers' temporary folders and all but the MAX_ENTRIES most recently used entries. */
export function prune(base: string, keep: string, now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const entries: { name: string; used: number }[] = [];
  for (const name of names) {
    let mtime: number;
    try {
      mtime = statSync(join(base, name)).mtimeMs;
    } catch {
      continue;
    }
    if (name.startsWith('.tmp-') || name.startsWith('.trash-')) {
      if (now - mtime > STALE_TEMP_MS) rmSync(join(base, name), { recursive: true, force: true });
    } else if (name !== keep) entries.push({ name, used: mtime });
  }
  entries.sort((a, b) => b.used - a.used);
  for (const e of entries.slice(MAX_ENTRIES - 1)) discard(join(base, e.name));
}

export interface CachedTables {
  files: TableFile[];
  /** True when the tables came from the cache. */
  hit: boolean;
  /** The cache entry ('' when the cache folder was not writable). */
  dir: string;
}

/**
 * The tables of `key`: from the cache when a valid entry is there, else generated (by `generate`,
 * into a temporary folder) and stored. `log` says what happened to an unusable entry.
 */
export async function cachedTables(opts: {
  root: string;
  key: string;
  generate: (dir: string) => Promise<void>;
  log: (line: string) => void;
}): Promise<CachedTables> {
  const base = join(opts.root, 'olist-seed');
  const dir = join(base, opts.key);
  if (existsSync(dir)) {
    const found = loadEntry(dir, opts.key);
    if (found.ok) {
      try {
        const now = new Date();
        utimesSync(dir, now, now); // least recently used goes first when pruning
      } catch {
        // a read-only cache still serves its entries
      }
      return { files: found.files, hit: true, dir };
    }
    opts.log(`olist seed: cache entry ${dir} is unusable (${found.reason}); regenerating it`);
    discard(dir);
  }
  let tmp: string;
  let store = true;
  try {
    mkdirSync(base, { recursive: true });
    tmp = mkdtempSync(join(base, `.tmp-${opts.key}-`));
  } catch (err) {
    opts.log(
      `olist seed: cannot write the cache folder ${base} (${(err as Error).message.split('\n')[0]}); generating without caching`,
    );
    tmp = mkdtempSync(join(tmpdir(), 'olist-seed-'));
    store = false;
  }
  try {
    await opts.generate(tmp);
    const files = seal(tmp, opts.key);
    if (!store) return { files, hit: false, dir: '' };
    for (let attempt = 0; ; attempt++) {
      try {
        renameSync(tmp, dir);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if ((code !== 'EEXIST' && code !== 'ENOTEMPTY') || attempt > 0) throw err;
        // Another writer finished first: use its entry when it is sound, else replace it.
        if (loadEntry(dir, opts.key).ok) return { files, hit: false, dir };
        discard(dir);
      }
    }
    prune(base, opts.key);
    return { files, hit: false, dir };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
