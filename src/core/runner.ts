import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/**
 * The runner protocol (inputs, outputs, state, log commands, job summary) with the exact
 * semantics of @actions/core, in one small module. Why not @actions/core itself: importing it
 * also loads @actions/http-client, undici and @actions/exec (for OIDC and platform details we
 * never use), which doubles the start-up time of a bundle that fails on a bad input (measured
 * by bench/startup.mjs). Both write the same protocol, so they can be mixed safely.
 */

function toCommandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function issue(command: string, message: string, props: Record<string, string> = {}): void {
  const p = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${command}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/** `getInput`: INPUT_<NAME> (upper-cased, spaces to underscores), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

function keyValueFileCommand(file: string, name: string, value: unknown): void {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = toCommandValue(value);
  if (name.includes(delimiter) || text.includes(delimiter)) {
    throw new Error(`unexpected input: name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

export function setOutput(name: string, value: unknown): void {
  const file = process.env['GITHUB_OUTPUT'];
  if (file) return keyValueFileCommand(file, name, value);
  process.stdout.write(EOL);
  issue('set-output', toCommandValue(value), { name });
}

export function saveState(name: string, value: unknown): void {
  const file = process.env['GITHUB_STATE'];
  if (file) return keyValueFileCommand(file, name, value);
  issue('save-state', toCommandValue(value), { name });
}

/** Exports a variable to this and every later step (GITHUB_ENV), as core.exportVariable does. */
export function exportVariable(name: string, value: unknown): void {
  const text = toCommandValue(value);
  process.env[name] = text;
  const file = process.env['GITHUB_ENV'];
  if (file) return keyValueFileCommand(file, name, text);
  issue('set-env', text, { name });
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function warning(message: string | Error): void {
  issue('warning', message instanceof Error ? message.toString() : message);
}

export function error(message: string | Error): void {
  issue('error', message instanceof Error ? message.toString() : message);
}

/** Masks a value in all later log lines (`::add-mask::`). */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

/** Marks the step failed (exit code 1) and prints the message as an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY); a no-op outside the runner. */
export async function appendSummary(markdown: string): Promise<boolean> {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file) return false;
  await appendFile(file, markdown, 'utf8');
  return true;
}
