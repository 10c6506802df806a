#!/usr/bin/env node
/**
 * Benchmark: our readLabels + readPredictions + computeMetrics vs pandas.read_csv + scikit-learn
 * on the same seeded 3 M-row files, in one run. Not a test: it prints times and the ratio, and
 * checks that both sides give the same values (1e-9). The whole action (actions/evaluate bundle)
 * is compared with the whole python process on two test-data shapes: the bench's own file (label
 * + 4 features) and a label + 2 features file (its first three columns), same predictions.
 *
 *   node bench/evaluate-vs-sklearn.mjs [--rows 3000000] [--runs 3] [--usecols] [--python /usr/bin/python3]
 *     [--compare-action DIR] [--process-runs N]
 *
 * --compare-action DIR also times another build of the evaluate action (a folder with action.yml
 * and dist/, e.g. main's) in the same runs, so two builds are compared under the same load.
 *
 * Data goes to .bench-data/ (gitignored). The TypeScript sources are bundled with esbuild (a
 * dependency of tsx) into .bench-data/eval-cli.mjs (with the worker threads' script beside it, as
 * .bench-data/worker.js), which is both imported (in-process timing) and run as a whole `node`
 * process. The whole-action runs use the committed dist/ (run `npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { runActionBundle } from '../scripts/lib/run-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.bench-data');
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const rows = Number(arg('--rows', '3000000'));
const python = arg('--python', process.env.SAGEMAKER_ACTIONS_PYTHON ?? '/usr/bin/python3');
const usecols = args.includes('--usecols'); // let pandas keep only the label column
const runs = Number(arg('--runs', '3'));
const compareAction = arg('--compare-action', undefined);
// Whole-process (esbuild bundle of the sources) runs; the whole-action runs use --runs.
const processRuns = Number(arg('--process-runs', String(runs)));
const testCsv = join(dataDir, `test-${rows}.csv`);
const predFile = join(dataDir, `test-${rows}.csv.out`);
const test2Csv = join(dataDir, `test-${rows}-2features.csv`);

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

async function writeLines(file, count, line) {
  const out = createWriteStream(file);
  let chunk = [];
  for (let i = 0; i < count; i++) {
    chunk.push(line(i));
    if (chunk.length === 50000) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

async function generate() {
  if (existsSync(testCsv) && existsSync(predFile)) return;
  mkdirSync(dataDir, { recursive: true });
  const rnd = mulberry32(42);
  const labels = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const y = rnd() < 0.3 ? 1 : 0;
    labels[i] = y;
    // A plausible model: logistic of a noisy margin, printed like XGBoost's float32 output.
    const margin = (y ? 0.9 : -0.6) + (rnd() + rnd() + rnd() - 1.5) * 2.2;
    scores[i] = 1 / (1 + Math.exp(-margin));
  }
  await writeLines(testCsv, rows, (i) => {
    const f1 = (rnd() * 500).toFixed(2);
    const f2 = Math.floor(rnd() * 24);
    const f3 = (rnd() * 3).toFixed(4);
    const f4 = Math.floor(rnd() * 27);
    return `${labels[i]},${f1},${f2},${f3},${f4}`;
  });
  await writeLines(predFile, rows, (i) => String(Math.fround(scores[i]).toPrecision(8) * 1));
}

/** The label + 2 features shape: the first three columns of the bench's file. */
async function generateTwoFeatures() {
  if (existsSync(test2Csv)) return;
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: createReadStream(testCsv), crlfDelay: Infinity });
  const out = createWriteStream(test2Csv);
  let chunk = [];
  for await (const line of lines) {
    chunk.push(line.split(',', 3).join(','));
    if (chunk.length === 50000) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise((r) => out.once('drain', r));
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

async function bundle() {
  const entry = join(dataDir, 'eval-cli.ts');
  writeFileSync(
    entry,
    `import { readLabels, readPredictions } from '../src/metrics/read.js';
import { computeMetrics } from '../src/metrics/compute.js';
export async function evaluate(test: string, preds: string) {
  const labels = await readLabels([test], { labelColumn: 0 });
  const predictions = await readPredictions([preds], { problemType: 'binary-classification' });
  return computeMetrics('binary-classification', labels, predictions, { threshold: 0.5 });
}
if (process.argv[2] === 'run') {
  const t = performance.now();
  const r = await evaluate(process.argv[3]!, process.argv[4]!);
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, process_cpu_seconds: (cpu.user + cpu.system) / 1e6, metrics: r.metrics, confusion: r.confusionMatrix }));
}
`,
  );
  const esbuild = await import('esbuild');
  const outfile = join(dataDir, 'eval-cli.mjs');
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  // The worker threads' script, next to the bundle (as dist/worker.js is next to the actions' chunks).
  await esbuild.build({
    entryPoints: [join(root, 'src', 'workers', 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(dataDir, 'worker.js'),
    logLevel: 'error',
  });
  await esbuild.stop?.(); // no bundler service running while we time
  return outfile;
}

function timeProcess(cmd, argv) {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return { wall, out: JSON.parse(r.stdout.trim().split('\n').at(-1)) };
}

const t0 = performance.now();
await generate();
await generateTwoFeatures();
console.log(
  `data: ${rows} rows in ${testCsv} (+ .out), ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const cli = await bundle();
const mod = await import(pathToFileURL(cli).href);

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
// In-process: the first (cold: JIT not warmed up) run, then the median of `runs` more.
let t = performance.now();
let c = cpuNow();
const ours = await mod.evaluate(testCsv, predFile);
const oursCold = (performance.now() - t) / 1000;
const oursColdCpu = cpuNow() - c;
const warm = [];
const warmCpu = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  c = cpuNow();
  await mod.evaluate(testCsv, predFile);
  warm.push((performance.now() - t) / 1000);
  warmCpu.push(cpuNow() - c);
}
// Whole processes, alternating ours and sklearn, `runs` times each; medians.
const oursRuns = [];
const pyRuns = [];
for (let i = 0; i < processRuns; i++) {
  oursRuns.push(timeProcess(process.execPath, [cli, 'run', testCsv, predFile]));
  pyRuns.push(
    timeProcess(python, [
      join(root, 'bench', 'evaluate_sklearn.py'),
      testCsv,
      predFile,
      ...(usecols ? ['--usecols'] : []),
    ]),
  );
}
// The whole action as the runner runs it: the committed bundle, inputs as INPUT_* variables,
// local files only (no AWS), gate, report JSON, job summary and outputs included; alternating
// with the whole python process, on both test-data shapes.
async function actionRun(csv, actionDir = join(root, 'actions', 'evaluate')) {
  const r = await runActionBundle(actionDir, {
    inputs: { 'test-data': csv, predictions: predFile, thresholds: 'auc: ">= 0.5"' },
    env: { RUNNER_TEMP: dataDir, AWS_REGION: 'us-east-1' },
    cwd: dataDir,
  });
  if (r.code !== 0) throw new Error(`actions/evaluate failed: ${r.stdout.slice(-2000)}`);
  const auc = JSON.parse(r.outputs.metrics).auc;
  if (!(Math.abs(auc - py0auc()) <= 1e-9)) throw new Error(`actions/evaluate auc ${auc} differs`);
  return r.ms / 1000;
}
const shapes = [
  { name: "bench's file (label + 4 features)", csv: testCsv },
  { name: 'label + 2 features', csv: test2Csv },
];
for (const shape of shapes) {
  shape.action = [];
  shape.python = [];
  shape.compared = [];
  for (let i = 0; i < runs; i++) {
    if (compareAction) shape.compared.push(await actionRun(shape.csv, resolve(compareAction)));
    shape.action.push(await actionRun(shape.csv));
    const py = timeProcess(python, [
      join(root, 'bench', 'evaluate_sklearn.py'),
      shape.csv,
      predFile,
      ...(usecols ? ['--usecols'] : []),
    ]);
    if (!(Math.abs(py.out.metrics.auc - py0auc()) <= 1e-9))
      throw new Error(`sklearn auc differs on ${shape.csv}`);
    shape.python.push(py.wall);
    console.log(
      `  run ${i + 1}, ${shape.name}: action ${shape.action.at(-1).toFixed(2)} s${compareAction ? ` (compared: ${shape.compared.at(-1).toFixed(2)} s)` : ''}, python ${py.wall.toFixed(2)} s, ratio ${(py.wall / shape.action.at(-1)).toFixed(1)}x`,
    );
  }
}
function py0auc() {
  return pyRuns[0].out.metrics.auc;
}
const oursProc = {
  wall: median(oursRuns.map((r) => r.wall)),
  cpu: median(oursRuns.map((r) => r.out.process_cpu_seconds)),
};
const pyIn = {
  wall: median(pyRuns.map((r) => r.out.seconds)),
  cpu: median(pyRuns.map((r) => r.out.cpu_seconds)),
};
const pyProc = {
  wall: median(pyRuns.map((r) => r.wall)),
  cpu: median(pyRuns.map((r) => r.out.process_cpu_seconds)),
};
const py = pyRuns[0];

// Same values?
const m = ours.metrics;
const cm = ours.confusionMatrix;
const mine = { ...m, tn: cm['0']['0'], fp: cm['0']['1'], fn: cm['1']['0'], tp: cm['1']['1'] };
const mismatches = Object.entries(py.out.metrics).filter(([k, v]) => !(Math.abs(mine[k] - v) <= 1e-9));
for (const [k, v] of Object.entries(py.out.metrics)) {
  console.log(`  ${k.padEnd(10)} ours ${String(mine[k]).padEnd(22)} sklearn ${v}`);
}
const f = (x) => x.toFixed(3).padStart(7);
console.log(
  `load average: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} CPUs`,
);
console.log(
  `medians of ${runs} (whole process: ${processRuns}) runs unless noted           wall s     CPU s`,
);
console.log(`ours, in-process, first (cold) run          ${f(oursCold)}   ${f(oursColdCpu)}`);
console.log(`ours, in-process, warm                      ${f(median(warm))}   ${f(median(warmCpu))}`);
console.log(
  `sklearn, in-process (read ${median(pyRuns.map((r) => r.out.read_seconds)).toFixed(2)} s + metrics)${f(pyIn.wall)}   ${f(pyIn.cpu)}${usecols ? '   (usecols)' : ''}`,
);
console.log(`ours, whole node process                    ${f(oursProc.wall)}   ${f(oursProc.cpu)}`);
console.log(`sklearn, whole python process               ${f(pyProc.wall)}   ${f(pyProc.cpu)}`);
console.log(
  `ratio in-process: ${(pyIn.wall / oursCold).toFixed(1)}x wall vs our cold run (${(pyIn.wall / median(warm)).toFixed(1)}x warm), ${(pyIn.cpu / oursColdCpu).toFixed(1)}x CPU`,
);
console.log(
  `ratio whole process: ${(pyProc.wall / oursProc.wall).toFixed(1)}x wall, ${(pyProc.cpu / oursProc.cpu).toFixed(1)}x CPU`,
);
for (const shape of shapes) {
  const ratios = shape.action.map((t, i) => shape.python[i] / t);
  console.log(
    `whole action vs whole python process, ${shape.name}: action ${shape.action.map((t) => t.toFixed(2)).join(', ')} s; python ${shape.python.map((t) => t.toFixed(2)).join(', ')} s; ratio per run ${ratios.map((r) => r.toFixed(1)).join(', ')}; median ${(median(shape.python) / median(shape.action)).toFixed(1)}x wall`,
  );
  if (compareAction) {
    const cr = shape.compared.map((t, i) => shape.python[i] / t);
    console.log(
      `  ${compareAction}: action ${shape.compared.map((t) => t.toFixed(2)).join(', ')} s; ratio per run ${cr.map((r) => r.toFixed(1)).join(', ')}; median ${(median(shape.python) / median(shape.compared)).toFixed(1)}x wall`,
    );
  }
}
if (mismatches.length) {
  console.error(`VALUES DIFFER: ${mismatches.map(([k]) => k).join(', ')}`);
  process.exit(1);
}
console.log('values agree to 1e-9');
