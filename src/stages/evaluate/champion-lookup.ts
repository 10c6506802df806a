import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { errorMessage } from '../../core/errors.js';
import { parseS3Uri } from '../../core/inputs.js';
import { DataError } from '../../metrics/read.js';
import { parseModelQualityReport } from '../../metrics/report.js';
import type { EvaluationResult } from '../../metrics/types.js';
import type { Comparison } from '../../gates/champion.js';
import { describeModelPackage, findLatestApproved } from '../../sagemaker/registry.js';
import type { Scored } from './candidate.js';
import {
  comparisonMetrics,
  pairedComparisons,
  registeredComparisons,
  type ChampionInfo,
} from './champion.js';
import type { EvaluateSettings } from './settings.js';
import { getObjectText } from '../../aws/s3.js';

/** The latest Approved package of the group with what is needed to score or compare with it. */
export async function lookupChampion(sm: SageMakerClient, group: string): Promise<ChampionInfo | undefined> {
  const summary = await findLatestApproved(sm, group);
  if (!summary?.ModelPackageArn) return undefined;
  const d = await describeModelPackage(sm, summary.ModelPackageArn);
  const container = d.InferenceSpecification?.Containers?.[0];
  return {
    arn: summary.ModelPackageArn,
    version: summary.ModelPackageVersion,
    image: container?.Image,
    modelDataUrl: container?.ModelDataUrl,
    reportUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
  };
}

export async function championReport(
  champion: ChampionInfo,
  s3: () => Promise<S3Client>,
): Promise<EvaluationResult> {
  if (!champion.reportUri)
    throw new DataError(`package ${champion.arn} has no ModelMetrics.ModelQuality.Statistics`);
  const loc = parseS3Uri('champion report', champion.reportUri);
  const text = await getObjectText(await s3(), loc.bucket, loc.key);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DataError(`${champion.reportUri}: not valid JSON (${errorMessage(err)})`);
  }
  return parseModelQualityReport(json, champion.reportUri);
}

/**
 * Compares the candidate with the champion: paired tests when both were scored on the same rows,
 * else the champion's registered metrics (plain differences, said so in the notes).
 */
export async function compareWithChampion(
  settings: EvaluateSettings,
  champion: ChampionInfo,
  candidate: EvaluationResult,
  scored: Scored | undefined,
  s3: () => Promise<S3Client>,
  bootstrap: { iterations?: number; seed?: number } | undefined,
): Promise<{ comparisons: Comparison[]; how: string | undefined; notes: string[] }> {
  const notes: string[] = [];
  const metrics = comparisonMetrics(settings.problemType, settings.thresholds, settings.maxRegression);
  if (scored?.champion && scored.labels && scored.scores) {
    const paired = pairedComparisons(
      metrics,
      scored.labels,
      { scores: scored.scores, metrics: candidate.metrics },
      { scores: scored.champion.scores, metrics: scored.champion.result.metrics },
      { threshold: settings.probabilityThreshold, confidence: settings.confidence, ...bootstrap },
    );
    return {
      comparisons: paired.comparisons,
      how: `scored on the same ${candidate.rows} rows; paired tests at ${Math.round(settings.confidence * 100)}% confidence`,
      notes: paired.notes,
    };
  }
  if (scored?.championError) {
    notes.push(
      `the champion's model could not be scored (${scored.championError}); compared with its registered metrics instead`,
    );
  } else if (settings.source.kind === 'model-artifact') {
    notes.push(
      `the champion's artifact (${champion.modelDataUrl ?? 'none'}) is not a usable model.tar.gz; compared with its registered metrics`,
    );
  }
  let registered: EvaluationResult;
  try {
    registered = await championReport(champion, s3);
  } catch (err) {
    // No comparisons then: decideGate fails any max-regression rule closed.
    notes.push(`the champion's registered metrics could not be read (${errorMessage(err)})`);
    return { comparisons: [], how: undefined, notes };
  }
  const r = registeredComparisons(metrics, candidate.metrics, registered, settings.confidence);
  return {
    comparisons: r.comparisons,
    how: `compared with its registered metrics (${champion.reportUri}); no confidence interval, max-regression uses the plain difference`,
    notes: [...notes, ...r.notes],
  };
}
