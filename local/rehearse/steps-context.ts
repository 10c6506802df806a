/**
 * The `steps` context as the runner builds it, with misses reported: reading a step id that has
 * not run yet, an output an action does not declare, or an output a `run:` step that succeeded
 * never wrote, is a problem (the runner would silently give an empty string).
 */
import { data } from '@actions/expressions';
import { TrackedDictionary } from './expressions.js';
import type { Result } from './types.js';

export interface StepContextEntry {
  id: string;
  /** The step's `uses:` or `run`, for messages. */
  what: string;
  outputs: Record<string, string>;
  outcome: Result;
  conclusion: Result;
  /** Outputs the action declares (undefined for `run:` steps). */
  declared?: string[];
}

export function stepsContext(entries: StepContextEntry[], problems: string[]): TrackedDictionary {
  const steps = new TrackedDictionary('steps', (path) =>
    problems.push(`${path}: no step with this id runs before this point`),
  );
  for (const e of entries) {
    const outputs = new TrackedDictionary(
      `steps.${e.id}.outputs`,
      (path) => {
        const name = path.slice(path.lastIndexOf('.') + 1);
        if (e.declared) {
          if (!e.declared.some((d) => d.toLowerCase() === name.toLowerCase()))
            problems.push(
              `${path}: ${e.what} declares no output '${name}' (it declares: ${e.declared.join(', ') || 'none'})`,
            );
        } else if (e.outcome === 'success') {
          problems.push(`${path}: step '${e.id}' (${e.what}) succeeded without setting output '${name}'`);
        }
      },
      e.outputs,
    );
    steps.add(
      e.id,
      new data.Dictionary(
        { key: 'outputs', value: outputs },
        { key: 'outcome', value: new data.StringData(e.outcome) },
        { key: 'conclusion', value: new data.StringData(e.conclusion) },
      ),
    );
  }
  return steps;
}

/** The `needs` (or `jobs`) context: `label.<job>.outputs.<name>` misses are problems. */
export function jobsContext(
  label: 'needs' | 'jobs',
  jobs: { id: string; result: Result; outputs: Record<string, string>; declared: string[] }[],
  problems: string[],
): TrackedDictionary {
  const ctx = new TrackedDictionary(label, (path) =>
    problems.push(
      label === 'needs'
        ? `${path}: the job does not list this job in needs:`
        : `${path}: no job with this id in the workflow`,
    ),
  );
  for (const j of jobs) {
    const outputs = new TrackedDictionary(
      `${label}.${j.id}.outputs`,
      (path) => {
        const name = path.slice(path.lastIndexOf('.') + 1);
        if (!j.declared.some((d) => d.toLowerCase() === name.toLowerCase()))
          problems.push(
            `${path}: job '${j.id}' declares no output '${name}' (it declares: ${j.declared.join(', ') || 'none'})`,
          );
      },
      j.outputs,
    );
    ctx.add(
      j.id,
      new data.Dictionary(
        { key: 'result', value: new data.StringData(j.result) },
        { key: 'outputs', value: outputs },
      ),
    );
  }
  return ctx;
}
