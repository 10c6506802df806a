import type { JobApi, JobSpec, JobView } from '../../sagemaker/jobs.js';
import { isAlreadyExists } from '../../sagemaker/jobs.js';
import { attemptName } from '../../sagemaker/naming.js';

/**
 * Re-run behaviour, decided from what already exists under the job's name:
 *   no job                 → create it
 *   InProgress / Stopping  → re-attach (no second job, no double billing)
 *   Completed              → reuse its result
 *   Failed / Stopped       → look at the next attempt name (`-r2`, `-r3`, ...) the same way
 * `reuse: false` skips every existing name and creates the first free attempt name.
 */
export type ResolveAction = 'created' | 'attached' | 'reused';

export interface Resolution {
  action: ResolveAction;
  name: string;
  arn: string;
  /** The last Describe answer when attached or reused. */
  view?: JobView | undefined;
  /** Earlier attempts that ended Failed/Stopped and were replaced. */
  replaced: { name: string; status: string }[];
}

export const MAX_ATTEMPTS = 99;

export interface ResolveLog {
  info(message: string): void;
}

/** The decision for one existing job (pure). */
export function decideExisting(status: string, reuse: boolean): 'attach' | 'reuse' | 'next' {
  if (!reuse) return 'next';
  if (status === 'InProgress' || status === 'Stopping') return 'attach';
  if (status === 'Completed') return 'reuse';
  return 'next';
}

export async function createOrAttach(
  api: JobApi,
  spec: JobSpec,
  baseName: string,
  reuse: boolean,
  log: ResolveLog,
): Promise<Resolution> {
  const replaced: Resolution['replaced'] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const name = attemptName(baseName, attempt);
    let view = await api.describe(name);
    if (!view) {
      try {
        const arn = await api.create(name, spec);
        return { action: 'created', name, arn, replaced };
      } catch (err) {
        // Someone (a concurrent re-run) created it between our Describe and Create.
        if (!isAlreadyExists(err)) throw err;
        view = await api.describe(name);
        if (!view) throw err;
      }
    }
    const decision = decideExisting(view.status, reuse);
    if (decision === 'attach') return { action: 'attached', name, arn: view.arn, view, replaced };
    if (decision === 'reuse') return { action: 'reused', name, arn: view.arn, view, replaced };
    if (reuse) {
      log.info(`${kindLabel(api)} ${name} exists and ended ${view.status}; starting a fresh attempt`);
      replaced.push({ name, status: view.status });
    } else {
      log.info(
        `${kindLabel(api)} ${name} exists (${view.status}) and reuse is false; trying the next attempt name`,
      );
    }
  }
  throw new Error(`${MAX_ATTEMPTS} attempts of ${baseName} exist already; set a new job-name`);
}

export function kindLabel(api: { kind: string }): string {
  return api.kind === 'training' ? 'training job' : 'processing job';
}
