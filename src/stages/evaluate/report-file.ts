import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Location } from '../../core/inputs.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { DataError } from '../../metrics/read.js';
import { parseModelQualityReport } from '../../metrics/report.js';
import type { EvaluationResult } from '../../metrics/types.js';
import type { EvaluateSettings } from './settings.js';
import { resolveSource } from './sources.js';
import { putText } from '../../aws/s3.js';

/** Where the report is saved locally: $RUNNER_TEMP/evaluation/evaluation.json, else ./evaluation/evaluation.json. */
export function localReportPath(env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  return join(env['RUNNER_TEMP'] || cwd, 'evaluation', 'evaluation.json');
}

/** `s3://b/jobs/x/output/model.tar.gz` → `s3://b/jobs/x/output/evaluation/evaluation.json`. */
export function reportUriNextTo(artifact: S3Location): S3Location {
  const dir = artifact.key.includes('/') ? artifact.key.slice(0, artifact.key.lastIndexOf('/') + 1) : '';
  const key = `${dir}evaluation/evaluation.json`;
  return { bucket: artifact.bucket, key, uri: `s3://${artifact.bucket}/${key}` };
}

export function reportJson(report: Record<string, unknown>): string {
  // NaN is not JSON: SageMaker writes the string "NaN" (as for standard deviations).
  return `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}

export async function saveReportLocally(file: string, report: Record<string, unknown>): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, reportJson(report), 'utf8');
}

export async function uploadReport(
  s3: S3Client,
  target: S3Location,
  report: Record<string, unknown>,
): Promise<string> {
  await putText(s3, target.bucket, target.key, reportJson(report), 'application/json');
  return target.uri;
}

async function readJson(file: string, location: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new DataError(
      `${location}: not valid JSON (${errorMessage(err)}); fix: point it at a model-quality JSON report such as evaluation.json`,
    );
  }
}

/** The `evaluation-report` source: one model-quality JSON (a folder/prefix must hold evaluation.json). */
export async function readReport(
  location: string,
  opts: Parameters<typeof resolveSource>[1],
  settings: EvaluateSettings,
): Promise<EvaluationResult> {
  const resolved = await resolveSource(location, { ...opts, prefer: '.json' });
  const files = resolved.files;
  const file =
    files.length === 1
      ? files[0]!
      : files.find((f) => f.endsWith('/evaluation.json') || f === 'evaluation.json');
  if (!file) {
    throw new ConfigurationError(
      `input 'evaluation-report': ${location} holds ${files.length} files and no evaluation.json; point it at the report itself`,
    );
  }
  const result = parseModelQualityReport(await readJson(file, location), location);
  if (result.problemType !== settings.problemType) {
    throw new ConfigurationError(
      `input 'problem-type': ${settings.problemType} does not match the report ${location}, which holds ${result.problemType} metrics; set problem-type: ${result.problemType}`,
    );
  }
  return result;
}
