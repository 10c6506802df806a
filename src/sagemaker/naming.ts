import { createHash } from 'node:crypto';
import { SAGEMAKER_NAME_RE } from '../core/inputs.js';
import type { RunIdentity } from '../core/run-identity.js';

/** SageMaker job, endpoint and model names: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`. */
export const MAX_NAME_LENGTH = 63;
/** Room kept at the end of a default name for an attempt suffix (`-r99`). */
const SUFFIX_ROOM = 4;

/** The run identity names are derived from (see src/core/run-identity.ts). */
export type RunContext = RunIdentity;

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

/** CreateModel's ModelName pattern (sagemaker.md §1), anchored; at most 63 characters. */
export const MODEL_NAME_RE = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** Short, stable hash of the things that define a model (image + artifact). */
export function modelHash(image: string, modelDataUrl: string): string {
  return createHash('sha256').update(`${image}\n${modelDataUrl}`).digest('hex').slice(0, 12);
}

/**
 * Deterministic model name: `<prefix>-<run id>-<hash of image and artifact>`, so a re-run of the
 * same workflow run re-uses the model it created before instead of piling up duplicates.
 */
export function deterministicModelName(
  prefix: string,
  runId: string,
  image: string,
  modelDataUrl: string,
): string {
  const cleanPrefix =
    prefix
      .replace(/[^a-zA-Z0-9-]/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'model';
  const run = runId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 20) || 'local';
  const hash = modelHash(image, modelDataUrl);
  const head = `${cleanPrefix}-${run}`.slice(0, 63 - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

/**
 * The key of one attempt of a run (`<run id>-<attempt>`), for names that must differ between
 * attempts (a transform job's output must not mix with an earlier attempt's); outside GitHub
 * Actions a time-based key, so local runs never collide.
 */
export function runAttemptKey(run: RunIdentity, now: number): string {
  if (run.runId) return `${run.runId}-${run.attempt || '1'}`;
  return `local-${now.toString(36)}`;
}

/** Transform job name: `eval-<label>-<run key>-<hash of model and input>`. */
export function transformJobName(runKey: string, label: string, modelName: string, inputUri: string): string {
  const hash = createHash('sha256').update(`${modelName}\n${inputUri}`).digest('hex').slice(0, 8);
  const run = runKey.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
  const head = `eval-${label}-${run}`.slice(0, 63 - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}
