import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCli } from '../../../templates/olist/generator/cli-args.js';

const TSX = resolve('node_modules/.bin/tsx');
const CLI = resolve('templates/olist/generator/cli.ts');

describe('olist:generate CLI arguments', () => {
  test('defaults: full size, seed 42', () => {
    expect(parseCli(['--out', 'x'])).toEqual({ outDir: resolve('x'), orders: 99441, seed: 42 });
    expect(parseCli(['--out', '/tmp/o', '--orders', '3000', '--seed', '7'])).toEqual({
      outDir: '/tmp/o',
      orders: 3000,
      seed: 7,
    });
  });

  test.each([
    [[], /--out is required/],
    [['--out', 'd', '--orders', 'many'], /--orders "many" is not an integer/],
    [['--out', 'd', '--orders', '0'], /--orders 0 is out of range/],
    [['--out', 'd', '--seed', '1.5'], /--seed "1.5" is not an integer/],
    [['--out', 'd', '--rows', '5'], /Unknown option '--rows'/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });

  test('the CLI exits 2 with the message and usage on bad arguments, 0 and nine files on success', () => {
    const bad = spawnSync(TSX, [CLI, '--out', '/tmp/x', '--orders', 'lots'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--orders "lots" is not an integer');
    expect(bad.stderr).toContain('usage: npm run olist:generate');
    const dir = mkdtempSync(join(tmpdir(), 'olist-cli-'));
    try {
      const file = spawnSync(TSX, [CLI, '--out', CLI], { encoding: 'utf8' });
      expect(file.status).toBe(2);
      expect(file.stderr).toContain('is a file; pass a directory');
      const ok = spawnSync(TSX, [CLI, '--out', dir, '--orders', '50', '--seed', '3'], { encoding: 'utf8' });
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('wrote 9 files');
      expect(readdirSync(dir)).toHaveLength(9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
