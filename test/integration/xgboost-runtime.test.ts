/**
 * The XGBoost runtime of sagemaker-local (local/runtimes/xgboost) driven through real Python and
 * XGBoost: training under the container contract, then serving the model it wrote.
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME = join(dirname(fileURLToPath(import.meta.url)), '../../local/runtimes/xgboost/runtime.py');
const PYTHON = process.env['SAGEMAKER_LOCAL_PYTHON'] ?? '/usr/bin/python3';
const hasXgboost =
  spawnSync(PYTHON, ['-c', 'import xgboost, pandas, scipy'], { stdio: 'ignore' }).status === 0;
if (!hasXgboost) {
  console.warn(`SKIPPED xgboost-runtime tests: ${PYTHON} cannot import xgboost, pandas and scipy`);
}
const describeIfPython = hasXgboost ? describe : describe.skip;
// Each case starts Python processes; jest's project-level testTimeout does not apply to a single file run.
jest.setTimeout(120_000);

const ROUND_LINE = /^\[(\d+)\]((?:\t[a-z]+-[a-z0-9@_-]+:-?[0-9.]+)+)$/;

// ---------- data ----------

/** Deterministic PRNG (mulberry32) so the data set is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

interface Row {
  label: number;
  features: number[];
}

/** Binary labels with a learnable signal: y = 1 when x0 + 0.5*x1 + noise > 0. */
function binaryRows(n: number, seed: number, classes = 2): Row[] {
  const rand = prng(seed);
  return Array.from({ length: n }, () => {
    const features = Array.from({ length: 5 }, () => Number(gaussian(rand).toFixed(4)));
    const signal = features[0]! + 0.5 * features[1]! + 0.5 * gaussian(rand);
    const label = classes === 2 ? (signal > 0 ? 1 : 0) : signal < -0.6 ? 0 : signal < 0.6 ? 1 : 2;
    return { label, features };
  });
}

const csv = (rows: Row[]): string => rows.map((r) => [r.label, ...r.features].join(',')).join('\n') + '\n';
const featureCsv = (rows: Row[]): string => rows.map((r) => r.features.join(',')).join('\n') + '\n';
const libsvm = (rows: Row[], withLabel = true): string =>
  rows
    .map((r) => [...(withLabel ? [String(r.label)] : []), ...r.features.map((v, i) => `${i}:${v}`)].join(' '))
    .join('\n') + '\n';

// ---------- processes ----------

const children = new Set<ChildProcess>();
const roots: string[] = [];

afterEach(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runPython(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

interface JobSpec {
  hyperparameters: Record<string, string>;
  channels: Record<string, Record<string, string>> | undefined;
  files: Record<string, string>;
}

/** A temp directory laid out like /opt/ml for one training job. */
function makeRoot(spec: JobSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'xgb-runtime-test-'));
  roots.push(root);
  const config = join(root, 'input', 'config');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'hyperparameters.json'), JSON.stringify(spec.hyperparameters));
  if (spec.channels) writeFileSync(join(config, 'inputdataconfig.json'), JSON.stringify(spec.channels));
  writeFileSync(
    join(config, 'resourceconfig.json'),
    JSON.stringify({ current_host: 'algo-1', hosts: ['algo-1'] }),
  );
  for (const [path, content] of Object.entries(spec.files)) {
    const full = join(root, 'input', 'data', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

const train = (root: string): Promise<RunResult> => runPython([RUNTIME, 'train'], { SM_LOCAL_ROOT: root });

function roundLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => ROUND_LINE.test(l));
}

function lastMetric(stdout: string, name: string): number {
  const lines = roundLines(stdout);
  const match = new RegExp(`\\t${name}:(-?[0-9.]+)`).exec(lines[lines.length - 1] ?? '');
  if (!match) throw new Error(`no ${name} in the last round line of:\n${stdout}`);
  return Number(match[1]);
}

const failure = (root: string): string => readFileSync(join(root, 'output', 'failure'), 'utf8');
const CSV_CHANNELS = { train: { ContentType: 'text/csv' }, validation: { ContentType: 'text/csv' } };
const BINARY_HP = { num_round: '20', objective: 'binary:logistic', eval_metric: 'auc', max_depth: '3' };

// ---------- training ----------

describeIfPython('xgboost runtime: train', () => {
  test('trains on CSV, prints a line per round for train and validation, and saves a loadable model', async () => {
    const root = makeRoot({
      hyperparameters: BINARY_HP,
      channels: CSV_CHANNELS,
      files: { 'train/part-0.csv': csv(binaryRows(500, 1)), 'validation/v.csv': csv(binaryRows(200, 2)) },
    });
    const result = await train(root);
    expect(result.code).toBe(0);
    const lines = roundLines(result.stdout);
    expect(lines).toHaveLength(20);
    lines.forEach((line, i) => {
      expect(line).toMatch(new RegExp(`^\\[${i}\\]\\ttrain-auc:[0-9.]+\\tvalidation-auc:[0-9.]+$`));
    });
    expect(lastMetric(result.stdout, 'validation-auc')).toBeGreaterThan(0.7);
    expect(result.stdout).toContain("Determined delimiter of CSV input is ','");
    expect(result.stdout).toMatch(/Train matrix has 500 rows and 5 columns/);
    expect(result.stdout).toMatch(/Validation matrix has 200 rows/);
    expect(existsSync(join(root, 'output', 'failure'))).toBe(false);

    const model = join(root, 'model', 'xgboost-model');
    const check = await runPython([
      '-c',
      'import sys, xgboost; b = xgboost.Booster(); b.load_model(sys.argv[1]); print(b.num_boosted_rounds(), b.num_features())',
      model,
    ]);
    expect(check.stdout.trim()).toBe('20 5');
  });

  test('reads every file of a channel, nested folders included, and honours csv_weights and the tab delimiter', async () => {
    const rows = binaryRows(300, 3);
    const tsv = (part: Row[]): string =>
      part.map((r) => [r.label, 1, ...r.features].join('\t')).join('\n') + '\n';
    const root = makeRoot({
      hyperparameters: { num_round: '3', objective: 'binary:logistic', csv_weights: '1' },
      channels: { train: { ContentType: 'text/csv;label_size=1' } },
      files: {
        'train/a.tsv': tsv(rows.slice(0, 100)),
        'train/more/b.tsv': tsv(rows.slice(100, 300)),
        'train/.hidden': 'not data\n',
      },
    });
    const result = await train(root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Determined delimiter of CSV input is '\t'");
    expect(result.stdout).toMatch(/Train matrix has 300 rows and 5 columns/);
    expect(roundLines(result.stdout)[0]).toMatch(/^\[0\]\ttrain-logloss:/);
  });

  test('trains on LIBSVM, the default when the channel has no ContentType', async () => {
    const root = makeRoot({
      hyperparameters: { num_round: '5', objective: 'binary:logistic', eval_metric: 'logloss,error' },
      channels: { train: { TrainingInputMode: 'File' }, validation: { TrainingInputMode: 'File' } },
      files: {
        'train/train.libsvm': libsvm(binaryRows(400, 4)),
        'validation/val': libsvm(binaryRows(100, 5)),
      },
    });
    const result = await train(root);
    expect(result.code).toBe(0);
    const lines = roundLines(result.stdout);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(
      /^\[4\]\ttrain-logloss:[0-9.]+\ttrain-error:[0-9.]+\tvalidation-logloss:[0-9.]+\tvalidation-error:[0-9.]+$/,
    );
    expect(lastMetric(result.stdout, 'validation-error')).toBeLessThan(0.3);
    expect(existsSync(join(root, 'model', 'xgboost-model'))).toBe(true);
  });

  test('computes container-defined metrics and stops early on the last eval_metric, keeping the best model', async () => {
    const root = makeRoot({
      hyperparameters: {
        num_round: '200',
        objective: 'binary:logistic',
        eval_metric: 'accuracy,logloss',
        early_stopping_rounds: '3',
        eta: '0.9',
      },
      channels: CSV_CHANNELS,
      files: { 'train/t.csv': csv(binaryRows(500, 6)), 'validation/v.csv': csv(binaryRows(200, 7)) },
    });
    const result = await train(root);
    expect(result.code).toBe(0);
    const lines = roundLines(result.stdout);
    expect(lines.length).toBeLessThan(200);
    expect(lines[0]).toMatch(/^\[0\]\ttrain-logloss:[0-9.]+\ttrain-accuracy:[0-9.]+\tvalidation-logloss:/);
    const accuracy = lastMetric(result.stdout, 'validation-accuracy');
    expect(accuracy).toBeGreaterThan(0.6);
    expect(accuracy).toBeLessThanOrEqual(1);
    // Early stopping watches the last eval_metric (logloss) and keeps the best model, like the container.
    const check = await runPython([
      '-c',
      'import sys, xgboost; b = xgboost.Booster(); b.load_model(sys.argv[1]); print(b.num_boosted_rounds())',
      join(root, 'model', 'xgboost-model'),
    ]);
    expect(Number(check.stdout.trim())).toBe(lines.length - 3);
  });

  test('exits non-zero promptly on SIGTERM during training', async () => {
    const root = makeRoot({
      hyperparameters: { num_round: '1000000', objective: 'binary:logistic', max_depth: '2' },
      channels: { train: { ContentType: 'text/csv' } },
      files: { 'train/t.csv': csv(binaryRows(200, 15)) },
    });
    const child = spawn(PYTHON, [RUNTIME, 'train'], {
      env: { ...process.env, SM_LOCAL_ROOT: root },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stdout.on('data', (d: Buffer) => {
        seen += d.toString();
        if (/\n\[0\]\ttrain-logloss:/.test(seen)) resolve();
      });
    });
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(existsSync(join(root, 'model', 'xgboost-model'))).toBe(false);
  });

  test.each([
    [{ objective: 'binary:logistic' }, 'ClientError: Missing required hyperparameter: num_round'],
    [
      { num_round: 'abc' },
      'ClientError: Hyperparameter num_round: could not parse value (caused by ValueError)',
    ],
    [{ num_round: '5', eta: '2' }, 'ClientError: Hyperparameter eta: 2.0 is not in [0, 1]'],
    [{ num_round: '5', max_dept: '3' }, 'ClientError: Extraneous hyperparameter found: max_dept'],
    [{ num_round: '5', objective: 'multi:softmax' }, "Require input for parameter 'num_class'"],
  ])('rejects bad hyperparameters %j', async (hyperparameters, message) => {
    const root = makeRoot({
      hyperparameters,
      channels: CSV_CHANNELS,
      files: { 'train/t.csv': csv(binaryRows(50, 8)), 'validation/v.csv': csv(binaryRows(20, 9)) },
    });
    const result = await train(root);
    expect(result.code).toBe(1);
    expect(failure(root)).toContain(message);
    expect(failure(root).length).toBeLessThanOrEqual(1024);
    expect(existsSync(join(root, 'model', 'xgboost-model'))).toBe(false);
  });

  test.each([
    [
      'no train channel',
      { validation: { ContentType: 'text/csv' } },
      {},
      'ClientError: Missing required channel: train',
    ],
    [
      'an empty train channel',
      { train: { ContentType: 'text/csv' } },
      {},
      'ClientError: No data in training channel',
    ],
    [
      'an unsupported ContentType',
      { train: { ContentType: 'application/json' } },
      { 'train/t.json': '{}\n' },
      "ClientError: Channel configuration for 'train' channel is not supported",
    ],
    [
      'CSV data declared as LIBSVM',
      { train: { ContentType: 'text/libsvm' } },
      { 'train/t.csv': csv(binaryRows(20, 10)) },
      "is not 'LIBSVM' format",
    ],
    [
      'labels outside [0,1] for binary:logistic',
      { train: { ContentType: 'text/csv' } },
      { 'train/t.csv': '3,0.5,1\n0,0.1,2\n' },
      'ClientError: ',
    ],
  ])('fails with a ClientError for %s', async (_name, channels, files, message) => {
    const root = makeRoot({
      hyperparameters: { num_round: '3', objective: 'binary:logistic' },
      channels,
      files,
    });
    const result = await train(root);
    expect(result.code).toBe(1);
    expect(failure(root)).toContain(message);
    expect(failure(root)).not.toContain('\n');
  });
});

const hasSklearn =
  hasXgboost && spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;

(hasSklearn ? test : test.skip)(
  'container-defined metrics agree with scikit-learn on random labels',
  async () => {
    const script = `
import sys, warnings
sys.path.insert(0, sys.argv[1])
import numpy as np, metrics as m
from sklearn import metrics as sk
warnings.simplefilter("ignore")
rng = np.random.default_rng(0)
for trial in range(300):
    k = 2 if trial % 2 else int(rng.integers(3, 6))
    n = int(rng.integers(2, 60))
    t, p = rng.integers(0, k, n), rng.integers(0, k, n)
    expected = {
        "accuracy": sk.accuracy_score(t, p), "balanced_accuracy": sk.balanced_accuracy_score(t, p),
        "f1_macro": sk.f1_score(t, p, average="macro", zero_division=0),
        "precision_macro": sk.precision_score(t, p, average="macro", zero_division=0),
        "recall_macro": sk.recall_score(t, p, average="macro", zero_division=0),
        "precision_micro": sk.precision_score(t, p, average="micro", zero_division=0),
        "recall_micro": sk.recall_score(t, p, average="micro", zero_division=0),
    }
    if k == 2:
        expected["f1"] = sk.f1_score(t, p, zero_division=0)
        expected["precision"] = sk.precision_score(t, p, zero_division=0)
        expected["recall"] = sk.recall_score(t, p, zero_division=0)
    for name, value in expected.items():
        got = m.classification_metric(name, t, p)
        assert abs(got - value) < 1e-12, (name, list(t), list(p), got, value)
    y, q = rng.normal(size=n), rng.normal(size=n)
    assert abs(m.regression_metric("mse", y, q) - sk.mean_squared_error(y, q)) < 1e-12
    assert abs(m.regression_metric("r2", y, q) - sk.r2_score(y, q)) < 1e-9
print("ok")
`;
    const result = await runPython(['-c', script, dirname(RUNTIME)]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  },
);

const HP_CASES: [Record<string, string>, string][] = [
  [{ num_round: '10', learning_rate: '0.1', reg_lambda: '2' }, 'ok'],
  [{ num_round: '0' }, 'Hyperparameter num_round: 0 is not in [1, +inf)'],
  [{ num_round: '1.5' }, 'Hyperparameter num_round: could not parse value (caused by ValueError)'],
  [{ num_round: '10', subsample: '0' }, 'Hyperparameter subsample: 0.0 is not in (0, 1]'],
  [
    { num_round: '10', booster: 'foo' },
    "Hyperparameter booster: foo is not in ['gbtree', 'gblinear', 'dart']",
  ],
  [
    { num_round: '10', seed: '2147483647' },
    'Hyperparameter seed: 2147483647 is not in (-2147483648, 2147483647)',
  ],
  [
    { num_round: '10', tweedie_variance_power: '2' },
    'Hyperparameter tweedie_variance_power: 2.0 is not in (1, 2)',
  ],
  [{ num_round: '10', eval_metric: 'rmse,error@0.7' }, 'ok'],
  [
    { num_round: '10', objective: 'binary:logistic', eval_metric: 'auc@0.5' },
    "Metric 'auc@0.5' is not supported.",
  ],
  [
    { num_round: '10', eval_metric: 'auc' },
    "Metric 'auc' can only be applied for classification and ranking",
  ],
  [
    { num_round: '10', eval_metric: 'rmse,nonsense' },
    "Hyperparameter eval_metric: value ['rmse', 'nonsense'] not in",
  ],
  [{ num_round: '10', updater: 'shotgun' }, 'Tree updater should be selected from these options'],
  [
    { num_round: '10', booster: 'gblinear', updater: 'grow_colmaker' },
    'Linear updater should be one of these',
  ],
  [{ num_round: '10', updater: 'grow_colmaker,grow_histmaker' }, 'Only one tree grow plugin can be selected'],
  [{ num_round: '10', monotone_constraints: '(1,-1)', tree_method: 'exact' }, 'ok'],
  [
    { num_round: '10', monotone_constraints: '(1,2)', tree_method: 'hist' },
    'Hyperparameter monotone_constraints: value',
  ],
  [
    { num_round: '10', interaction_constraints: '[[1,2],[3,4]]' },
    'interaction_constraints can be used only when',
  ],
  [{ num_round: '10', _tuning_objective_metric: 'validation:auc', objective: 'binary:logistic' }, 'ok'],
  [
    { num_round: '10', _tuning_objective_metric: 'validation:nope' },
    'Hyperparameter _tuning_objective_metric:',
  ],
  [
    { num_round: '10', objective: 'multi:softprob', num_class: '1' },
    'Hyperparameter num_class: 1 is not in [2, +inf)',
  ],
];

describeIfPython('xgboost runtime: hyperparameter table', () => {
  test('validates like the container and passes only XGBoost parameters on', async () => {
    const script = `
import json, sys
sys.path.insert(0, sys.argv[1])
import hyperparameters as h
from errors import UserError
out = []
for raw in json.loads(sys.argv[2]):
    try:
        hp = h.validate(dict(raw))
        out.append({"ok": h.xgboost_params(hp, 7)})
    except UserError as e:
        out.append({"error": e.failure_reason()})
print(json.dumps(out))
`;
    const result = await runPython([
      '-c',
      script,
      dirname(RUNTIME),
      JSON.stringify(HP_CASES.map((c) => c[0])),
    ]);
    expect(result.stderr).toBe('');
    const outcomes = JSON.parse(result.stdout) as { ok?: Record<string, unknown>; error?: string }[];
    HP_CASES.forEach(([input, expected], i) => {
      const outcome = outcomes[i]!;
      if (expected === 'ok') {
        expect({ input, outcome }).toEqual({ input, outcome: { ok: expect.any(Object) } });
      } else {
        expect({
          input,
          error: outcome.error?.startsWith('ClientError: ') && outcome.error.includes(expected),
        }).toEqual({ input, error: true });
      }
    });
    // num_round and other container-only names never reach xgboost.train; nthread defaults to the CPUs.
    expect(outcomes[0]!.ok).toEqual({ learning_rate: 0.1, reg_lambda: 2, nthread: 7 });
    expect(outcomes[7]!.ok).toEqual({ nthread: 7 });
    expect(outcomes[14]!.ok).toEqual({ monotone_constraints: '(1,-1)', tree_method: 'exact', nthread: 7 });
  });
});

// ---------- serving ----------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<RunResult>;
}

async function serve(modelDir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    PYTHON,
    [RUNTIME, 'serve', '--model-dir', modelDir, '--host', '127.0.0.1', '--port', String(port)],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<RunResult>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes(`serving on http://127.0.0.1:${port}`)) resolve();
    });
    child.once('error', reject);
    void exited.then((r) =>
      reject(new Error(`server exited (${r.code}) before listening:\n${r.stdout}\n${r.stderr}`)),
    );
  });
  return { child, url: `http://127.0.0.1:${port}`, exited };
}

async function invoke(url: string, body: string, contentType: string, accept?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (accept) headers['Accept'] = accept;
  return fetch(`${url}/invocations`, { method: 'POST', body, headers });
}

/** Predictions by XGBoost directly (no runtime) for a features-only CSV file. */
async function directPredictions(model: string, featuresFile: string): Promise<number[][]> {
  const script = [
    'import sys, json, numpy, xgboost',
    'b = xgboost.Booster(); b.load_model(sys.argv[1])',
    'x = numpy.loadtxt(sys.argv[2], delimiter=",", ndmin=2)',
    'p = b.predict(xgboost.DMatrix(x))',
    'print(json.dumps(p.reshape(len(x), -1).tolist()))',
  ].join('\n');
  const result = await runPython(['-c', script, model, featuresFile]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as number[][];
}

describeIfPython('xgboost runtime: serve', () => {
  let root: string;
  const testRows = binaryRows(200, 21);

  beforeAll(async () => {
    root = makeRoot({
      hyperparameters: BINARY_HP,
      channels: CSV_CHANNELS,
      files: { 'train/t.csv': csv(binaryRows(500, 11)), 'validation/v.csv': csv(binaryRows(200, 12)) },
    });
    const result = await train(root);
    expect(result.code).toBe(0);
  });

  test('answers ping and execution-parameters, predicts like XGBoost itself, and stops on SIGTERM', async () => {
    const server = await serve(join(root, 'model'));
    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
    const params = (await (await fetch(`${server.url}/execution-parameters`)).json()) as Record<
      string,
      unknown
    >;
    expect(params).toMatchObject({ BatchStrategy: 'MULTI_RECORD', MaxPayloadInMB: 6 });
    expect(params['MaxConcurrentTransforms']).toEqual(expect.any(Number));

    const featuresFile = join(root, 'features.csv');
    writeFileSync(featuresFile, featureCsv(testRows));
    const expected = (await directPredictions(join(root, 'model', 'xgboost-model'), featuresFile)).map(
      (p) => p[0]!,
    );

    const response = await invoke(server.url, featureCsv(testRows), 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const scores = text.trimEnd().split('\n').map(Number);
    expect(scores).toHaveLength(testRows.length);
    scores.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(Math.abs(s - expected[i]!)).toBeLessThan(1e-6);
    });

    const asJson = await invoke(server.url, featureCsv(testRows.slice(0, 3)), 'text/csv', 'application/json');
    expect(asJson.status).toBe(200);
    const parsed = (await asJson.json()) as { predictions: { score: number }[] };
    expect(parsed.predictions).toHaveLength(3);
    parsed.predictions.forEach((p, i) => expect(Math.abs(p.score - expected[i]!)).toBeLessThan(1e-6));

    const lines = await invoke(
      server.url,
      featureCsv(testRows.slice(0, 2)),
      'text/csv',
      'application/jsonlines',
    );
    const records = (await lines.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { score: number });
    expect(records.map((r) => Math.abs(r.score - expected[records.indexOf(r)]!) < 1e-6)).toEqual([
      true,
      true,
    ]);

    const sparse = await invoke(server.url, libsvm(testRows.slice(0, 4), false), 'text/libsvm');
    expect(sparse.status).toBe(200);
    const sparseScores = (await sparse.text()).trimEnd().split('\n').map(Number);
    sparseScores.forEach((s, i) => expect(Math.abs(s - expected[i]!)).toBeLessThan(1e-6));

    server.child.kill('SIGTERM');
    const exit = await server.exited;
    expect(exit.code).toBe(0);
  });

  test('maps bad requests to the status codes of the real container', async () => {
    const server = await serve(join(root, 'model'), {
      SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT: 'application/jsonlines',
    });
    const row = featureCsv(testRows.slice(0, 1));
    expect((await invoke(server.url, 'hello,world,this,is,text\n', 'text/csv')).status).toBe(415);
    expect((await invoke(server.url, row, 'application/json')).status).toBe(415);
    expect((await invoke(server.url, '0.1,0.2,0.3,0.4,0.5\n0.1,0.2\n', 'text/csv')).status).toBe(415);
    expect((await invoke(server.url, '0.1,,0.3,0.4,0.5\n', 'text/csv')).status).toBe(200);
    expect((await invoke(server.url, row, 'text/csv', 'text/html')).status).toBe(406);
    expect((await invoke(server.url, '', 'text/csv')).status).toBe(204);
    const tooWide = await invoke(server.url, '1,2,3,4,5,6,7\n', 'text/csv');
    expect(tooWide.status).toBe(400);
    expect(await tooWide.text()).toContain('Unable to evaluate payload provided');
    const defaulted = await invoke(server.url, row, 'text/csv', '*/*');
    expect(defaulted.headers.get('content-type')).toBe('application/jsonlines');
    expect(JSON.parse((await defaulted.text()).trim())).toEqual({ score: expect.any(Number) });
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });

  test('returns one probability vector per row for multi:softprob', async () => {
    const multiRoot = makeRoot({
      hyperparameters: {
        num_round: '10',
        objective: 'multi:softprob',
        num_class: '3',
        eval_metric: 'mlogloss',
      },
      channels: { train: { ContentType: 'text/csv' } },
      files: { 'train/t.csv': csv(binaryRows(400, 13, 3)) },
    });
    expect((await train(multiRoot)).code).toBe(0);
    const server = await serve(join(multiRoot, 'model'));
    const rows = binaryRows(5, 14, 3);
    const text = await (await invoke(server.url, featureCsv(rows), 'text/csv')).text();
    const vectors = text
      .trimEnd()
      .split('\n')
      .map((l) => l.split(',').map(Number));
    expect(vectors).toHaveLength(5);
    for (const v of vectors) {
      expect(v).toHaveLength(3);
      expect(Math.abs(v.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
    }
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
