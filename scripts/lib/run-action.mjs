// Runs a committed action (actions/<name>/action.yml -> the shared dist/<name>.js) the way the
// GitHub runner does (runs.main/post resolved relative to the action's folder): inputs as
// INPUT_<NAME> variables (with action.yml defaults applied), GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files, STATE_<name> for the post step. Used by tests, benches and the demo.
//
//   import { runActionBundle, runPostStep } from './scripts/lib/run-action.mjs';
//   const main = await runActionBundle('actions/train', { inputs: { mode: 'processing-job', ... } });
//   const post = await runPostStep('actions/train', main);
//
// CLI: node scripts/lib/run-action.mjs actions/train name=value [name=value...]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** `role-arn` → `INPUT_ROLE-ARN`: upper-cased, spaces to underscores, hyphens kept. */
export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses `name=value` and `name<<DELIM … DELIM` file commands. */
export function parseFileCommands(text) {
  const out = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^([^=<]+)<<(.+)$/.exec(line);
    if (m) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function readAction(actionDir) {
  return parse(readFileSync(join(actionDir, 'action.yml'), 'utf8'));
}

/** Environment for a step: the caller's env minus stray INPUT_/STATE_, plus inputs with defaults. */
function stepEnv(meta, inputs, env, files, state) {
  const base = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) {
    if (v !== undefined && !/^(INPUT_|STATE_)/.test(k)) base[k] = v;
  }
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec && spec.default !== undefined) base[inputEnvName(name)] = String(spec.default);
  }
  for (const [k, v] of Object.entries(inputs ?? {})) base[inputEnvName(k)] = String(v);
  for (const [k, v] of Object.entries(state ?? {})) base[`STATE_${k}`] = v;
  base.GITHUB_OUTPUT = files.output;
  base.GITHUB_STATE = files.state;
  base.GITHUB_STEP_SUMMARY = files.summary;
  return base;
}

/**
 * Runs one step of an action bundle. Options: inputs, env, state (for post), step ('main' | 'post'),
 * onStdout(chunk, child) to react to output (e.g. send SIGINT), node (executable).
 * Resolves with { code, signal, stdout, stderr, outputs, state, summary, ms, inputs, env }.
 */
export async function runActionBundle(actionDir, opts = {}) {
  const dir = resolve(actionDir);
  const meta = readAction(dir);
  const step = opts.step ?? 'main';
  const rel = step === 'post' ? meta.runs?.post : meta.runs?.main;
  if (!rel) throw new Error(`${actionDir}/action.yml has no runs.${step}`);
  const tmp = mkdtempSync(join(tmpdir(), 'run-action-'));
  const files = { output: join(tmp, 'output'), state: join(tmp, 'state'), summary: join(tmp, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env = stepEnv(meta, opts.inputs, opts.env, files, opts.state);
  const started = process.hrtime.bigint();
  const child = spawn(opts.node ?? process.execPath, [join(dir, rel)], {
    env,
    cwd: opts.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
    opts.onStdout?.(String(c), child, stdout);
  });
  child.stderr.on('data', (c) => (stderr += c));
  const { code, signal } = await new Promise((res) =>
    child.on('close', (code, signal) => res({ code, signal })),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const read = (f) => readFileSync(f, 'utf8');
  const result = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(read(files.output)),
    state: parseFileCommands(read(files.state)),
    summary: read(files.summary),
    ms,
    inputs: opts.inputs ?? {},
    env: opts.env ?? {},
  };
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

/** Runs the post step with the state the main step saved (as the runner does). */
export function runPostStep(actionDir, main, opts = {}) {
  return runActionBundle(actionDir, {
    inputs: main.inputs,
    env: main.env,
    ...opts,
    state: main.state,
    step: 'post',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const [actionDir, ...pairs] = process.argv.slice(2);
  if (!actionDir) {
    console.error('usage: node scripts/lib/run-action.mjs actions/<name> input=value ...');
    process.exit(2);
  }
  const inputs = Object.fromEntries(
    pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  const r = await runActionBundle(actionDir, { inputs, onStdout: (c) => process.stdout.write(c) });
  process.stderr.write(r.stderr);
  console.log(JSON.stringify({ code: r.code, outputs: r.outputs, state: r.state }, null, 2));
  process.exit(r.code ?? 1);
}
