/**
 * The drift check as one process, for bench/drift-vs-pandas.mjs (bundled with esbuild; the bundle
 * is also its own worker-thread script): baseline CSV -> statistics + constraints, then capture
 * folder -> per-feature statistics, violations and drift. Prints one JSON line.
 *
 *   node drift-cli.mjs <baseline.csv> <capture-dir> [workers]
 */
import { listLocalFiles } from '../src/monitor/capture-files.js';
import { scanBaselineCsv } from '../src/monitor/baseline-csv.js';
import { runChecks } from '../src/monitor/checks.js';
import { suggestConstraints } from '../src/monitor/constraints.js';
import { scanCapture, serveScanWorker } from '../src/monitor/scan-pool.js';
import { isNumeric, statisticsFromProfiles } from '../src/monitor/statistics.js';

async function main(): Promise<void> {
  const [baselineCsv, captureDir, workers] = process.argv.slice(2);
  const t0 = performance.now();
  const b = scanBaselineCsv([baselineCsv!]);
  const baseline = statisticsFromProfiles(b.names, b.sink.profiles, b.sink.rows);
  const constraints = suggestConstraints(baseline);
  const t1 = performance.now();
  const files = listLocalFiles(captureDir!);
  const scan = await scanCapture({
    files,
    sinceMs: -Infinity,
    untilMs: Infinity,
    featureNames: b.names,
    collectPredictions: false,
    requireInput: true,
    ...(workers ? { workers: Number(workers) } : {}),
  });
  const result = runChecks(baseline, constraints, scan.sink);
  const t2 = performance.now();
  const features = Object.fromEntries(
    result.statistics.features.map((f) => [
      f.name,
      isNumeric(f)
        ? {
            count: f.present,
            mean: f.mean,
            std: f.stdDev,
            min: f.min,
            max: f.max,
            median: f.sketch.quantile(0.5),
          }
        : { count: f.present, distinct: f.distinctCount },
    ]),
  );
  console.log(
    JSON.stringify({
      bytes: scan.bytes,
      records: scan.records,
      rows: scan.sink.rows,
      workers: scan.workers,
      baselineSeconds: (t1 - t0) / 1000,
      scanSeconds: (t2 - t1) / 1000,
      violations: result.violations.length,
      drifted: result.drift.filter((d) => d.drifted).map((d) => d.name),
      features,
    }),
  );
}

if (!serveScanWorker()) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
