import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../../templates/olist/generator/csv.js';

export const PYTHON = process.env['OLIST_PYTHON'] ?? '/usr/bin/python3';

/** True when PYTHON can import pandas and numpy (preprocess.py's dependencies). */
export function pythonHasPandas(): boolean {
  const r = spawnSync(PYTHON, ['-c', 'import pandas, numpy'], { encoding: 'utf8' });
  return r.status === 0;
}

export interface Table {
  header: string[];
  rows: string[][];
  col(name: string): string[];
}

export function readTable(dir: string, file: string): Table {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  if (!header) throw new Error(`${file} is empty`);
  return {
    header,
    rows,
    col(name: string) {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`${file} has no column ${name}`);
      return rows.map((r) => r[i]!);
    },
  };
}

export function fraction<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  return xs.filter(pred).length / xs.length;
}
