/**
 * The one notion of "which run is this": every deterministic name (jobs, models, transforms,
 * endpoint configs) is derived from it by src/sagemaker/naming.ts.
 */
export interface RunIdentity {
  /** GITHUB_REPOSITORY, e.g. octo/churn */
  repository?: string | undefined;
  /** GITHUB_WORKFLOW */
  workflow?: string | undefined;
  /** GITHUB_JOB */
  job?: string | undefined;
  /** GITHUB_RUN_ID (the same across re-runs of a run) */
  runId?: string | undefined;
  /** GITHUB_RUN_ATTEMPT (1, 2, ... for re-runs) */
  attempt?: string | undefined;
  /** GITHUB_ACTION: the step's id, so two steps of one job get different names */
  step?: string | undefined;
}

export function runIdentityFromEnv(env: NodeJS.ProcessEnv): RunIdentity {
  return {
    repository: env['GITHUB_REPOSITORY'],
    workflow: env['GITHUB_WORKFLOW'],
    job: env['GITHUB_JOB'],
    runId: env['GITHUB_RUN_ID'],
    attempt: env['GITHUB_RUN_ATTEMPT'],
    step: env['GITHUB_ACTION'],
  };
}
