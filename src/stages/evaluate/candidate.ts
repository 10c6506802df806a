import type { AwsClients } from '../../aws/clients.js';
import { systemClock } from '../../aws/poller.js';
import { errorMessage } from '../../core/errors.js';
import { computeMetricsOnCores } from '../../metrics/compute-parallel.js';
import { DataError, readLabels, readPredictions } from '../../metrics/read.js';
import type { EvaluationResult } from '../../metrics/types.js';
import { builtinXgboostImage } from '../../sagemaker/images.js';
import { runAttemptKey } from '../../sagemaker/naming.js';
import { runIdentityFromEnv } from '../../core/run-identity.js';
import { usableArtifact, type ChampionInfo } from './champion.js';
import { readReport } from './report-file.js';
import type { EvaluateDeps } from './deps.js';
import type { EvaluateSettings } from './settings.js';
import { resolveSource } from './sources.js';
import { scoreWithTransform, siblingBase, uploadFeatures, type TransformContext } from './transform-flow.js';

/** The candidate's metrics and, in the transform flow, the scores both models gave the same rows. */
export interface Scored {
  result: EvaluationResult;
  labels?: Float64Array;
  scores?: Float64Array;
  champion?: { scores: Float64Array; result: EvaluationResult } | undefined;
  championError?: string;
}

export interface CandidateOutcome {
  scored: Scored | undefined;
  /** How the predictions were obtained, for the summary. */
  sourceText: string;
  /** A fail-closed problem (bad data: the message names the file/line and the fix). */
  problem: string | undefined;
}

/**
 * Gets the candidate's predictions from the configured source and computes its metrics; in the
 * transform flow the champion (when its artifact is usable) is scored on the same rows at the
 * same time. Bad data becomes a fail-closed problem, not an exception.
 */
export async function scoreCandidate(
  settings: EvaluateSettings,
  champion: ChampionInfo | undefined,
  deps: EvaluateDeps,
  aws: () => AwsClients,
): Promise<CandidateOutcome> {
  const s3 = () => aws().s3();
  const sm = () => aws().sagemaker();
  const { source, problemType } = settings;
  const metricOpts = {
    threshold: settings.probabilityThreshold,
    ...(deps.bootstrap?.seed !== undefined ? { seed: deps.bootstrap.seed } : {}),
  };
  const sourceText =
    source.kind === 'model-artifact'
      ? `batch transform of ${source.modelArtifact.uri}`
      : source.kind === 'predictions'
        ? `predictions ${source.predictions}`
        : `report ${source.report}`;
  let scored: Scored | undefined;
  try {
    if (source.kind === 'evaluation-report') {
      scored = {
        result: await readReport(
          source.report,
          { input: 'evaluation-report', workDir: deps.workDir, s3 },
          settings,
        ),
      };
    } else {
      const test = await resolveSource(source.testData, { input: 'test-data', workDir: deps.workDir, s3 });
      const labels = await readLabels(test.files, { labelColumn: settings.labelColumn });
      const numClasses = problemType === 'multiclass-classification' ? numClassesOf(labels) : undefined;
      if (source.kind === 'predictions') {
        const preds = await resolveSource(source.predictions, {
          input: 'predictions',
          workDir: deps.workDir,
          s3,
          prefer: '.out',
        });
        const p = await readPredictions(preds.files, { problemType, ...(numClasses ? { numClasses } : {}) });
        scored = {
          result: await computeMetricsOnCores(problemType, labels, p, metricOpts),
          labels,
          scores: p.scores,
        };
      } else {
        const region = aws().region;
        const ctx: TransformContext = {
          sm: await sm(),
          s3: await s3(),
          runId: deps.env['GITHUB_RUN_ID'] || 'local',
          runKey: runAttemptKey(runIdentityFromEnv(deps.env), (deps.clock ?? systemClock).now()),
          roleArn: source.roleArn,
          instanceType: settings.instanceType,
          workDir: deps.workDir,
          deadline:
            settings.timeoutMs === undefined
              ? undefined
              : (deps.clock ?? systemClock).now() + settings.timeoutMs,
          ...(deps.clock ? { clock: deps.clock } : {}),
          ...(deps.sleep ? { sleep: deps.sleep } : {}),
          signal: deps.signal,
          poll: deps.poll,
          ...(deps.activeJobs ? { activeJobs: deps.activeJobs } : {}),
          log: deps.log.info,
        };
        const base = test.s3
          ? {
              bucket: test.s3.bucket,
              prefix: siblingBase(test.s3.prefix ?? test.s3.keys[0]!, test.s3.prefix !== undefined),
            }
          : {
              bucket: source.modelArtifact.bucket,
              prefix: source.modelArtifact.key.slice(0, source.modelArtifact.key.lastIndexOf('/') + 1),
            };
        const features = await uploadFeatures(ctx, test.files, settings.labelColumn, base);
        const image = source.image ?? builtinXgboostImage(region);
        const opts = { problemType, numClasses };
        const scoreChampion = champion && usableArtifact(champion.modelDataUrl);
        const candidateRun = scoreWithTransform(
          ctx,
          features,
          { label: 'candidate', image, modelDataUrl: source.modelArtifact.uri },
          opts,
        );
        const championRun = scoreChampion
          ? scoreWithTransform(
              ctx,
              features,
              { label: 'champion', image: champion!.image ?? image, modelDataUrl: champion!.modelDataUrl! },
              opts,
            )
          : undefined;
        // Wait for both, so a failing candidate does not leave the champion's job unattended.
        const [cand, champ] = await Promise.allSettled([
          candidateRun,
          championRun ?? Promise.resolve(undefined),
        ]);
        if (cand.status === 'rejected') throw cand.reason;
        scored = {
          result: await computeMetricsOnCores(problemType, labels, cand.value, metricOpts),
          labels,
          scores: cand.value.scores,
        };
        if (champ.status === 'rejected') {
          scored.championError = errorMessage(champ.reason);
        } else if (champ.value) {
          try {
            scored.champion = {
              scores: champ.value.scores,
              result: await computeMetricsOnCores(problemType, labels, champ.value, metricOpts),
            };
          } catch (err) {
            scored.championError = errorMessage(err);
          }
        }
      }
    }
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    return { scored: undefined, sourceText, problem: err.message };
  }
  return { scored, sourceText, problem: undefined };
}

function numClassesOf(labels: Float64Array): number {
  let max = 0;
  for (const v of labels) if (v > max) max = v;
  return Math.max(2, Math.floor(max) + 1);
}
