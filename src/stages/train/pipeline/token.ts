/**
 * The ClientRequestToken of a pipeline execution started by the train action: derived from what
 * identifies the step in its run (repository, workflow, job, run id, step, pipeline), not from the
 * run attempt, so a re-run of the same run attaches to the execution the first attempt started
 * (StartPipelineExecution is idempotent on the token) instead of starting another. Pure.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RunContext } from '../../../sagemaker/naming.js';

export function executionToken(
  run: RunContext,
  pipelineName: string,
  random: () => string = randomUUID,
): string {
  // Outside GitHub Actions there is no run to attach to: every call is a new execution.
  if (!run.runId) return `local-${random()}`.slice(0, 128);
  const hash = createHash('sha256')
    .update(
      [run.repository ?? '', run.workflow ?? '', run.job ?? '', run.runId, run.step ?? '', pipelineName].join(
        '\u0000',
      ),
    )
    .digest('hex');
  return `gh-${run.runId.replace(/[^A-Za-z0-9]/g, '')}-${hash}`.slice(0, 128);
}
