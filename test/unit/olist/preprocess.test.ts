/**
 * templates/olist/code/preprocess.py on a small generated data set (3000 orders), run with
 * /usr/bin/python3 (or OLIST_PYTHON). Skipped, with a message, when that Python lacks pandas.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvLine, parseCsv } from '../../../templates/olist/generator/csv.js';
import { TABLES, generate } from '../../../templates/olist/generator/generate.js';
import { PYTHON, pythonHasPandas, readTable } from './helpers.js';

const SCRIPT = resolve('templates/olist/code/preprocess.py');
const SPLITS = ['train', 'validation', 'test', 'production'] as const;
const hasPandas = pythonHasPandas();
if (!hasPandas)
  console.warn(`SKIPPED preprocess.py tests: ${PYTHON} cannot import pandas/numpy (set OLIST_PYTHON)`);
const suite = hasPandas ? describe : describe.skip;

let root: string;
let raw: string;
let out: string;

function run(args: string[]) {
  return spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8' });
}

function preprocess(input: string, output: string): void {
  const r = run(['--input-dir', input, '--output-dir', output]);
  if (r.status !== 0) throw new Error(`preprocess.py failed (${r.status}): ${r.stderr}`);
}

const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

beforeAll(async () => {
  if (!hasPandas) return;
  root = mkdtempSync(join(tmpdir(), 'olist-pre-'));
  // The data-lake layout raw/<table>/<file>.csv: preprocess.py finds the files by name.
  const flat = join(root, 'flat');
  await generate({ outDir: flat, orders: 3000, seed: 11 });
  raw = join(root, 'raw');
  for (const [table, spec] of Object.entries(TABLES)) {
    mkdirSync(join(raw, table), { recursive: true });
    renameSync(join(flat, spec.file), join(raw, table, spec.file));
  }
  out = join(root, 'out');
  preprocess(raw, out);
}, 120_000);
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

suite('preprocess.py outputs', () => {
  test('splits are chronological, 40/10/10/40, train -> validation -> test -> production', () => {
    const index = readTable(join(out, 'splits'), 'index.csv');
    const split = index.col('split');
    const time = index.col('event_time');
    const n = split.length;
    const expected = [
      Math.floor(0.4 * n),
      Math.floor(0.5 * n) - Math.floor(0.4 * n),
      Math.floor(0.6 * n) - Math.floor(0.5 * n),
    ];
    expected.push(n - expected[0]! - expected[1]! - expected[2]!);
    const manifest = json(join(out, 'splits', 'manifest.json'));
    SPLITS.forEach((s, i) => {
      expect(split.filter((x) => x === s)).toHaveLength(expected[i]!);
      expect(manifest['splits'][s]['rows']).toBe(expected[i]);
      expect(lines(join(out, 'splits', s, `${s}.csv`))).toHaveLength(expected[i]!);
    });
    for (let i = 0; i < SPLITS.length - 1; i++) {
      const cur = time.filter((_, k) => split[k] === SPLITS[i]).sort();
      const next = time.filter((_, k) => split[k] === SPLITS[i + 1]).sort();
      expect(cur[cur.length - 1]! <= next[0]!).toBe(true);
      expect(
        manifest['splits'][SPLITS[i]!]['last_purchase'] <=
          manifest['splits'][SPLITS[i + 1]!]['first_purchase'],
      ).toBe(true);
    }
  });

  test('no reviewed order is lost or duplicated across splits', () => {
    const index = readTable(join(out, 'splits'), 'index.csv');
    const ids = index.col('record_id');
    expect(new Set(ids).size).toBe(ids.length);
    const orders = new Set(readTable(join(raw, 'orders'), TABLES.orders.file).col('order_id'));
    const reviewed = new Set(
      readTable(join(raw, 'order_reviews'), TABLES.order_reviews.file).col('order_id'),
    );
    expect(new Set(ids)).toEqual(new Set([...reviewed].filter((id) => orders.has(id))));
  });

  test('XGBoost CSVs: label first (0/1), no header, every feature filled', () => {
    const features: string[] = json(join(out, 'features', 'features.json'))['features'];
    for (const s of SPLITS) {
      const rows = parseCsv(readFileSync(join(out, 'splits', s, `${s}.csv`), 'utf8'));
      expect(rows.filter((r) => r.length !== features.length + 1)).toEqual([]);
      expect(rows.filter((r) => r[0] !== '0' && r[0] !== '1')).toEqual([]);
      expect(rows.filter((r) => r.some((v) => v === '' || Number.isNaN(Number(v))))).toEqual([]);
    }
  });

  test('baseline: a header with exactly the features.json features in order, no label, train rows', () => {
    const features: string[] = json(join(out, 'features', 'features.json'))['features'];
    const base = lines(join(out, 'splits', 'baseline', 'baseline.csv'));
    expect(base[0]!.split(',')).toEqual(features);
    expect(base[0]).not.toMatch(/label/);
    const train = lines(join(out, 'splits', 'train', 'train.csv'));
    expect(base).toHaveLength(train.length + 1);
    expect(base.slice(1)).toEqual(train.map((l) => l.slice(l.indexOf(',') + 1)));
  });

  test('production-labels: ground truth keyed by record id, aligned with production.csv', () => {
    const labels = readTable(join(out, 'splits', 'production-labels'), 'production-labels.csv');
    expect(labels.header).toEqual(['record_id', 'label', 'event_time']);
    const index = readTable(join(out, 'splits'), 'index.csv');
    const prodIds = index.col('record_id').filter((_, k) => index.col('split')[k] === 'production');
    expect(labels.col('record_id')).toEqual(prodIds);
    const prod = lines(join(out, 'splits', 'production', 'production.csv'));
    expect(labels.col('label')).toEqual(prod.map((l) => l.split(',')[0]));
  });

  test('manifest.json: rows, first/last purchase and label prevalence per split', () => {
    const manifest = json(join(out, 'splits', 'manifest.json'));
    expect(manifest['split_order']).toEqual([...SPLITS]);
    for (const s of SPLITS) {
      const m = manifest['splits'][s];
      expect(Object.keys(m).sort()).toEqual([
        'first_purchase',
        'label_prevalence',
        'last_purchase',
        'path',
        'rows',
      ]);
      expect(m['first_purchase']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      const labels = lines(join(out, 'splits', s, `${s}.csv`)).map((l) => Number(l[0]));
      expect(m['label_prevalence']).toBeCloseTo(labels.reduce((a, b) => a + b, 0) / labels.length, 5);
    }
    const all = lines(join(out, 'splits', 'index.csv')).length - 1;
    expect(manifest['reviewed_orders']).toBe(all);
    expect(manifest['input_rows']['orders']).toBe(3000);
  });

  test('eda/: a markdown report with five SVG charts that are well-formed XML', () => {
    const eda = join(out, 'eda');
    const svgs = readdirSync(eda)
      .filter((f) => f.endsWith('.svg'))
      .sort();
    expect(svgs).toEqual([
      'missing_values.svg',
      'orders_per_month.svg',
      'review_scores.svg',
      'score_by_late.svg',
      'split_boundaries.svg',
    ]);
    const report = readFileSync(join(eda, 'report.md'), 'utf8');
    for (const f of svgs) expect(report).toContain(`(${f})`);
    expect(report).toContain('| production |');
    const check = spawnSync(
      PYTHON,
      [
        '-c',
        'import sys, xml.dom.minidom\nfor f in sys.argv[1:]: xml.dom.minidom.parse(f)',
        ...svgs.map((f) => join(eda, f)),
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    for (const f of svgs)
      expect(readFileSync(join(eda, f), 'utf8')).toMatch(
        /^<\?xml[^]*<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>\s*$/,
      );
  });
});

suite('preprocess.py fits on train only', () => {
  test('making production rows extreme changes neither features.json nor train.csv; impute = train median', () => {
    const index = readTable(join(out, 'splits'), 'index.csv');
    const prod = new Set(index.col('record_id').filter((_, k) => index.col('split')[k] === 'production'));
    // Copy the raw data, pushing every production order's delivery 400 days later and moving its
    // customer to an unknown state: a global median or a global vocabulary would change.
    const tampered = join(root, 'tampered');
    for (const [table, spec] of Object.entries(TABLES)) {
      mkdirSync(join(tampered, table), { recursive: true });
      const text = readFileSync(join(raw, table, spec.file), 'utf8');
      if (table !== 'orders' && table !== 'customers') {
        writeFileSync(join(tampered, table, spec.file), text);
        continue;
      }
      const [header, ...rows] = parseCsv(text);
      const prodCustomers = new Set(
        parseCsv(readFileSync(join(raw, 'orders', TABLES.orders.file), 'utf8'))
          .filter((r) => prod.has(r[0]!))
          .map((r) => r[1]),
      );
      for (const r of rows) {
        if (table === 'orders' && prod.has(r[0]!) && r[6]) {
          r[6] = new Date(Date.parse(r[6].replace(' ', 'T') + 'Z') + 400 * 86400000)
            .toISOString()
            .slice(0, 19)
            .replace('T', ' ');
        }
        if (table === 'customers' && prodCustomers.has(r[0])) r[4] = 'XX';
      }
      writeFileSync(join(tampered, table, spec.file), [header!, ...rows].map((r) => csvLine(r)).join(''));
    }
    const out2 = join(root, 'out-tampered');
    preprocess(tampered, out2);
    const f1 = readFileSync(join(out, 'features', 'features.json'), 'utf8');
    const f2 = readFileSync(join(out2, 'features', 'features.json'), 'utf8');
    expect(f2).toBe(f1);
    expect(f2).not.toContain('customer_state=XX');
    expect(readFileSync(join(out2, 'splits', 'train', 'train.csv'), 'utf8')).toBe(
      readFileSync(join(out, 'splits', 'train', 'train.csv'), 'utf8'),
    );

    // The recorded imputation value is the train median, and the global median really is different.
    const of = readTable(join(out2, 'features'), 'order_features.csv');
    const days = of.col('delivery_time_days');
    const ids = of.col('record_id');
    const train = new Set(index.col('record_id').filter((_, k) => index.col('split')[k] === 'train'));
    const trainDays = days.filter((d, k) => d !== '' && train.has(ids[k]!)).map(Number);
    const allDays = days.filter((d) => d !== '').map(Number);
    const impute = json(join(out2, 'features', 'features.json'))['numeric']['delivery_time_days']['impute'];
    expect(impute).toBeCloseTo(median(trainDays), 4);
    expect(Math.abs(median(allDays) - impute)).toBeGreaterThan(5);
  }, 60_000);
});

suite('preprocess.py input errors', () => {
  test('a missing input file: exit 2 naming the file and the fix', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = run(['--input-dir', empty, '--output-dir', join(root, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/lacks olist_orders_dataset\.csv.*npm run olist:generate/s);
    expect(r.stderr).not.toMatch(/Traceback/);
  }, 30_000);

  test('a file without the expected columns: exit 2 naming the file and the columns', () => {
    const wrong = join(root, 'wrong');
    for (const [table, spec] of Object.entries(TABLES)) {
      mkdirSync(join(wrong, table), { recursive: true });
      const text =
        table === 'orders' ? 'order_id,when\n1,2\n' : readFileSync(join(raw, table, spec.file), 'utf8');
      writeFileSync(join(wrong, table, spec.file), text);
    }
    const r = run(['--input-dir', wrong, '--output-dir', join(root, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /olist_orders_dataset\.csv: missing column\(s\) customer_id, order_purchase_timestamp/,
    );
    expect(r.stderr).not.toMatch(/Traceback/);
  }, 30_000);

  // The order-level tables are written by a second (forked) process, the splits by the first: a
  // failure on either side fails the script with a message naming the path, without a traceback.
  test.each([
    ['the second process', 'features'],
    ['the first process', 'splits'],
  ])(
    'an output folder that cannot be written (%s): exit 1 naming it',
    (_side, blocked) => {
      const dest = join(root, `blocked-${blocked}`);
      mkdirSync(dest, { recursive: true });
      writeFileSync(join(dest, blocked), 'a file where the folder should be');
      const r = run(['--input-dir', raw, '--output-dir', dest]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(dest, blocked)} (check --input-dir/--output-dir)`);
      expect(r.stderr).not.toMatch(/Traceback/);
      expect(r.stdout).not.toContain('features ->');
    },
    60_000,
  );

  test('bad --fractions: exit 2 with an example', () => {
    const r = run(['--input-dir', raw, '--output-dir', join(root, 'x'), '--fractions', '0.5,0.5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--fractions');
    expect(r.stderr).toContain('0.4,0.1,0.1,0.4');
  }, 30_000);
});
