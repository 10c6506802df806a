import { createHash } from 'node:crypto';
import { SAGEMAKER_NAME_RE } from '../core/inputs.js';

/** SageMaker job, endpoint and model names: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`. */
export const MAX_NAME_LENGTH = 63;
/** Room kept at the end of a default name for an attempt suffix (`-r99`). */
const SUFFIX_ROOM = 4;

export interface RunContext {
  /** GITHUB_REPOSITORY, e.g. octo/churn */
  repository?: string | undefined;
  /** GITHUB_WORKFLOW */
  workflow?: string | undefined;
  /** GITHUB_JOB */
  job?: string | undefined;
  /** GITHUB_RUN_ID (the same across re-runs of a run) */
  runId?: string | undefined;
  /** GITHUB_ACTION: the step's id, so two train steps of one job get different names */
  step?: string | undefined;
}

/** Lower-cases, turns every run of other characters into one hyphen, trims hyphens. */
export function sanitizeNamePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function shortHash(parts: string[], length = 8): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, length);
}

/** Cuts to `max` characters without leaving a trailing hyphen. */
function cut(text: string, max: number): string {
  return text.slice(0, Math.max(0, max)).replace(/-+$/, '');
}

/**
 * The default job name: readable parts (repository name, stage, run id) and a hash of everything
 * that identifies the step (repository, workflow, job, run id, step, stage), so two repositories,
 * workflows or steps never share a name while a re-run of the same run finds its job again.
 * Always matches SAGEMAKER_NAME_RE, is at most 59 characters (room for `-rNN`), and depends only
 * on its arguments.
 */
export function defaultJobName(ctx: RunContext, stage: string): string {
  const hash = shortHash([
    ctx.repository ?? '',
    ctx.workflow ?? '',
    ctx.job ?? '',
    ctx.runId ?? '',
    ctx.step ?? '',
    stage,
  ]);
  const repoName = sanitizeNamePart((ctx.repository ?? '').split('/').pop() ?? '');
  const stagePart = sanitizeNamePart(stage);
  const runPart = sanitizeNamePart(ctx.runId ?? '');
  const budget = MAX_NAME_LENGTH - SUFFIX_ROOM - hash.length - 1;
  // Keep the run id and stage whole when possible; the repository name gives way first.
  const tail = [stagePart, runPart].filter(Boolean).join('-');
  const tailCut = cut(tail, budget);
  const repoBudget = budget - tailCut.length - (tailCut ? 1 : 0);
  const head = repoBudget > 2 ? cut(repoName, repoBudget) : '';
  const readable = [head, tailCut].filter(Boolean).join('-');
  return readable ? `${readable}-${hash}` : `job-${hash}`;
}

/** The name of attempt `n` (1 = the base name itself; 2 → `-r2`, ...), always a valid name. */
export function attemptName(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = `-r${attempt}`;
  const head = cut(base, MAX_NAME_LENGTH - suffix.length);
  return `${head || 'job'}${suffix}`;
}

export function isValidName(name: string): boolean {
  return SAGEMAKER_NAME_RE.test(name);
}
