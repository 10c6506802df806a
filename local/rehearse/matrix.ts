/**
 * `strategy.matrix` expansion as GitHub documents it: the cartesian product of the axes, minus
 * every combination matching an `exclude` entry, then each `include` entry is merged into every
 * combination whose original values it does not overwrite, or appended as a new combination when
 * it fits none.
 */
import { RehearsalError } from './errors.js';

export type Combination = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function matches(combo: Combination, partial: Record<string, unknown>): boolean {
  return Object.entries(partial).every(([k, v]) => JSON.stringify(combo[k]) === JSON.stringify(v));
}

export function expandMatrix(matrix: unknown): Combination[] {
  if (matrix === undefined || matrix === null) return [{}];
  if (!isObject(matrix))
    throw new RehearsalError('strategy.matrix must be a mapping (or an expression giving one)');
  const axes = Object.entries(matrix).filter(([k]) => k !== 'include' && k !== 'exclude');
  for (const [k, v] of axes)
    if (!Array.isArray(v) || v.length === 0)
      throw new RehearsalError(`strategy.matrix.${k} must be a non-empty list`);
  let combos: Combination[] = axes.length ? [{}] : [];
  for (const [k, values] of axes)
    combos = combos.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [k]: v })));
  const exclude = matrix['exclude'] ?? [];
  const include = matrix['include'] ?? [];
  if (!Array.isArray(exclude) || !exclude.every(isObject))
    throw new RehearsalError('strategy.matrix.exclude must be a list of mappings');
  if (!Array.isArray(include) || !include.every(isObject))
    throw new RehearsalError('strategy.matrix.include must be a list of mappings');
  combos = combos.filter((c) => !exclude.some((e) => matches(c, e)));
  const originals = combos.map((c) => ({ ...c }));
  const extra: Combination[] = [];
  for (const inc of include) {
    let added = false;
    combos.forEach((c, i) => {
      const original = originals[i]!;
      const overwrites = Object.entries(inc).some(
        ([k, v]) => k in original && JSON.stringify(original[k]) !== JSON.stringify(v),
      );
      if (!overwrites) {
        Object.assign(c, inc);
        added = true;
      }
    });
    if (!added) extra.push({ ...inc });
  }
  const all = [...combos, ...extra];
  if (all.length > 256)
    throw new RehearsalError(`strategy.matrix gives ${all.length} jobs; GitHub allows at most 256`);
  return all.length ? all : [{}];
}
