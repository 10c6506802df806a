import type { JobApi, JobSpec, JobView } from '../../sagemaker/jobs.js';
import { isAlreadyExists } from '../../sagemaker/jobs.js';
import { attemptName } from '../../sagemaker/naming.js';
import { differingFields } from '../../sagemaker/spec-digest.js';
import { ConfigurationError } from '../../core/errors.js';

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
  /**
   * Called with the name just before Create*: the caller saves it to state, so that a kill
   * during the Create call (after AWS accepted it) cannot orphan the job: the post step finds it.
   */
  beforeCreate?(name: string): void;
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
        log.beforeCreate?.(name);
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
    if (decision !== 'next') await checkSameSpec(api, spec, view, decision);
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

/**
 * Re-attach and reuse only a job created from the same spec: its digest tag must equal the
 * digest of the requested spec. Otherwise the new code would never run while the step is green.
 */
async function checkSameSpec(
  api: JobApi,
  spec: JobSpec,
  view: JobView,
  decision: 'attach' | 'reuse',
): Promise<void> {
  const expected = api.digestOf(spec);
  const actual = await api.readDigest(view.arn);
  if (actual === expected) return;
  const what =
    actual === undefined
      ? 'it carries no spec digest tag (it was created outside this kit or by an older version), so it cannot be shown to match'
      : `its spec differs from the requested one in: ${differingFields(expected, actual).join(', ') || 'the digest'}`;
  throw new ConfigurationError(
    `${kindLabel(api)} ${view.name} already exists (${view.status}) and would be ${decision === 'attach' ? 're-attached' : 'reused'}, but ${what}. ` +
      `To run the requested spec, set a new job-name (or leave job-name unset for a per-run name), or set reuse: false to start a fresh attempt (${view.name}-r2, ...).`,
  );
}

export function kindLabel(api: { kind: string }): string {
  return api.kind === 'training' ? 'training job' : 'processing job';
}
