/**
 * Persistence: one JSON file per resource under <dataDir>/state/<collection>/, written
 * atomically (write to a temp file, then rename), so a crash never leaves a torn record and a
 * restart reads every resource back as it was.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class Collection<T> {
  private readonly items = new Map<string, T>();
  private counter = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        const value = JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
        this.items.set(decodeURIComponent(file.slice(0, -'.json'.length)), value);
      } catch {
        // A record that cannot be read is skipped, never fatal (writes are atomic, so this is
        // only a file someone edited by hand).
      }
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
