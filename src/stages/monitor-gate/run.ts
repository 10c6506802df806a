/**
 * monitor-gate orchestration. Baseline: CSV -> statistics.json + constraints.json (+ schedule).
 * Check: every configured source (violations report, latest monitoring execution, capture vs
 * baseline, ground truth, alarms) gathered into one list of violations and findings; the gate
 * decision itself is pure (src/gates/violations.ts).
 */
import { ConfigurationError, StageFailure } from '../../core/errors.js';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { Logger } from '../../core/log.js';
import type { createAwsClients } from '../../aws/clients.js';
import { checkAlarms, type AlarmCheck } from '../../aws/cloudwatch.js';
import { isNotFound } from '../../aws/errors.js';
import {
  latestMonitoringExecution,
  modelMonitorImage,
  upsertDataQualitySchedule,
} from '../../sagemaker/monitoring.js';
import { evaluateThresholds, type RuleOutcome } from '../../gates/thresholds.js';
import { judgeViolations, type GateViolation, type ViolationVerdict } from '../../gates/violations.js';
import { scanBaselineCsv } from '../../monitor/baseline-csv.js';
import { runChecks, type CheckResult } from '../../monitor/checks.js';
import { constraintsJson, parseConstraints, suggestConstraints } from '../../monitor/constraints.js';
import { modelQuality, readGroundTruth, type QualityResult } from '../../monitor/ground-truth.js';
import { scanCapture, type ScanAggregate } from '../../monitor/scan-pool.js';
import { warmWorkers } from '../../workers/pool.js';
import {
  isNumeric,
  parseStatistics,
  statisticsFromProfiles,
  statisticsJson,
} from '../../monitor/statistics.js';
import { parseViolations, violationsJson } from '../../monitor/violations.js';
import { reportJson } from '../../monitor/json-util.js';
import { defaultReportUri, gatherFiles, isS3, readText, writeOutput } from './io.js';
import type { CheckSettings, MonitorGateSettings } from './settings.js';

type Aws = ReturnType<typeof createAwsClients>;

export interface MonitorGateDeps {
  aws: () => Aws;
  workDir: string;
  log: Logger;
  now: number;
  workers?: number;
}

export interface BaselineOutcome {
  statisticsUri: string;
  constraintsUri: string;
  rows: number;
  features: { name: string; type: string; completeness: number }[];
  schedule?: string;
}

async function featureNames(
  spec: string | undefined,
  s3: () => Promise<import('@aws-sdk/client-s3').S3Client>,
): Promise<string[] | undefined> {
  if (!spec) return undefined;
  const t = spec.trim();
  if (/\.json$/i.test(t) || isS3(t)) {
    const doc = JSON.parse(await readText('features', t, s3)) as unknown;
    const list = Array.isArray(doc) ? doc : (doc as { features?: unknown }).features;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string') || list.length === 0) {
      throw new ConfigurationError(
        `input 'features': ${JSON.stringify(t)} holds no list of feature names; expected features.json with {"features": ["a", "b", ...]} or a JSON list`,
      );
    }
    return list as string[];
  }
  return t
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The region's Model Monitor image, and proof that the endpoint to monitor exists. */
async function scheduleTarget(
  sm: SageMakerClient,
  endpointName: string,
): Promise<{ sm: typeof sm; imageUri: string }> {
  const region = await sm.config.region();
  const imageUri = modelMonitorImage(region);
  if (!imageUri) {
    throw new ConfigurationError(
      `create-schedule: no Model Monitor analyzer image is known for region ${region}; see AWS's model-monitor-pre-built-container page`,
    );
  }
  const { DescribeEndpointCommand } = await import('../../aws/sdk-sagemaker.js');
  try {
    await sm.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    throw new ConfigurationError(
      `input 'endpoint-name': ${JSON.stringify(endpointName)} is not an endpoint in ${region}; create-schedule monitors an existing endpoint: deploy it first, or fix the name`,
    );
  }
  return { sm, imageUri };
}

export async function runBaseline(
  settings: MonitorGateSettings,
  deps: MonitorGateDeps,
): Promise<BaselineOutcome> {
  const b = settings.baseline!;
  const s3 = () => deps.aws().s3();
  // Everything create-schedule needs is checked before anything is written.
  const schedule = b.createSchedule
    ? await scheduleTarget(await deps.aws().sagemaker(), settings.endpointName!)
    : undefined;
  const names = await featureNames(b.features, s3);
  const src = await gatherFiles('baseline-data', b.data, deps.workDir, s3);
  const csv = src.files.filter((f) => /\.csv$/i.test(f.path) || src.files.length === 1);
  deps.log.info(
    `baseline: ${csv.length} CSV file(s), ${names ? `${names.length} named feature(s), no header` : 'header row'}`,
  );
  const scan = scanBaselineCsv(
    csv.map((f) => f.path),
    names,
  );
  const stats = statisticsFromProfiles(scan.names, scan.sink.profiles, scan.sink.rows);
  const wide = [...scan.sink.columnCounts.keys()].filter((c) => c !== scan.names.length);
  if (wide.length > 0) {
    throw new StageFailure(
      `baseline-data: rows with ${wide.join(', ')} column(s) where the header/features name ${scan.names.length}; fix: every row must have one value per feature`,
    );
  }
  const constraints = suggestConstraints(stats, {
    comparisonThreshold: b.comparisonThreshold,
    comparisonMethod: b.comparisonMethod,
  });
  const statisticsUri = await writeOutput(
    'output-uri',
    b.outputUri,
    'statistics.json',
    reportJson(statisticsJson(stats)),
    s3,
  );
  const constraintsUri = await writeOutput(
    'output-uri',
    b.outputUri,
    'constraints.json',
    reportJson(constraintsJson(constraints)),
    s3,
  );
  const out: BaselineOutcome = {
    statisticsUri,
    constraintsUri,
    rows: stats.itemCount,
    features: constraints.features.map((f) => ({
      name: f.name,
      type: f.type,
      completeness: f.completeness ?? 1,
    })),
  };
  if (schedule) {
    const scheduleName = `${settings.endpointName}-data-quality`.slice(0, 63);
    const how = await upsertDataQualitySchedule(schedule.sm, {
      scheduleName,
      endpointName: settings.endpointName!,
      roleArn: b.roleArn!,
      statisticsUri,
      constraintsUri,
      outputUri: `${b.outputUri.replace(/\/+$/, '')}/monitoring`,
      cron: 'cron(0 * ? * * *)',
      imageUri: schedule.imageUri,
    });
    out.schedule = `${scheduleName} (${how})`;
  }
  return out;
}

export interface Finding {
  kind: 'schedule' | 'quality' | 'join-rate' | 'alarm' | 'data';
  passed: boolean;
  message: string;
}

export interface CheckOutcome {
  violations: GateViolation[];
  verdict: ViolationVerdict;
  findings: Finding[];
  capture?: {
    scan: ScanAggregate;
    result: CheckResult;
    files: string[];
    reportUri: string;
    statisticsUri: string;
  };
  quality?: { result: QualityResult; rules: RuleOutcome[]; reportUri: string | undefined };
  alarms: AlarmCheck[];
  execution?: { status: string; scheduledTime: string; reportUri?: string };
  passed: boolean;
  reportUri: string | undefined;
}

async function scheduleSource(
  c: CheckSettings,
  deps: MonitorGateDeps,
  violations: GateViolation[],
  findings: Finding[],
): Promise<CheckOutcome['execution']> {
  const sm = await deps.aws().sagemaker();
  const e = await latestMonitoringExecution(sm, c.monitoringSchedule!, deps.now - c.maxAgeMs);
  if (!e) {
    findings.push({
      kind: 'schedule',
      passed: false,
      message: `monitoring schedule ${c.monitoringSchedule}: no finished execution in the last ${Math.round(c.maxAgeMs / 3600_000)} h (max-age); the gate fails closed: check that the schedule runs and that data is captured`,
    });
    return undefined;
  }
  const status = e.MonitoringExecutionStatus ?? 'Unknown';
  const scheduledTime = e.ScheduledTime?.toISOString() ?? '';
  if (status === 'Failed' || status === 'Stopped') {
    deps.log.untrustedBlock(
      `monitoring execution ${status}; its FailureReason:`,
      e.FailureReason ?? '(none)',
    );
    findings.push({
      kind: 'schedule',
      passed: false,
      message: `the latest monitoring execution of ${c.monitoringSchedule} (${scheduledTime}) is ${status}; see its FailureReason in the log`,
    });
    return { status, scheduledTime };
  }
  if (status !== 'Completed' && status !== 'CompletedWithViolations') {
    findings.push({
      kind: 'schedule',
      passed: false,
      message: `the latest monitoring execution is ${status}, which this gate does not know; it fails closed`,
    });
    return { status, scheduledTime };
  }
  // The report sits in the processing job's output; its URI is on DescribeProcessingJob.
  const jobName = e.ProcessingJobArn?.split('/').pop();
  let reportUri: string | undefined;
  if (jobName) {
    const { DescribeProcessingJobCommand } = await import('../../aws/sdk-sagemaker.js');
    try {
      const job = await sm.send(new DescribeProcessingJobCommand({ ProcessingJobName: jobName }));
      const out = job.ProcessingOutputConfig?.Outputs?.[0]?.S3Output?.S3Uri;
      if (out) reportUri = `${out.replace(/\/+$/, '')}/constraint_violations.json`;
    } catch (err) {
      // A processing job AWS no longer keeps (or never had): no report location; handled below.
      if (!isNotFound(err)) throw err;
      deps.log.info(`monitoring execution ${scheduledTime}: its processing job ${jobName} does not exist`);
    }
  }
  if (status === 'CompletedWithViolations') {
    if (!reportUri) {
      findings.push({
        kind: 'schedule',
        passed: false,
        message: `the latest execution has violations but no report location; the gate fails closed`,
      });
    } else {
      let text: string;
      try {
        text = await readText('monitoring-schedule', reportUri, () => deps.aws().s3());
      } catch (err) {
        if (!(err instanceof ConfigurationError)) throw err;
        throw new StageFailure(
          `the latest execution of ${c.monitoringSchedule} (${scheduledTime}) reports violations, but its report ${reportUri} does not exist; the gate fails closed. Fix: check the processing job ${jobName}'s output`,
        );
      }
      for (const v of parseViolations(text, reportUri))
        violations.push({ ...v, source: `execution ${scheduledTime}` });
    }
  }
  return { status, scheduledTime, ...(reportUri ? { reportUri } : {}) };
}

export async function runCheck(settings: MonitorGateSettings, deps: MonitorGateDeps): Promise<CheckOutcome> {
  const c = settings.check!;
  const s3 = () => deps.aws().s3();
  const violations: GateViolation[] = [];
  const findings: Finding[] = [];
  const out: Partial<CheckOutcome> = { alarms: [] };
  if (c.violationsReport) {
    const text = await readText('violations-report', c.violationsReport, s3);
    for (const v of parseViolations(text, c.violationsReport))
      violations.push({ ...v, source: 'violations-report' });
  }
  if (c.monitoringSchedule) out.execution = await scheduleSource(c, deps, violations, findings);
  let reportUri: string | undefined;
  if (c.captureUri) {
    // The scan's worker threads start now, while this thread lists files and reads the baseline.
    warmWorkers(deps.workers === undefined ? undefined : deps.workers - 1);
    const window = { sinceMs: c.sinceMs, untilMs: c.untilMs };
    const src = await gatherFiles('capture-uri', c.captureUri, deps.workDir, s3, window);
    const withBaseline = Boolean(c.baselineStatistics && c.baselineConstraints);
    // Read while the constraints are read and the scan starts (a download overlaps the scan); its
    // failure surfaces where it is awaited, in `meanwhile` (the catch only keeps a failure that
    // comes before then from counting as unhandled).
    const statisticsRead = withBaseline
      ? readText('baseline-statistics', c.baselineStatistics!, s3)
      : undefined;
    statisticsRead?.catch(() => undefined);
    const constraints = withBaseline
      ? parseConstraints(
          await readText('baseline-constraints', c.baselineConstraints!, s3),
          c.baselineConstraints!,
        )
      : undefined;
    let baseline: ReturnType<typeof parseStatistics> | undefined;
    const scan = await scanCapture({
      files: src.files,
      sinceMs: c.sinceMs,
      untilMs: c.untilMs,
      featureNames: constraints?.features.map((f) => f.name) ?? [],
      collectPredictions: Boolean(c.groundTruthUri),
      requireInput: withBaseline,
      ...(deps.workers ? { workers: deps.workers } : {}),
      // parsed while the workers start scanning (its sketches take a while), with the baseline
      // sketches' distributions the drift check reads, so the check after the scan is shorter
      meanwhile: async () => {
        if (statisticsRead === undefined) return;
        baseline = parseStatistics(await statisticsRead, c.baselineStatistics!);
        for (const f of baseline.features) {
          await new Promise((resolve) => setImmediate(resolve)); // a worker may want its next batch
          if (isNumeric(f)) f.sketch.cdf();
        }
      },
    });
    if (scan.workerFailures.length > 0)
      deps.log.warning(
        `capture scan: ${scan.fallbacks} range(s) were scanned on the main thread because a worker thread failed (${scan.workerFailures.join('; ')})`,
      );
    if (scan.records === 0) {
      throw new StageFailure(
        `capture-uri: no data-capture records between ${new Date(c.sinceMs).toISOString()} and ${new Date(c.untilMs).toISOString()} (${src.files.length} file(s) read, ${scan.outsideWindow} record(s) outside the window); the gate fails closed. Fix: check that the endpoint captures data (DataCaptureConfig) and that since/until cover traffic`,
      );
    }
    reportUri = c.reportUri ?? defaultReportUri(c.captureUri, settings.endpointName, c.untilMs);
    if (baseline && constraints) {
      const result = runChecks(baseline, constraints, scan.sink);
      for (const v of result.violations) violations.push({ ...v, source: 'capture' });
      const statisticsUri = await writeOutput(
        'report-uri',
        reportUri,
        'statistics.json',
        reportJson(statisticsJson(result.statistics)),
        s3,
      );
      const vUri = await writeOutput(
        'report-uri',
        reportUri,
        'constraint_violations.json',
        reportJson(violationsJson(result.violations)),
        s3,
      );
      out.capture = { scan, result, files: src.origin, reportUri: vUri, statisticsUri };
    }
    if (c.groundTruthUri) {
      const gtSrc = await gatherFiles('ground-truth-uri', c.groundTruthUri, deps.workDir, s3);
      const gt = readGroundTruth(gtSrc.files.map((f) => f.path));
      const q = modelQuality(
        scan.predictionKeys,
        scan.predictionOutputs,
        gt,
        c.problemType,
        c.probabilityThreshold,
      );
      const rules = evaluateThresholds(c.qualityThresholds, q.evaluation.metrics);
      for (const r of rules) {
        if (!r.passed)
          violations.push({
            feature_name: r.metric,
            constraint_check_type: 'model_quality_check',
            description: r.message,
            source: 'ground truth',
          });
      }
      const joinOk = q.joinRate >= c.minJoinRate;
      findings.push({
        kind: 'join-rate',
        passed: joinOk,
        message: `join rate ${(q.joinRate * 100).toFixed(1)}% (${q.matched} of ${q.captured} captured predictions have ground truth)${joinOk ? '' : `, under min-join-rate ${c.minJoinRate}: the model-quality gate fails closed (label more of the traffic, or lower min-join-rate)`}`,
      });
      const qUri = await writeOutput(
        'report-uri',
        reportUri,
        'model_quality_statistics.json',
        reportJson(q.report),
        s3,
      );
      out.quality = { result: q, rules, reportUri: qUri };
    }
  }
  if (c.alarms.length) {
    const cw = await deps.aws().cloudwatch();
    out.alarms = await checkAlarms(cw, c.alarms, new Date(deps.now));
    for (const a of out.alarms) {
      const ok = a.found && a.state === 'OK' && !a.noData;
      findings.push({
        kind: 'alarm',
        passed: ok,
        message: !a.found
          ? `alarm ${a.name} does not exist`
          : a.noData
            ? `alarm ${a.name} is misconfigured: its metric had no data in its whole evaluation window (a wrong namespace, metric or dimension)`
            : `alarm ${a.name} is ${a.state}`,
      });
    }
  }
  const verdict = judgeViolations(violations, c.maxViolations, c.ignoreFeatures);
  const passed = verdict.passed && findings.every((f) => f.passed);
  return {
    ...(out as CheckOutcome),
    violations,
    verdict,
    findings,
    passed,
    reportUri: out.capture?.reportUri ?? reportUri,
  };
}
