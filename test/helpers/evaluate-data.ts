import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/metrics/resample.js';

/** A seeded binary test set: labels, 2 features, and a score that separates the classes imperfectly. */
export function binaryData(
  n: number,
  seed = 7,
  noise = 0.35,
): { labels: number[]; features: number[][]; scores: number[] } {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const labels: number[] = [];
  const features: number[][] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = rnd() < 0.4 ? 1 : 0;
    const x1 = y + (rnd() - 0.5) * 2 * noise * 2;
    const x2 = rnd();
    labels.push(y);
    features.push([Number(x1.toFixed(4)), Number(x2.toFixed(4))]);
    scores.push(Math.min(1, Math.max(0, Number((0.5 + (x1 - 0.5) * 0.6).toFixed(4)))));
  }
  return { labels, features, scores };
}

export function tempDir(prefix = 'eval-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeCsv(dir: string, name: string, labels: number[], features: number[][]): string {
  const file = join(dir, name);
  writeFileSync(file, labels.map((y, i) => [y, ...features[i]!].join(',')).join('\n') + '\n');
  return file;
}

export function writeLines(dir: string, name: string, values: (number | string)[]): string {
  const file = join(dir, name);
  writeFileSync(file, values.join('\n') + '\n');
  return file;
}

/** Seeded binary scores rounded to 3 decimals (many ties) with labels that follow them loosely, as typed arrays. */
export function tiedBinaryArrays(n: number, seed: number): { labels: Float64Array; scores: Float64Array } {
  const rng = createRng(seed);
  const labels = new Float64Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.round(rng() * 1000) / 1000;
    scores[i] = s;
    labels[i] = rng() < 0.2 + 0.6 * s ? 1 : 0;
  }
  return { labels, scores };
}
