/**
 * The two kinds of step the rehearsal executes: a JavaScript action's bundle (main or post) and a
 * `run:` script in its shell. Both get the runner's file commands (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY) and return what the step wrote.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { RehearsalError } from './errors.js';
import { readKeyValueFile, readPathFile } from './file-commands.js';
import { runProcess, type ProcessResult } from './step-process.js';
import { inputEnvName } from './uses.js';

export interface StepFiles {
  output: string;
  state: string;
  env: string;
  path: string;
  summary: string;
}

export interface StepRun {
  process: ProcessResult;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
}

export function newStepFiles(runDir: string): StepFiles {
  const base = join(runDir, 'steps');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 's-'));
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    summary: join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return files;
}

function fileEnv(files: StepFiles): Record<string, string> {
  return {
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
  };
}

function collect(files: StepFiles, proc: ProcessResult): StepRun {
  return {
    process: proc,
    outputs: readKeyValueFile(files.output, 'GITHUB_OUTPUT'),
    state: readKeyValueFile(files.state, 'GITHUB_STATE'),
    env: readKeyValueFile(files.env, 'GITHUB_ENV'),
    path: readPathFile(files.path),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

export interface CommonStepOptions {
  env: Record<string, string>;
  cwd: string;
  runDir: string;
  timeoutMs?: number;
  masks: Set<string>;
  log: (line: string) => void;
}

/** Runs a JavaScript action's `main` or `post` entry with INPUT_* and STATE_* variables. */
export async function runNodeAction(
  opts: CommonStepOptions & {
    dir: string;
    entry: string;
    inputs: Record<string, string>;
    state?: Record<string, string>;
  },
): Promise<StepRun> {
  const files = newStepFiles(opts.runDir);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (!/^(INPUT_|STATE_)/.test(k)) env[k] = v;
  for (const [k, v] of Object.entries(opts.inputs)) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(opts.state ?? {})) env[`STATE_${k}`] = v;
  Object.assign(env, fileEnv(files), { GITHUB_ACTION_PATH: opts.dir });
  const main = join(opts.dir, opts.entry);
  if (!existsSync(main)) throw new RehearsalError(`${main} does not exist: build the action (npm run build)`);
  const proc = await runProcess({
    command: process.execPath,
    args: [main],
    env,
    cwd: opts.cwd,
    masks: opts.masks,
    log: opts.log,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return collect(files, proc);
}

/** The runner's shells: the command line and the script file's extension. */
export function shellCommand(shell: string | undefined, explicit: boolean): { argv: string[]; ext: string } {
  const s = shell ?? 'bash';
  switch (s) {
    case 'bash':
      // No `shell:` at all means `bash -e {0}`; an explicit `shell: bash` adds pipefail.
      return {
        argv: explicit ? ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'] : ['bash', '-e', '{0}'],
        ext: '.sh',
      };
    case 'sh':
      return { argv: ['sh', '-e', '{0}'], ext: '.sh' };
    case 'python':
      return { argv: ['python3', '{0}'], ext: '.py' };
    case 'pwsh':
    case 'powershell':
    case 'cmd':
      throw new RehearsalError(
        `shell: ${s} is not rehearsable here (bash, sh, python or a custom command with {0})`,
      );
    default:
      if (!s.includes('{0}'))
        throw new RehearsalError(`shell: ${s}: a custom shell must contain {0} (the script path)`);
      return { argv: s.split(/\s+/).filter(Boolean), ext: '' };
  }
}

/** Runs a `run:` script. */
export async function runScript(
  opts: CommonStepOptions & {
    script: string;
    shell?: string;
    explicitShell: boolean;
    workingDirectory?: string;
  },
): Promise<StepRun> {
  const files = newStepFiles(opts.runDir);
  const { argv, ext } = shellCommand(opts.shell, opts.explicitShell);
  const scriptFile = join(files.output, '..', `script${ext}`);
  writeFileSync(scriptFile, opts.script);
  const args = argv.map((a) => a.replace('{0}', scriptFile));
  const cwd = opts.workingDirectory
    ? isAbsolute(opts.workingDirectory)
      ? opts.workingDirectory
      : join(opts.cwd, opts.workingDirectory)
    : opts.cwd;
  if (!existsSync(cwd)) throw new RehearsalError(`working-directory ${opts.workingDirectory} does not exist`);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env)) if (!/^(INPUT_|STATE_)/.test(k)) env[k] = v;
  Object.assign(env, fileEnv(files));
  const proc = await runProcess({
    command: args[0]!,
    args: args.slice(1),
    env,
    cwd,
    masks: opts.masks,
    log: opts.log,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return collect(files, proc);
}
