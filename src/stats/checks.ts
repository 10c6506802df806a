/** Argument checks shared by the paired tests. */
import { StatsError } from './errors.js';
import { DataError } from '../metrics/data-error.js';

export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new StatsError(
      `confidence ${confidence} is not valid; expected a number between 0 and 1, e.g. 0.95`,
    );
  }
}

export function checkPaired(labels: Float64Array, a: Float64Array, b: Float64Array): void {
  if (a.length !== labels.length || b.length !== labels.length) {
    throw new DataError(
      `row-count mismatch: ${labels.length} labels, ${a.length} candidate and ${b.length} champion predictions; fix: score both models on the same test rows`,
    );
  }
}
