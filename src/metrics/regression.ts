/** Regression metrics as scikit-learn 1.2 defines them (r2_score with force_finite=True). */
/** Local bindings: hot loops avoid global lookups (slow inside vm contexts such as jest). */
const { abs } = Math;

function neumaier(): { add(v: number): void; value(): number } {
  let sum = 0;
  let c = 0;
  return {
    add(v: number) {
      const t = sum + v;
      c += abs(sum) >= abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    },
    value: () => sum + c,
  };
}

export function regressionMetrics(
  y: Float64Array,
  pred: Float64Array,
  w: Uint8Array | Uint32Array | null = null,
): Record<string, number> {
  const n = y.length;
  let count = 0;
  const ySum = neumaier();
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i]!;
    if (wi === 0) continue;
    count += wi;
    ySum.add(y[i]! * wi);
  }
  if (count === 0) return { mae: NaN, mse: NaN, rmse: NaN, r2: NaN };
  const mean = ySum.value() / count;
  const absErr = neumaier();
  const sq = neumaier();
  const tot = neumaier();
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i]!;
    if (wi === 0) continue;
    const d = y[i]! - pred[i]!;
    absErr.add(abs(d) * wi);
    sq.add(d * d * wi);
    const m = y[i]! - mean;
    tot.add(m * m * wi);
  }
  const mse = sq.value() / count;
  const ssRes = sq.value();
  const ssTot = tot.value();
  let r2: number;
  if (count < 2)
    r2 = NaN; // sklearn: R^2 is not well-defined with fewer than two samples
  else if (ssTot !== 0) r2 = 1 - ssRes / ssTot;
  else r2 = ssRes === 0 ? 1 : 0;
  return { mae: absErr.value() / count, mse, rmse: Math.sqrt(mse), r2 };
}
