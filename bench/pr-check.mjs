#!/usr/bin/env node
/**
 * Times the PR check on full-size Olist data, rehearsed end to end on sagemaker-local, step by
 * step: the README's measurement command, run with a cold seed cache (an empty home folder) and a
 * warm one (a home folder whose cache an earlier run filled), and optionally as of another git ref
 * (its whole tree, sharing node_modules) in the same runs, so that the load of a shared machine
 * hits both sides alike.
 *
 *   node bench/pr-check.mjs [--runs 2] [--ref main] [--sides cold,warm,ref] [--dir .bench-data/pr-check]
 *
 * Prints each run (with the load average before it) and then the median of every step per side,
 * with the ratio ref / this tree. The cache lives under the run's HOME (`~/.cache/sagemaker-actions`,
 * what the workflow passes to setup-local), so the bench never touches yours.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    ref: { type: 'string', default: '' },
    sides: { type: 'string', default: '' },
    dir: { type: 'string', default: '.bench-data/pr-check' },
  },
});
const root = resolve('.');
const dir = resolve(values.dir);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs ${values.runs}: expected a whole number >= 1`);
const sides = (values.sides || (values.ref ? 'cold,warm,ref' : 'cold,warm')).split(',');
for (const s of sides)
  if (!['cold', 'warm', 'ref'].includes(s)) throw new Error(`--sides: ${s} is not one of cold, warm, ref`);
if (sides.includes('ref') && !values.ref) throw new Error('--sides ref needs --ref REV');
mkdirSync(dir, { recursive: true });

const COMMAND = [
  'sagemaker-local',
  'rehearse',
  '.github/workflows/sagemaker-pr-check.yml',
  '--event',
  'pull_request',
  '--input',
  'local=true',
  '--input',
  'config=templates/olist/sagemaker-actions.yml',
];

/** The tree of `rev` in a folder of its own (sharing this checkout's node_modules). */
function checkoutRef(rev) {
  const to = join(dir, `ref-${rev.replace(/[^\w.-]/g, '_')}`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const tar = execFileSync('git', ['archive', rev], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', to], { input: tar, maxBuffer: 1 << 30 });
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'));
  return to;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** One rehearsal: whole-command wall time, the rehearsal's own total and each step's time. */
function rehearse(cwd, home) {
  const t0 = performance.now();
  const r = spawnSync('npx', COMMAND, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, HOME: home },
  });
  const wall = (performance.now() - t0) / 1000;
  const out = `${r.stdout}${r.stderr}`;
  const total = /\(pull_request\): SUCCESS in ([\d.]+) s/.exec(out);
  if (r.status !== 0 || !total) {
    console.error(out.split('\n').slice(-40).join('\n'));
    throw new Error(`the rehearsal in ${cwd} failed (exit ${r.status})`);
  }
  const steps = {};
  for (const m of out.matchAll(/^\s+✔ (.+?) \(([\d.]+) s\)$/gm)) steps[m[1]] = Number(m[2]);
  return { wall, total: Number(total[1]), steps };
}

const refDir = sides.includes('ref') ? checkoutRef(values.ref) : undefined;
const warmHome = join(dir, 'home-warm');
if (sides.includes('warm') && !existsSync(join(warmHome, '.cache', 'sagemaker-actions'))) {
  console.log('filling the warm cache (one untimed run)');
  mkdirSync(warmHome, { recursive: true });
  rehearse(root, warmHome);
}

const results = Object.fromEntries(sides.map((s) => [s, []]));
for (let i = 0; i < runs; i++) {
  for (const side of sides) {
    const home = side === 'warm' ? warmHome : join(dir, `home-${side}-${i}`);
    if (side !== 'warm') {
      rmSync(home, { recursive: true, force: true });
      mkdirSync(home, { recursive: true });
    }
    const before = load();
    const r = rehearse(side === 'ref' ? refDir : root, home);
    results[side].push(r);
    const label = side === 'ref' ? `as of ${values.ref}` : `${side} cache`;
    console.log(
      `run ${i + 1} ${label.padEnd(16)} ${r.wall.toFixed(1)} s whole command, ${r.total.toFixed(1)} s by the rehearsal (load average ${before})`,
    );
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const names = [...new Set(sides.flatMap((s) => results[s].flatMap((r) => Object.keys(r.steps))))].filter(
  (n) => sides.some((s) => results[s].some((r) => (r.steps[n] ?? 0) >= 0.5)),
);
const rows = [
  ...names.map((n) => [n, (s) => median(results[s].map((r) => r.steps[n] ?? 0))]),
  ['rehearsal total', (s) => median(results[s].map((r) => r.total))],
  ['whole command', (s) => median(results[s].map((r) => r.wall))],
];
console.log(`\nmedian of ${runs} run(s), seconds (steps under 0.5 s left out); load average now ${load()}`);
console.log(
  ['step'.padEnd(52), ...sides.map((s) => s.padStart(8)), sides.includes('ref') ? '   ref / this' : ''].join(
    '',
  ),
);
for (const [name, at] of rows) {
  const cells = sides.map((s) => at(s).toFixed(1).padStart(8));
  const ratio = sides.includes('ref')
    ? sides
        .filter((s) => s !== 'ref')
        .map((s) => `${(at('ref') / Math.max(0.05, at(s))).toFixed(2)}x ${s}`)
        .join(', ')
    : '';
  console.log(`${name.slice(0, 51).padEnd(52)}${cells.join('')}   ${ratio}`);
}
