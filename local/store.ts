/**
 * Persistence: one JSON file per resource under <dataDir>/state/<collection>/, written
 * atomically (write to a temp file, then rename), so a crash never leaves a torn record and a
 * restart reads every resource back as it was.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stderrWarn = (message: string): void =>
  void process.stderr.write(`sagemaker-local: warning: ${message}\n`);

/**
 * Moves an unreadable data file aside (`<file>.corrupt-<epoch ms>`) and says so: nothing a user
 * stored vanishes silently, and the next start does not trip over it again.
 */
export function quarantine(
  file: string,
  problem: string,
  warn: (message: string) => void = stderrWarn,
): void {
  const aside = `${file}.corrupt-${Date.now()}`;
  try {
    renameSync(file, aside);
    warn(`${file} is unreadable (${problem}); moved it to ${aside} and started without it`);
  } catch (err) {
    warn(`${file} is unreadable (${problem}) and could not be moved aside: ${(err as Error).message}`);
  }
}

export class Collection<T> {
  private readonly items = new Map<string, T>();
  private counter = 0;

  constructor(
    private readonly dir: string,
    warn: (message: string) => void = stderrWarn,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      const path = join(dir, file);
      let value: T;
      try {
        value = JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch (err) {
        // Writes are atomic, so this is a file edited by hand or damaged on disk.
        quarantine(path, (err as Error).message, warn);
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        quarantine(path, 'not a JSON object', warn);
        continue;
      }
      this.items.set(decodeURIComponent(file.slice(0, -'.json'.length)), value);
    }
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  values(): T[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }

  put(key: string, value: T): void {
    this.items.set(key, value);
    const file = join(this.dir, `${encodeURIComponent(key)}.json`);
    const tmp = `${file}.${process.pid}.${++this.counter}.tmp`;
    writeFileSync(tmp, JSON.stringify(value, null, 1));
    renameSync(tmp, file);
  }

  delete(key: string): boolean {
    const existed = this.items.delete(key);
    rmSync(join(this.dir, `${encodeURIComponent(key)}.json`), { force: true });
    return existed;
  }
}

export function stateDir(dataDir: string, name: string): string {
  return join(dataDir, 'state', name);
}
