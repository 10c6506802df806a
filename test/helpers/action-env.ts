import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs an action in-process the way the runner would: inputs as INPUT_<NAME> variables, and the
 * GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files in a temporary folder. restore() puts
 * process.env and process.exitCode back exactly as they were.
 */
export interface ActionEnv {
  dir: string;
  outputs(): Record<string, string>;
  state(): Record<string, string>;
  summary(): string;
  /** Sets STATE_<name> from the state saved so far (what the runner does for the post step). */
  loadStateForPost(): void;
  restore(): void;
}

/** `role-arn` → `INPUT_ROLE-ARN` (upper-cased, spaces to underscores, hyphens kept). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses the runner's file-command format (`name=value` or `name<<DELIM` … `DELIM`). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const eq = line.indexOf('=');
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

const CLEARED = /^(INPUT_|STATE_|GITHUB_|RUNNER_|AWS_ENDPOINT_URL)/;

export function setupActionEnv(
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
): ActionEnv {
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  const dir = mkdtempSync(join(tmpdir(), 'action-env-'));
  const files = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  for (const k of Object.keys(process.env)) if (CLEARED.test(k)) delete process.env[k];
  process.env['GITHUB_OUTPUT'] = files.output;
  process.env['GITHUB_STATE'] = files.state;
  process.env['GITHUB_STEP_SUMMARY'] = files.summary;
  for (const [k, v] of Object.entries(inputs)) process.env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const read = (f: string): string => readFileSync(f, 'utf8');
  return {
    dir,
    outputs: () => parseFileCommands(read(files.output)),
    state: () => parseFileCommands(read(files.state)),
    summary: () => read(files.summary),
    loadStateForPost() {
      for (const [k, v] of Object.entries(parseFileCommands(read(files.state))))
        process.env[`STATE_${k}`] = v;
    },
    restore() {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      for (const [k, v] of Object.entries(saved)) process.env[k] = v;
      process.exitCode = savedExitCode;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
