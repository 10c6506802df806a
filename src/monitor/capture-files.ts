/**
 * Finding data-capture files: recursively under a folder (local) or a list of S3 keys, selected by
 * the capture layout's yyyy/mm/dd/hh folders (sagemaker.md §7) against the time window. Files not
 * under such folders are kept (their records are still selected by inferenceTime).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MonitorDataError } from './errors.js';

export interface CaptureFile {
  path: string;
  size: number;
}

const HOUR_RE = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\//;

/** The hour a capture path's folders name, in ms since the epoch (undefined when not in the layout). */
export function hourOfPath(path: string): number | undefined {
  const m = HOUR_RE.exec(path.replace(/\\/g, '/'));
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]));
  return Number.isFinite(t) ? t : undefined;
}

/** Keeps paths whose hour folder overlaps [sinceMs, untilMs). */
export function selectByHour<T extends { path: string }>(files: T[], sinceMs: number, untilMs: number): T[] {
  return files.filter((f) => {
    const h = hourOfPath(f.path);
    return h === undefined || (h + 3_600_000 > sinceMs && h < untilMs);
  });
}

/** Every regular file under `dir` (sorted, so the scan order is reproducible). */
export function listLocalFiles(dir: string): CaptureFile[] {
  let st;
  try {
    st = statSync(dir);
  } catch (err) {
    throw new MonitorDataError(`cannot read ${dir}: ${(err as Error).message}; fix: check the path`);
  }
  if (st.isFile()) return [{ path: dir, size: st.size }];
  const out: CaptureFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ path: p, size: statSync(p).size });
    }
  };
  walk(dir);
  return out;
}
