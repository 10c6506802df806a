#!/usr/bin/env node
/**
 * Measures the Olist reference project end to end on this machine:
 *   1. full-size data generation (npm run olist:generate, 99,441 orders, ~1M geolocation rows)
 *   2. preprocess.py on the full set (features, 40/10/10/40 split, EDA report)
 *   3. XGBoost test ROC-AUC on the splits (check_auc.py; real data: 0.730)
 *
 *   node bench/olist-pipeline.mjs [--orders N] [--seed S] [--dir DIR]
 * Python: OLIST_PYTHON or /usr/bin/python3 (needs pandas, sklearn, xgboost).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '99441' },
    seed: { type: 'string', default: '42' },
    dir: { type: 'string', default: '.bench-data/olist' },
  },
});
const python = process.env.OLIST_PYTHON ?? '/usr/bin/python3';
const dir = resolve(values.dir);
const raw = join(dir, 'raw');
const out = join(dir, 'out');
rmSync(dir, { recursive: true, force: true });

// CPU time (user + sys) as well as wall time: on a shared machine the wall time depends on the load.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function step(label, cmd, args) {
  const t0 = performance.now();
  const argv = TIME ? ['-f', '@@cpu %U %S', cmd, ...args] : args;
  const r = spawnSync(TIME ?? cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const secs = (performance.now() - t0) / 1000;
  const cpuLine = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/@@cpu.*\n?/, '');
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status})\n${stderr}${r.stdout}`);
    process.exit(1);
  }
  const cpu = cpuLine ? `, ${(Number(cpuLine[1]) + Number(cpuLine[2])).toFixed(1)} s CPU` : '';
  console.log(`${label.padEnd(34)} ${secs.toFixed(1).padStart(6)} s wall${cpu}`);
  return r.stdout;
}

const tsx = resolve('node_modules/.bin/tsx');
step(`generate (${values.orders} orders)`, tsx, [
  'templates/olist/generator/cli.ts',
  '--out',
  raw,
  '--orders',
  values.orders,
  '--seed',
  values.seed,
]);
step('preprocess.py (incl. EDA report)', python, [
  'templates/olist/code/preprocess.py',
  '--input-dir',
  raw,
  '--output-dir',
  out,
]);
const auc = JSON.parse(
  step('check_auc.py (XGBoost, 50 rounds)', python, [
    'templates/olist/code/check_auc.py',
    '--splits-dir',
    join(out, 'splits'),
    '--json',
  ]),
);
console.log(
  `test ROC-AUC ${auc.roc_auc} (real data 0.730), accuracy ${auc.accuracy} (0.810), always-satisfied ${auc.always_satisfied_accuracy} (0.756), F1 ${auc.f1} (0.886)`,
);
