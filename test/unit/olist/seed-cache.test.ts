/** templates/olist/seed-cache.ts: keys, hits, misses, corrupt entries, racing writers, pruning. */
import { afterEach, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CACHE_DIR_ENV,
  MAX_ENTRIES,
  STALE_TEMP_MS,
  cachedTables,
  defaultCacheDir,
  entryKey,
  generatorVersion,
  loadEntry,
  prune,
} from '../../../templates/olist/seed-cache.js';
import { generate } from '../../../templates/olist/generator/generate.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
function tempRoot(): string {
  const r = mkdtempSync(join(tmpdir(), 'seed-cache-'));
  roots.push(r);
  return r;
}

/** A stand-in generator: two files whose content depends on the key, counting its calls. */
function fakeGenerator(content = 'a,b\n1,2\n') {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    generate: async (dir: string) => {
      calls++;
      writeFileSync(join(dir, 'one.csv'), content);
      await new Promise((r) => setTimeout(r, 5)); // let racing writers interleave
      writeFileSync(join(dir, 'two.csv'), content.repeat(3));
    },
  };
}
const silent = (): void => {};
const names = (files: { name: string }[]) => files.map((f) => f.name);

describe('where the cache lives', () => {
  test('SAGEMAKER_ACTIONS_CACHE_DIR, else an absolute XDG_CACHE_HOME, else ~/.cache; always sagemaker-actions', () => {
    expect(defaultCacheDir({ [CACHE_DIR_ENV]: '/c/x', XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/c/x');
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/xdg/sagemaker-actions');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'rel/dir' }, '/home/u')).toBe(
      '/home/u/.cache/sagemaker-actions',
    );
    expect(defaultCacheDir({ [CACHE_DIR_ENV]: ' ' }, '/home/u')).toBe('/home/u/.cache/sagemaker-actions');
  });
});

const hex16 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 });
const keyParts = fc.record({ orders: fc.nat(), seed: fc.integer(), version: hex16 });

describe('the key', () => {
  test('differs whenever orders, seed or generator version differ', () => {
    fc.assert(
      fc.property(keyParts, keyParts, (a, b) => {
        const same = a.orders === b.orders && a.seed === b.seed && a.version === b.version;
        expect(entryKey(a) === entryKey(b)).toBe(same);
        expect(entryKey(a)).toMatch(/^[\w-]+$/);
      }),
    );
  });

  test("the generator version follows the generator's source files", () => {
    const copy = join(tempRoot(), 'generator');
    cpSync(resolve('templates/olist/generator'), copy, { recursive: true });
    const v = generatorVersion(copy);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(generatorVersion(resolve('templates/olist/generator'))).toBe(v);
    expect(generatorVersion()).toBe(v);
    writeFileSync(join(copy, 'rng.ts'), `${readFileSync(join(copy, 'rng.ts'), 'utf8')}\n// changed\n`);
    expect(generatorVersion(copy)).not.toBe(v);
  });
});

describe('cachedTables', () => {
  test('a miss generates once and stores the entry; the next call is a hit with the same bytes', async () => {
    const root = tempRoot();
    const gen = fakeGenerator();
    const first = await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent });
    expect(first.hit).toBe(false);
    expect(names(first.files)).toEqual(['one.csv', 'two.csv']);
    expect(first.dir).toBe(join(root, 'olist-seed', 'k1'));
    const second = await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent });
    expect(second.hit).toBe(true);
    expect(gen.calls).toBe(1);
    expect(second.files.map((f) => f.body.toString())).toEqual(first.files.map((f) => f.body.toString()));
    expect(readdirSync(join(root, 'olist-seed'))).toEqual(['k1']); // no temporary folder left
  });

  test('another key is another entry', async () => {
    const root = tempRoot();
    const gen = fakeGenerator();
    await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent });
    const other = await cachedTables({ root, key: 'k2', generate: gen.generate, log: silent });
    expect(other.hit).toBe(false);
    expect(gen.calls).toBe(2);
  });

  const corruptions: [string, (dir: string) => void, RegExp][] = [
    ['a flipped byte (same size)', (d) => writeFileSync(join(d, 'one.csv'), 'a,b\n1,3\n'), /SHA-256/],
    ['a truncated file', (d) => truncateSync(join(d, 'two.csv'), 4), /has 4 bytes/],
    ['a missing file', (d) => rmSync(join(d, 'one.csv')), /one\.csv is missing/],
    ['no manifest (a partial entry)', (d) => rmSync(join(d, 'manifest.json')), /no readable manifest/],
    ['a manifest that is not JSON', (d) => writeFileSync(join(d, 'manifest.json'), '{"form'), /no readable/],
    [
      "another key's manifest",
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        writeFileSync(join(d, 'manifest.json'), JSON.stringify({ ...m, key: 'other' }));
      },
      /not a format-1 manifest of k1/,
    ],
    [
      'a manifest naming a path outside the entry',
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        m.files[0].name = '../../escape.csv';
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /bad file name/,
    ],
  ];
  test.each(corruptions)('%s: detected, never used, regenerated', async (_label, corrupt, reason) => {
    const root = tempRoot();
    const gen = fakeGenerator();
    const first = await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent });
    corrupt(first.dir);
    expect(loadEntry(first.dir, 'k1')).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
    const lines: string[] = [];
    const again = await cachedTables({ root, key: 'k1', generate: gen.generate, log: (l) => lines.push(l) });
    expect(again.hit).toBe(false);
    expect(gen.calls).toBe(2);
    expect(lines.join('\n')).toMatch(/is unusable \(.*\); regenerating it/);
    expect(again.files.map((f) => f.body.toString())).toEqual(first.files.map((f) => f.body.toString()));
    expect(loadEntry(again.dir, 'k1').ok).toBe(true);
    expect(readdirSync(join(root, 'olist-seed'))).toEqual(['k1']);
  });

  test('racing writers of one key all get the tables; one sound entry remains, no temporary folder', async () => {
    const root = tempRoot();
    const gen = fakeGenerator();
    const all = await Promise.all(
      Array.from({ length: 5 }, () => cachedTables({ root, key: 'k1', generate: gen.generate, log: silent })),
    );
    for (const r of all)
      expect(r.files.map((f) => f.body.toString())).toEqual(['a,b\n1,2\n', 'a,b\n1,2\n'.repeat(3)]);
    expect(gen.calls).toBe(5); // all five generated before the first finished: four renames collided
    expect(loadEntry(join(root, 'olist-seed', 'k1'), 'k1').ok).toBe(true);
    expect(readdirSync(join(root, 'olist-seed'))).toEqual(['k1']);
  });

  test('a writer finding a corrupt entry in its way replaces it', async () => {
    const root = tempRoot();
    const gen = fakeGenerator();
    const dir = join(root, 'olist-seed', 'k1');
    // The entry appears (corrupt) while this writer generates: its rename collides.
    const slow = async (d: string): Promise<void> => {
      await gen.generate(d);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'one.csv'), 'garbage');
    };
    const r = await cachedTables({ root, key: 'k1', generate: slow, log: silent });
    expect(r.hit).toBe(false);
    expect(loadEntry(dir, 'k1').ok).toBe(true);
    expect(readdirSync(join(root, 'olist-seed'))).toEqual(['k1']);
  });

  test('an unwritable cache folder: the tables are generated anyway, not cached, and the log says why', async () => {
    const root = tempRoot();
    writeFileSync(join(root, 'olist-seed'), 'a file where the folder should be');
    const gen = fakeGenerator();
    const lines: string[] = [];
    const r = await cachedTables({ root, key: 'k1', generate: gen.generate, log: (l) => lines.push(l) });
    expect(r).toMatchObject({ hit: false, dir: '' });
    expect(names(r.files)).toEqual(['one.csv', 'two.csv']);
    expect(lines.join('\n')).toMatch(/cannot write the cache folder .*; generating without caching/);
  });

  (process.getuid?.() === 0 ? test.skip : test)('a read-only entry is still served', async () => {
    const root = tempRoot();
    const gen = fakeGenerator();
    const first = await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent });
    chmodSync(first.dir, 0o555);
    try {
      expect((await cachedTables({ root, key: 'k1', generate: gen.generate, log: silent })).hit).toBe(true);
    } finally {
      chmodSync(first.dir, 0o755);
    }
  });

  test('the real generator: a cached entry holds the nine tables, byte for byte what generate() writes', async () => {
    const root = tempRoot();
    const make = (dir: string) => generate({ outDir: dir, orders: 200, seed: 5 }).then(() => undefined);
    const r = await cachedTables({ root, key: 'real', generate: make, log: silent });
    const direct = join(root, 'direct');
    await make(direct);
    expect(names(r.files)).toEqual(readdirSync(direct).sort());
    expect(r.files).toHaveLength(9);
    for (const f of r.files) expect(f.body.equals(readFileSync(join(direct, f.name)))).toBe(true);
  });
});

describe('prune', () => {
  test(`keeps the entry in use and the ${MAX_ENTRIES - 1} most recently used others; removes dead temporary folders`, () => {
    const base = join(tempRoot(), 'olist-seed');
    const now = Date.now();
    const make = (name: string, ageMs: number) => {
      mkdirSync(join(base, name), { recursive: true });
      const t = new Date(now - ageMs);
      utimesSync(join(base, name), t, t);
    };
    make('current', 10 * 86_400_000); // oldest, but in use
    for (let i = 0; i < MAX_ENTRIES + 2; i++) make(`old-${i}`, (i + 1) * 60_000);
    make('.tmp-dead', STALE_TEMP_MS + 1000);
    make('.tmp-live', 1000);
    prune(base, 'current', now);
    const left = readdirSync(base).sort();
    expect(left).toEqual(
      ['.tmp-live', 'current', ...Array.from({ length: MAX_ENTRIES - 1 }, (_, i) => `old-${i}`)].sort(),
    );
    expect(existsSync(join(base, '.tmp-dead'))).toBe(false);
  });
});
