/**
 * Names of what a deployment creates: unique and traceable to the commit and the run
 * (`<endpoint>-<sha7>-<run id>-<hash>`), and the same on a re-run of the same run, so a re-run
 * finds the model and config it created before instead of making duplicates. The hash covers
 * what defines the resource (model source; instance type, count, capture for the config).
 */
import { createHash } from 'node:crypto';
import { sanitizeNamePart } from '../../sagemaker/naming.js';

export interface DeployRun {
  sha: string | undefined;
  runId: string | undefined;
}

const MAX = 63;

const hash = (parts: readonly unknown[], n = 6): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, n);

/** `<head>-<sha7>-<run>-<hash6>`, cut to 63 characters without a trailing hyphen. */
export function traceableName(head: string, run: DeployRun, defining: readonly unknown[]): string {
  const sha = sanitizeNamePart(run.sha ?? '').slice(0, 7) || 'nosha';
  const runPart = sanitizeNamePart(run.runId ?? '').slice(0, 12) || 'local';
  const tail = `${sha}-${runPart}-${hash(defining)}`;
  const room = MAX - tail.length - 1;
  const cleanHead = sanitizeNamePart(head).slice(0, room).replace(/-+$/, '') || 'deploy';
  return `${cleanHead}-${tail}`;
}

export function runFromEnv(env: NodeJS.ProcessEnv): DeployRun {
  return { sha: env['GITHUB_SHA'], runId: env['GITHUB_RUN_ID'] };
}
