#!/usr/bin/env node
/**
 * Benchmark: the whole monitor-gate action in `mode: check` over data capture (the committed
 * bundle dist/monitor-gate.js, with its worker threads' dist/worker.js, run as a `node` process
 * with INPUT_* variables, as a runner would; run `npm run build` first after changing src/: read baseline statistics.json + constraints.json, find the capture files, scan
 * them on every core, run Model Monitor's checks, write constraint_violations.json +
 * statistics.json, the summary and the outputs) vs pandas reading the same data-capture JSON Lines
 * and computing the same per-feature statistics. Both run in the same loop, interleaved, several
 * times; the load average is printed with each run because the machine is shared. Not a test:
 * prints MB/s and the ratio, and checks that both sides agree on count/mean/std/min/max (1e-9
 * relative) and distinct categories.
 *
 *   node bench/drift-vs-pandas.mjs [--mb 200] [--runs 3] [--ref main] [--python /usr/bin/python3]
 *   node bench/drift-vs-pandas.mjs --callgrind [--ref main]
 *
 * --ref also times the action as of that git ref (its committed dist/), in the same interleaved
 * runs, for a before/after comparison on the same machine load. --callgrind counts the action's
 * instructions under valgrind instead (this tree, and the ref when given; no pandas): a before/after
 * comparison that does not depend on the load at all.
 *
 * The action uses every core (os.availableParallelism()) for the scan.
 *
 * Data (about --mb MB of capture records with CSV payloads, 20 features, in the capture layout
 * <endpoint>/AllTraffic/yyyy/mm/dd/hh/*.jsonl) goes to .bench-data/drift/ (gitignored); the
 * baseline (statistics.json, constraints.json) is made once by the action in `mode: baseline`,
 * outside the timing, as a pipeline would have done before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
const ref = arg('--ref', '');
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

/** The committed dist/ of `gitRef` in a folder of its own; returns its monitor-gate entry. */
function checkoutRef(gitRef) {
  const dir = join(dataDir, `ref-${gitRef.replace(/[^\w.-]/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', gitRef, 'dist'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return join(dir, 'dist', 'monitor-gate.js');
}

/**
 * Runs the action bundle with `inputs` as a runner would; returns wall seconds and its outputs.
 * With `callgrindOut`, under `valgrind --tool=callgrind` writing its counts there (valgrind drops
 * environment variables whose names hold a '-', such as INPUT_CAPTURE-URI, so a preload sets the
 * inputs from one JSON variable).
 */
function runAction(action, inputs, tag, callgrindOut) {
  const dir = join(dataDir, `run-${tag}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: dir };
  env.GITHUB_OUTPUT = join(dir, 'output');
  env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md');
  env.GITHUB_STATE = join(dir, 'state');
  env.GITHUB_ENV = join(dir, 'env');
  for (const f of ['output', 'summary.md', 'state', 'env']) writeFileSync(join(dir, f), '');
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const { cmd, argv, cpu } = callgrindOut
    ? underCallgrind(action, env, dir, callgrindOut)
    : withCpuTime(process.execPath, [action], dir);
  const t = performance.now();
  const r = spawnSync(cmd, argv, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`monitor-gate (${tag}) failed:\n${r.stdout}\n${r.stderr}`);
  const outputs = {};
  const text = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return { wall, cpu: cpu(), outputs, log: r.stdout };
}

/** The action under callgrind, its inputs set by a preload (see runAction); `env` gains BENCH_INPUTS. */
function underCallgrind(action, env, dir, out) {
  const preload = join(dir, 'inputs-preload.cjs');
  writeFileSync(
    preload,
    'Object.assign(process.env, JSON.parse(process.env.BENCH_INPUTS)); delete process.env.BENCH_INPUTS;\n',
  );
  env.BENCH_INPUTS = JSON.stringify(
    Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('INPUT_'))),
  );
  return {
    cmd: 'valgrind',
    argv: ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '-r', preload, action],
    cpu: () => NaN,
  };
}

/**
 * The command wrapped in /usr/bin/time (when installed) to read the CPU seconds (user + system,
 * all threads) it used: unlike wall time, that does not depend on how many other processes share
 * the cores.
 */
function withCpuTime(cmd, argv, dir) {
  const file = join(dir, 'cpu-time');
  if (!existsSync('/usr/bin/time')) return { cmd, argv, cpu: () => NaN };
  return {
    cmd: '/usr/bin/time',
    argv: ['-f', '%U %S', '-o', file, cmd, ...argv],
    cpu: () => {
      const [u, sys] = readFileSync(file, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      return u + sys;
    },
  };
}

function timePandas() {
  mkdirSync(join(dataDir, 'run-pandas'), { recursive: true });
  const { cmd, argv, cpu } = withCpuTime(
    python,
    [join(root, 'bench', 'drift_pandas.py'), captureDir, names.join(',')],
    join(dataDir, 'run-pandas'),
  );
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`pandas failed: ${r.stderr}`);
  return { wall, cpu: cpu(), out: JSON.parse(r.stdout.trim().split('\n').at(-1)) };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

await generate();
const action = join(root, 'dist', 'monitor-gate.js');
const baseDir = join(dataDir, 'baseline');
runAction(action, { mode: 'baseline', 'baseline-data': baselineCsv, 'output-uri': baseDir }, 'baseline');
const reportDir = join(dataDir, 'report');
const checkInputs = {
  mode: 'check',
  'capture-uri': captureDir,
  since: '2026-11-01T00:00:00Z',
  until: '2027-01-01T00:00:00Z',
  'baseline-statistics': join(baseDir, 'statistics.json'),
  'baseline-constraints': join(baseDir, 'constraints.json'),
  'report-uri': reportDir,
  'fail-on-gate': 'false',
};
const refAction = ref ? checkoutRef(ref) : undefined;
if (args.includes('--callgrind')) {
  // Instructions instead of seconds: the same count for the same build and data whatever else the
  // machine is doing (the JIT-compiled code's share varies by about 0.2% between runs; the
  // interpreter's and the compiler's shares by a few percent, as tiering depends on timing).
  // Takes 1-2 minutes per build.
  if (spawnSync('valgrind', ['--version']).status !== 0)
    throw new Error('--callgrind needs valgrind (Debian: apt-get install valgrind)');
  const builds = [['this tree', action], ...(refAction ? [[`as of ${ref}`, refAction]] : [])];
  for (const [label, entry] of builds) {
    const out = join(dataDir, `callgrind-${label.replace(/\W+/g, '_')}.out`);
    runAction(entry, checkInputs, `callgrind-${label.replace(/\W+/g, '_')}`, out);
    const total = /^(?:summary|totals): (\d+)/m.exec(readFileSync(out, 'utf8'));
    if (!total) throw new Error(`no instruction total in ${out}`);
    console.log(
      `${label}: ${(Number(total[1]) / 1e9).toFixed(2)} G instructions (callgrind: the whole process, every thread)`,
    );
  }
  process.exit(0);
}
const ours = [];
const theirs = [];
const refs = [];
for (let r = 0; r < runs; r++) {
  // rotate which side goes first, so a load spike does not always hit the same side
  const sides = refAction ? ['action', 'pandas', 'ref'] : ['action', 'pandas'];
  const order = sides.map((_, i) => sides[(i + r) % sides.length]);
  for (const side of order) {
    const before = load();
    if (side === 'action') {
      const o = runAction(action, checkInputs, 'check');
      ours.push({ ...o, load: before });
      console.log(
        `run ${r + 1} monitor-gate check: ${o.wall.toFixed(2)} s, ${o.cpu.toFixed(2)} CPU s (load average ${before})`,
      );
    } else if (side === 'ref') {
      const o = runAction(refAction, { ...checkInputs, 'report-uri': `${reportDir}-ref` }, 'ref');
      refs.push({ ...o, load: before });
      console.log(
        `run ${r + 1} check as of ${ref}: ${o.wall.toFixed(2)} s, ${o.cpu.toFixed(2)} CPU s (load average ${before})`,
      );
    } else {
      const p = timePandas();
      theirs.push({ ...p, load: before });
      console.log(
        `run ${r + 1} pandas:             ${p.wall.toFixed(2)} s, ${p.cpu.toFixed(2)} CPU s (load average ${before})`,
      );
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const best = (xs) => Math.min(...xs);
const p = theirs[0];
const mbytes = p.out.bytes / 1e6;
const oWall = ours.map((o) => o.wall);
const pWall = theirs.map((x) => x.wall);
const ratios = ours.map((o, i) => theirs[i].wall / o.wall);

// Same numbers on both sides? (the action's statistics.json, Model Monitor's format)
const stats = JSON.parse(readFileSync(join(reportDir, 'statistics.json'), 'utf8'));
const problems = [];
for (const name of names) {
  const f = stats.features.find((x) => x.name === name);
  const b = p.out.features[name];
  if (!f) {
    problems.push(`${name}: missing from the action's statistics.json`);
    continue;
  }
  const common = f.numerical_statistics?.common ?? f.string_statistics?.common;
  if (common.num_present !== b.count) problems.push(`${name}: count ${common.num_present} vs ${b.count}`);
  if ('mean' in b) {
    const n = f.numerical_statistics;
    const a = { mean: n.mean, std: n.std_dev, min: n.min, max: n.max };
    for (const k of ['mean', 'std', 'min', 'max']) {
      if (Math.abs(a[k] - b[k]) > 1e-9 * Math.max(1, Math.abs(b[k])))
        problems.push(`${name}: ${k} ${a[k]} vs ${b[k]}`);
    }
  } else if (f.string_statistics.distinct_count !== b.distinct)
    problems.push(`${name}: distinct ${f.string_statistics.distinct_count} vs ${b.distinct}`);
}
const last = ours.at(-1).outputs;
const violations = last['violations-count'] ?? '?';

console.log(
  `data: ${mbytes.toFixed(1)} MB of capture JSON Lines, ${p.out.rows} records, ${names.length} features (CSV payloads)`,
);
console.log(
  `monitor-gate mode: check, whole action process: median ${median(oWall).toFixed(2)} s = ${(mbytes / median(oWall)).toFixed(1)} MB/s (best ${best(oWall).toFixed(2)} s = ${(mbytes / best(oWall)).toFixed(1)} MB/s); ${violations} violation(s)`,
);
console.log(
  `pandas (read_json lines + read_csv + describe, whole python process): median ${median(pWall).toFixed(2)} s = ${(mbytes / median(pWall)).toFixed(1)} MB/s (best ${best(pWall).toFixed(2)} s)`,
);
console.log(
  `ratio per run (pandas / action, same run): ${ratios.map((x) => x.toFixed(1)).join(', ')}; median ${median(ratios).toFixed(1)}x`,
);
const cpuO = median(ours.map((o) => o.cpu));
const cpuP = median(theirs.map((x) => x.cpu));
console.log(
  `CPU seconds (user + system, all threads; less dependent on the load than wall time): action median ${cpuO.toFixed(2)} = ${((cpuO / mbytes) * 1000).toFixed(1)} CPU-ms per MB (${(mbytes / cpuO).toFixed(1)} MB per CPU-second), pandas ${cpuP.toFixed(2)} = ${((cpuP / mbytes) * 1000).toFixed(1)} CPU-ms per MB; ratio ${(cpuP / cpuO).toFixed(1)}x`,
);
if (refs.length) {
  const rWall = refs.map((x) => x.wall);
  const refRatios = refs.map((x, i) => theirs[i].wall / x.wall);
  console.log(
    `as of ${ref}: statistics.json and constraint_violations.json ${['statistics.json', 'constraint_violations.json'].every((f) => readFileSync(join(reportDir, f)).equals(readFileSync(join(`${reportDir}-ref`, f)))) ? 'byte-identical to' : 'DIFFER from'} this tree's; median ${median(rWall).toFixed(2)} s = ${(mbytes / median(rWall)).toFixed(1)} MB/s, ${median(refs.map((x) => x.cpu)).toFixed(2)} CPU s; pandas / it per run: ${refRatios.map((x) => x.toFixed(1)).join(', ')}; this tree is ${(median(rWall) / median(oWall)).toFixed(1)}x faster`,
  );
}
console.log(
  `for scale: a Model Monitor hourly schedule starts its execution 0-20 min after the hour ("Hourly schedules start on the hour (+0–20 min)", sagemaker.md §7, Monitoring executions); how long its processing job then needs to provision an instance and pull the container is not documented there. This whole check took ${median(oWall).toFixed(1)} s.`,
);
console.log(
  problems.length
    ? `MISMATCH:\n  ${problems.join('\n  ')}`
    : "statistics agree with pandas (count, mean, std, min, max; distinct values) in the action's statistics.json",
);
if (problems.length) process.exitCode = 1;
