/**
 * Model quality from ground truth: SageMaker's ground-truth JSON Lines
 * ({"groundTruthData": {"data": "1", "encoding": "CSV"}, "eventMetadata": {"eventId": ...},
 * "eventVersion": "0"}), joined with the captured predictions by the capture's inferenceId when the
 * caller set one, else its eventId (sagemaker.md §6), then scored by the evaluate action's exact
 * metrics engine and written as model-quality JSON.
 */
import { readFileSync } from 'node:fs';
import { computeMetrics } from '../metrics/compute.js';
import { parseNumberText } from '../metrics/parse-number.js';
import type { EvaluationResult, ProblemType } from '../metrics/types.js';
import { MonitorDataError } from './errors.js';
import { isObj } from './json-util.js';

const FIX_GT =
  'fix: write ground truth as JSON Lines {"groundTruthData": {"data": "<label>", "encoding": "CSV"}, "eventMetadata": {"eventId": "<the capture\'s inferenceId or eventId>"}, "eventVersion": "0"}';

export interface GroundTruth {
  labels: Map<string, number>;
  records: number;
  files: number;
}

export function readGroundTruth(files: string[]): GroundTruth {
  const labels = new Map<string, number>();
  let records = 0;
  for (const file of files) {
    let text: string;
    try {
      const bytes = readFileSync(file);
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (err) {
      throw new MonitorDataError(`cannot read ${file} as UTF-8 text: ${(err as Error).message}; ${FIX_GT}`);
    }
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '') return;
      const at = `${file}:${i + 1}`;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (err) {
        throw new MonitorDataError(`${at}: not valid JSON (${(err as Error).message}); ${FIX_GT}`);
      }
      if (!isObj(rec) || !isObj(rec.groundTruthData) || !isObj(rec.eventMetadata)) {
        throw new MonitorDataError(
          `${at}: the record needs groundTruthData and eventMetadata objects; ${FIX_GT}`,
        );
      }
      const id = rec.eventMetadata.eventId;
      const data = rec.groundTruthData.data;
      const encoding = rec.groundTruthData.encoding ?? 'CSV';
      if (typeof id !== 'string' || id === '')
        throw new MonitorDataError(`${at}: eventMetadata.eventId is missing; ${FIX_GT}`);
      if (typeof data !== 'string' && typeof data !== 'number')
        throw new MonitorDataError(`${at}: groundTruthData.data is missing; ${FIX_GT}`);
      let text2 = String(data);
      if (encoding === 'BASE64') text2 = Buffer.from(text2, 'base64').toString('utf8');
      else if (encoding === 'JSON') {
        try {
          const v = JSON.parse(text2) as unknown;
          text2 = String(isObj(v) ? (v.label ?? v.ground_truth ?? '') : v);
        } catch {
          throw new MonitorDataError(
            `${at}: groundTruthData.data is marked JSON but does not parse; ${FIX_GT}`,
          );
        }
      } else if (encoding !== 'CSV')
        throw new MonitorDataError(
          `${at}: groundTruthData.encoding ${JSON.stringify(encoding)} is not CSV, JSON or BASE64; ${FIX_GT}`,
        );
      const label = parseNumberText(text2.split(',')[0] ?? '');
      if (!Number.isFinite(label))
        throw new MonitorDataError(
          `${at}: label ${JSON.stringify(text2.slice(0, 40))} is not a number; ${FIX_GT}`,
        );
      records++;
      if (labels.has(id) && labels.get(id) !== label) {
        throw new MonitorDataError(`${at}: event ${JSON.stringify(id)} has two different labels; ${FIX_GT}`);
      }
      labels.set(id, label);
    });
  }
  return { labels, records, files: files.length };
}

/** The prediction in an endpoint output payload: a number, the first CSV value, or a JSON score. */
export function predictionOf(output: string): number {
  const t = output.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      let v: unknown = JSON.parse(t);
      for (let k = 0; k < 4; k++) {
        if (Array.isArray(v)) v = v[0];
        else if (isObj(v))
          v =
            v.score ?? v.predictions ?? v.prediction ?? v.predicted_label ?? v.probability ?? v.probabilities;
        else break;
      }
      return typeof v === 'number' ? v : NaN;
    } catch {
      return NaN;
    }
  }
  return parseNumberText(t.split(/[,\n]/)[0] ?? '');
}

export interface QualityResult {
  evaluation: EvaluationResult;
  /** model-quality statistics file: {version, dataset: {item_count}, <problem>_metrics: {...}} */
  report: Record<string, unknown>;
  captured: number;
  matched: number;
  joinRate: number;
  groundTruthRecords: number;
}

export function modelQuality(
  keys: string[],
  outputs: string[],
  gt: GroundTruth,
  problemType: ProblemType,
  threshold: number,
): QualityResult {
  const labels: number[] = [];
  const scores: number[] = [];
  keys.forEach((k, i) => {
    const y = gt.labels.get(k);
    if (y === undefined) return;
    const s = predictionOf(outputs[i]!);
    if (!Number.isFinite(s)) {
      throw new MonitorDataError(
        `captured output for event ${JSON.stringify(k)} is ${JSON.stringify(outputs[i]!.slice(0, 40))}, not a prediction; fix: the endpoint must return a number (CSV) or JSON such as {"score": 0.7}`,
      );
    }
    labels.push(y);
    scores.push(s);
  });
  const matched = labels.length;
  const captured = keys.length;
  if (matched === 0) {
    throw new MonitorDataError(
      `none of the ${captured} captured prediction(s) in the window has ground truth (${gt.records} ground-truth record(s) read); fix: label with the capture's inferenceId (or eventId when no inference id was sent), and cover the same time window`,
    );
  }
  const evaluation = computeMetrics(
    problemType,
    Float64Array.from(labels),
    { scores: Float64Array.from(scores) },
    { threshold },
  );
  return {
    evaluation,
    report: { version: 0.0, dataset: { item_count: matched }, ...evaluation.report },
    captured,
    matched,
    joinRate: captured === 0 ? 0 : matched / captured,
    groundTruthRecords: gt.records,
  };
}
