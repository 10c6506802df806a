/** tar.gz packing/unpacking with the system `tar` (present on every Linux and macOS machine). */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Packs the contents of dir (members at the archive root, like SageMaker's model.tar.gz). */
export async function packDirectory(dir: string, outFile: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const entries = readdirSync(dir).sort();
  const args = entries.length
    ? ['-czf', outFile, '-C', dir, '--', ...entries]
    : ['-czf', outFile, '-T', '/dev/null'];
  await run('tar', args, { maxBuffer: 16 * 1024 * 1024 });
}

export async function unpackArchive(file: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await run('tar', ['-xzf', file, '-C', dir], { maxBuffer: 16 * 1024 * 1024 });
}
