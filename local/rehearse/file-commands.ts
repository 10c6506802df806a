/**
 * The runner's file commands: GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV hold `name=value` lines or
 * the multi-line `name<<DELIMITER` … `DELIMITER` form; GITHUB_PATH one directory per line.
 */
import { readFileSync } from 'node:fs';
import { RehearsalError } from './errors.js';

export function parseKeyValueFile(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq === -1 || eq > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]!);
      }
      if (!closed)
        throw new RehearsalError(`${file}: '${name}<<${delimiter}' has no closing '${delimiter}' line`);
      out[name!] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new RehearsalError(
        `${file}: invalid line ${JSON.stringify(line.slice(0, 80))} (expected name=value or name<<DELIMITER)`,
      );
    }
  }
  return out;
}

export function readKeyValueFile(path: string, label: string): Record<string, string> {
  return parseKeyValueFile(readFileSync(path, 'utf8'), label);
}

export function readPathFile(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}
