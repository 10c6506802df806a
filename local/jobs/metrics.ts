/**
 * MetricDefinitions: each regex is applied to every log line (as CloudWatch shows it, tabs as
 * `#011`); the first capture group is the value. The last value of each metric becomes
 * FinalMetricDataList. For the built-in XGBoost image without MetricDefinitions, SageMaker's
 * own predefined definitions are used.
 */
export interface MetricDefinition {
  Name: string;
  Regex: string;
}

/** SageMaker's predefined XGBoost metrics (sagemaker.md section 4, plus auc and aucpr). */
const XGBOOST_METRICS = [
  'accuracy',
  'auc',
  'aucpr',
  'cox-nloglik',
  'error',
  'f1',
  'gamma-deviance',
  'gamma-nloglik',
  'logloss',
  'mae',
  'map',
  'merror',
  'mlogloss',
  'mse',
  'ndcg',
  'poisson-nloglik',
  'r2',
  'rmse',
  'rmsle',
  'tweedie-nloglik',
];
const NUMBER = '([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)';

export const XGBOOST_METRIC_DEFINITIONS: MetricDefinition[] = XGBOOST_METRICS.flatMap((m) =>
  (['train', 'validation'] as const).map((set) => ({
    Name: `${set}:${m}`,
    Regex: `.*\\[[0-9]+\\].*#011${set}-${m}:${NUMBER}.*`,
  })),
);

/** CloudWatch's rendering of a container line: tabs become `#011`. */
export const toCloudWatchLine = (line: string): string => line.replace(/\t/g, '#011');

export interface CompiledMetric {
  name: string;
  regex: RegExp;
}

/** Compiles definitions; a regex JS cannot compile is reported by name (the job fails on it). */
export function compileMetricDefinitions(defs: MetricDefinition[]): CompiledMetric[] {
  return defs.map((d) => {
    try {
      return { name: d.Name, regex: new RegExp(d.Regex) };
    } catch (err) {
      throw new Error(
        `MetricDefinitions '${d.Name}': regex ${JSON.stringify(d.Regex)} is not valid: ${(err as Error).message}`,
      );
    }
  });
}

/** Metric values found in one line. Pure. */
export function extractMetrics(line: string, metrics: CompiledMetric[]): { name: string; value: number }[] {
  const found: { name: string; value: number }[] = [];
  for (const m of metrics) {
    const match = m.regex.exec(line);
    const raw = match?.[1];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (Number.isFinite(value)) found.push({ name: m.name, value });
  }
  return found;
}

/** Keeps the last value of each metric (and when it was seen). */
export class MetricCollector {
  private readonly last = new Map<string, { value: number; timestamp: number }>();
  constructor(private readonly metrics: CompiledMetric[]) {}

  /** Returns what this line contributed. */
  observe(line: string, timestamp: number): { name: string; value: number }[] {
    const found = extractMetrics(line, this.metrics);
    for (const f of found) this.record(f.name, f.value, timestamp);
    return found;
  }

  /** Records a value found elsewhere (the MetricEvaluator's worker). */
  record(name: string, value: number, timestamp: number): void {
    this.last.set(name, { value, timestamp });
  }

  final(): { MetricName: string; Value: number; Timestamp: number }[] {
    return [...this.last.entries()].map(([name, v]) => ({
      MetricName: name,
      Value: v.value,
      Timestamp: v.timestamp,
    }));
  }
}
