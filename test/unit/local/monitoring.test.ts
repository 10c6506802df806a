/**
 * sagemaker-local's monitoring executions, the pure parts: schedule expressions and windows, the
 * processing job request, container outputs (exit message, CloudWatch metric records), the
 * execution's status from its job, and the analyzer container run in-process on a temp root.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analysisWindow,
  dueSlot,
  hourPath,
  latestSlot,
  nextSlot,
  offsetProblem,
  parseOffset,
  parseScheduleExpression,
  windowHours,
} from '../../../local/monitoring/schedule-expression.js';
import { monitoringJobName, monitoringJobRequest, reportUri } from '../../../local/monitoring/job-request.js';
import { executionOutcome } from '../../../local/monitoring/execution.js';
import {
  endpointMetricsNamespace,
  metricRecord,
  publishContainerMetrics,
  readExitMessage,
} from '../../../local/jobs/container-outputs.js';
import { isModelMonitorAnalyzer } from '../../../local/jobs/inputs.js';
import type { LocalContext, Rec } from '../../../local/context.js';
import type { Datapoint } from '../../../local/services/cloudwatch.js';
import { analyze, main } from '../../../local/runtimes/model-monitor/analyzer.js';
import { constraintsJson, suggestConstraints } from '../../../src/monitor/constraints.js';
import { scanBaselineCsv } from '../../../src/monitor/baseline-csv.js';
import { statisticsFromProfiles, statisticsJson } from '../../../src/monitor/statistics.js';

const HOUR = 3_600_000;
const T = Date.parse('2026-03-10T14:00:00Z');
const time = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') });

describe('schedule expressions', () => {
  it('parses the documented forms and refuses others', () => {
    expect(parseScheduleExpression('cron(0 * ? * * *)')).toEqual({
      kind: 'hours',
      hours: Array.from({ length: 24 }, (_, h) => h),
    });
    expect(parseScheduleExpression('cron(0 12 ? * * *)')).toEqual({ kind: 'hours', hours: [12] });
    expect(parseScheduleExpression('cron(0 17/12 ? * * *)')).toEqual({ kind: 'hours', hours: [5, 17] });
    expect(parseScheduleExpression('cron(0 0/2 ? * * *)')).toEqual({
      kind: 'hours',
      hours: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
    });
    expect(parseScheduleExpression('NOW')).toEqual({ kind: 'now' });
    for (const bad of [
      'rate(1 hour)',
      'cron(5 * ? * * *)',
      'cron(0 24 ? * * *)',
      'cron(0 1/0 ? * * *)',
      'now',
    ])
      expect(parseScheduleExpression(bad)).toBeUndefined();
  });

  it('latestSlot is the newest scheduled hour at or before the time, nextSlot the first after', () => {
    const expr = fc.oneof(
      fc.constant('cron(0 * ? * * *)'),
      fc.integer({ min: 0, max: 23 }).map((h) => `cron(0 ${h} ? * * *)`),
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }))
        .map(([h, n]) => `cron(0 ${h}/${n} ? * * *)`),
    );
    fc.assert(
      fc.property(expr, time, (e, at) => {
        const p = parseScheduleExpression(e);
        if (p?.kind !== 'hours') throw new Error(e);
        const last = latestSlot(p.hours, at);
        const next = nextSlot(p.hours, at);
        expect(last).toBeLessThanOrEqual(at);
        expect(next).toBeGreaterThan(at);
        expect(last % HOUR).toBe(0);
        expect(p.hours).toContain(new Date(last).getUTCHours());
        expect(p.hours).toContain(new Date(next).getUTCHours());
        // nothing scheduled strictly between them
        for (let t = last + HOUR; t < next; t += HOUR)
          expect(p.hours).not.toContain(new Date(t).getUTCHours());
      }),
    );
  });

  it('dueSlot starts each scheduled time once, only after the schedule counts from, newest only', () => {
    const hourly = parseScheduleExpression('cron(0 * ? * * *)')!;
    expect(dueSlot(hourly, T + 60_000, undefined, T + 30 * 60_000)).toBeUndefined();
    expect(dueSlot(hourly, T + 60_000, undefined, T + HOUR + 5)).toBe(T + HOUR);
    expect(dueSlot(hourly, T + 60_000, T + HOUR, T + HOUR + 5)).toBeUndefined();
    // three hours later: the newest slot, not the missed ones
    expect(dueSlot(hourly, T + 60_000, T + HOUR, T + 4 * HOUR + 5)).toBe(T + 4 * HOUR);
    const now = parseScheduleExpression('NOW')!;
    expect(dueSlot(now, T, undefined, T)).toBe(T);
    expect(dueSlot(now, T, T, T + 10 * HOUR)).toBeUndefined();
    expect(dueSlot(now, T + 5, T, T + 10)).toBe(T + 5); // updated: once more
    fc.assert(
      fc.property(time, fc.array(fc.integer({ min: 1, max: 4 * HOUR }), { maxLength: 20 }), (from, steps) => {
        let last: number | undefined;
        let at = from;
        for (const s of steps) {
          at += s;
          const slot = dueSlot(hourly, from, last, at);
          if (slot === undefined) continue;
          expect(slot).toBeGreaterThan(from);
          expect(slot).toBeLessThanOrEqual(at);
          if (last !== undefined) expect(slot).toBeGreaterThan(last);
          last = slot;
        }
      }),
    );
  });

  it('offsets are ISO 8601 durations; windows default to the hour before the scheduled time', () => {
    expect(parseOffset('-PT1H')).toBe(-HOUR);
    expect(parseOffset('PT0H')).toBe(0);
    expect(parseOffset('-P1D')).toBe(-24 * HOUR);
    expect(parseOffset('-PT1H30M')).toBe(-1.5 * HOUR);
    expect(parseOffset('-P1DT2H')).toBe(-26 * HOUR);
    for (const bad of ['-1h', 'P', '-PT', 'PT1X', 'P1DT', '']) expect(parseOffset(bad)).toBeUndefined();
    expect(analysisWindow(T, {})).toEqual({ startMs: T - HOUR, endMs: T });
    expect(analysisWindow(T, { start: '-PT5H', end: '-PT1H' })).toEqual({
      startMs: T - 5 * HOUR,
      endMs: T - HOUR,
    });
    expect(offsetProblem('-PT1H', 'PT0H')).toBeUndefined();
    expect(offsetProblem('-P2D', 'PT0H')).toMatch(/more than 24 hours/);
    expect(offsetProblem('PT0H', '-PT1H')).toMatch(/must not precede/);
    expect(offsetProblem('yesterday', undefined)).toMatch(/DataAnalysisStartTime 'yesterday'/);
  });

  it('windowHours lists every hour folder the window touches', () => {
    fc.assert(
      fc.property(time, fc.integer({ min: 1, max: 24 * HOUR }), (start, len) => {
        const hours = windowHours({ startMs: start, endMs: start + len });
        expect(hours[0]).toBeLessThanOrEqual(start);
        expect(hours[0]! + HOUR).toBeGreaterThan(start);
        expect(hours[hours.length - 1]!).toBeLessThan(start + len);
        hours.slice(1).forEach((h, i) => expect(h - hours[i]!).toBe(HOUR));
      }),
    );
    expect(hourPath(Date.parse('2026-01-02T03:04:05Z'))).toBe('2026/01/02/03');
  });
});

const definition = {
  BaselineConfig: {
    ConstraintsResource: { S3Uri: 's3://b/baseline/constraints.json' },
    StatisticsResource: { S3Uri: 's3://b/baseline/statistics.json' },
  },
  MonitoringInputs: [
    { EndpointInput: { EndpointName: 'ep', LocalPath: '/opt/ml/processing/input/endpoint' } },
  ],
  MonitoringOutputConfig: {
    MonitoringOutputs: [{ S3Output: { S3Uri: 's3://b/reports/', LocalPath: '/opt/ml/processing/output' } }],
  },
  MonitoringResources: {
    ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 20 },
  },
  MonitoringAppSpecification: {
    ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer',
  },
  Environment: { publish_cloudwatch_metrics: 'Disabled', start_time: 'not mine' },
  RoleArn: 'arn:aws:iam::000000000000:role/R',
  StoppingCondition: { MaxRuntimeInSeconds: 1800 },
};

interface Request {
  ProcessingInputs: { InputName: string; S3Input: { S3Uri: string; LocalPath: string } }[];
  ProcessingOutputConfig: { Outputs: { S3Output: unknown }[] };
  Environment: Record<string, string>;
  StoppingCondition: unknown;
  ProcessingResources: unknown;
}

describe('the monitoring job request', () => {
  it("follows Model Monitor's container contract and report layout", () => {
    const req = monitoringJobRequest(
      {
        scheduleName: 'sched',
        scheduleArn: 'arn:sched',
        endpointName: 'ep',
        definition,
        scheduledTime: T,
        window: { startMs: T - HOUR, endMs: T },
        folders: [
          { s3Uri: 's3://b/capture/ep/AllTraffic/2026/03/10/13', variant: 'AllTraffic', hour: T - HOUR },
          { s3Uri: 's3://b/capture/ep/blue/2026/03/10/13', variant: 'blue', hour: T - HOUR },
        ],
        captureDestination: 's3://b/capture',
      },
      'model-monitoring-202603101400-0123456789abcdef01234567',
    ) as unknown as Request;
    expect(req.ProcessingInputs.map((i) => [i.InputName, i.S3Input.S3Uri, i.S3Input.LocalPath])).toEqual([
      [
        'input_1',
        's3://b/capture/ep/AllTraffic/2026/03/10/13',
        '/opt/ml/processing/input/endpoint/ep/AllTraffic/2026/03/10/13',
      ],
      [
        'input_2',
        's3://b/capture/ep/blue/2026/03/10/13',
        '/opt/ml/processing/input/endpoint/ep/blue/2026/03/10/13',
      ],
      ['baseline', 's3://b/baseline/statistics.json', '/opt/ml/processing/baseline/stats'],
      ['constraints', 's3://b/baseline/constraints.json', '/opt/ml/processing/baseline/constraints'],
    ]);
    expect(req.ProcessingOutputConfig.Outputs[0]!.S3Output).toEqual({
      S3Uri: 's3://b/reports/ep/sched/2026/03/10/14',
      LocalPath: '/opt/ml/processing/output',
      S3UploadMode: 'EndOfJob',
    });
    expect(req.Environment).toMatchObject({
      dataset_source: '/opt/ml/processing/input/endpoint',
      output_path: '/opt/ml/processing/output',
      start_time: '2026-03-10T13:00:00Z',
      end_time: '2026-03-10T14:00:00Z',
      baseline_statistics: '/opt/ml/processing/baseline/stats/statistics.json',
      baseline_constraints: '/opt/ml/processing/baseline/constraints/constraints.json',
      sagemaker_endpoint_name: 'ep',
      sagemaker_monitoring_schedule_name: 'sched',
      sagemaker_endpoint_datacapture_prefix: 'capture/ep',
      // the schedule may turn metrics off; it cannot move the window
      publish_cloudwatch_metrics: 'Disabled',
    });
    expect(JSON.parse(req.Environment['dataset_format']!)).toEqual({
      sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] },
    });
    expect(req.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 1800 });
    expect(req.ProcessingResources).toEqual(definition.MonitoringResources);
  });

  it('names jobs and report folders as Model Monitor does', () => {
    expect(monitoringJobName(T)).toMatch(/^model-monitoring-202603101400-[0-9a-f]{24}$/);
    expect(monitoringJobName(T).length).toBeLessThanOrEqual(63);
    expect(reportUri('s3://b/out', 'ep', 's', T + 59 * 60_000)).toBe('s3://b/out/ep/s/2026/03/10/14');
  });

  it("recognises Model Monitor's analyzer image in any region", () => {
    expect(
      isModelMonitorAnalyzer('156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer'),
    ).toBe(true);
    expect(
      isModelMonitorAnalyzer(
        '159807026194.dkr.ecr.us-west-2.amazonaws.com/sagemaker-model-monitor-analyzer:latest',
      ),
    ).toBe(true);
    expect(isModelMonitorAnalyzer('1.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer')).toBe(
      false,
    );
    expect(isModelMonitorAnalyzer('156813124566.dkr.ecr.us-east-1.amazonaws.com/my-analyzer')).toBe(false);
  });
});

describe('the execution status from its processing job', () => {
  const job = (patch: Record<string, unknown>): Rec => ({ seq: 1, ...patch });
  it('reads the container exit message; failures carry the job reason', () => {
    expect(
      executionOutcome(
        job({
          ProcessingJobStatus: 'Completed',
          ExitMessage: 'CompletedWithViolations: Job completed successfully with 3 violations.',
        }),
      ),
    ).toEqual({ status: 'CompletedWithViolations' });
    expect(
      executionOutcome(
        job({
          ProcessingJobStatus: 'Completed',
          ExitMessage: 'Completed: Job completed successfully with no violations.',
        }),
      ),
    ).toEqual({ status: 'Completed' });
    expect(executionOutcome(job({ ProcessingJobStatus: 'Completed', ExitMessage: '' }))).toEqual({
      status: 'Completed',
    });
    expect(
      executionOutcome(job({ ProcessingJobStatus: 'Failed', FailureReason: 'AlgorithmError: x' })),
    ).toEqual({
      status: 'Failed',
      reason: 'AlgorithmError: x',
    });
    expect(executionOutcome(job({ ProcessingJobStatus: 'Stopped' }))).toEqual({ status: 'Stopped' });
    expect(
      executionOutcome(
        job({
          ProcessingJobStatus: 'Stopped',
          ExitMessage: 'Processing job stopped: MaxRuntimeInSeconds exceeded',
        }),
      ),
    ).toEqual({ status: 'Failed', reason: 'Processing job stopped: MaxRuntimeInSeconds exceeded' });
  });
});

describe('container outputs', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  const fakeCtx = () => {
    const points: Datapoint[] = [];
    const warnings: string[] = [];
    const ctx = {
      metrics: { putMany: (p: Datapoint[]) => points.push(...p) },
      logger: { info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} },
    } as unknown as LocalContext;
    return { ctx, points, warnings };
  };

  it('metric records: Value or StatisticValues, a timestamp, dimensions', () => {
    const ns = 'aws/sagemaker/Endpoints/data-metrics';
    expect(
      metricRecord(
        {
          MetricName: 'm',
          Timestamp: '2026-03-10T14:00:00Z',
          Dimensions: [{ Name: 'Endpoint', Value: 'ep' }],
          Value: 0.5,
        },
        ns,
      ),
    ).toEqual({
      namespace: ns,
      metricName: 'm',
      timestamp: T,
      dimensions: [{ Name: 'Endpoint', Value: 'ep' }],
      values: [0.5],
    });
    expect(
      metricRecord(
        {
          MetricName: 'd',
          Timestamp: '2026-03-10T14:00:00Z',
          StatisticValues: { SampleCount: 2, Sum: 3, Minimum: 1, Maximum: 2 },
        },
        ns,
      ),
    ).toMatchObject({ stats: { SampleCount: 2, Sum: 3, Minimum: 1, Maximum: 2 }, values: [] });
    expect(metricRecord({ MetricName: 'm', Value: 1 }, ns)).toMatch(/Timestamp/);
    expect(metricRecord({ Timestamp: '2026-03-10T14:00:00Z', Value: 1 }, ns)).toMatch(/MetricName/);
    expect(metricRecord({ MetricName: 'm', Timestamp: '2026-03-10T14:00:00Z' }, ns)).toMatch(/exactly one/);
    expect(
      metricRecord(
        {
          MetricName: 'm',
          Timestamp: '2026-03-10T14:00:00Z',
          Value: 1,
          StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 },
        },
        ns,
      ),
    ).toMatch(/exactly one/);
    expect(
      metricRecord(
        { MetricName: 'm', Timestamp: '2026-03-10T14:00:00Z', Value: 1, Dimensions: [{ Name: 1 }] },
        ns,
      ),
    ).toMatch(/Dimensions/);
    expect(endpointMetricsNamespace({ sagemaker_endpoint_name: 'ep' })).toBe(ns);
    expect(endpointMetricsNamespace({})).toBe('aws/sagemaker/ModelMonitoring/data-metrics');
  });

  it('publishes /opt/ml/output/metrics/cloudwatch only when publish_cloudwatch_metrics is Enabled', () => {
    root = mkdtempSync(join(tmpdir(), 'co-'));
    mkdirSync(join(root, 'output', 'metrics', 'cloudwatch'), { recursive: true });
    writeFileSync(
      join(root, 'output', 'metrics', 'cloudwatch', 'a.jsonl'),
      [
        JSON.stringify({ MetricName: 'feature_non_null_a', Timestamp: '2026-03-10T14:00:00Z', Value: 1 }),
        'not json',
        JSON.stringify({ MetricName: 'x' }),
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'output', 'message'),
      'Completed: Job completed successfully with no violations.\n',
    );
    const off = fakeCtx();
    expect(publishContainerMetrics(off.ctx, root, 'j', {})).toBe(0);
    expect(off.points).toEqual([]);
    const on = fakeCtx();
    expect(
      publishContainerMetrics(on.ctx, root, 'j', {
        publish_cloudwatch_metrics: 'Enabled',
        sagemaker_endpoint_name: 'ep',
      }),
    ).toBe(1);
    expect(on.points[0]).toMatchObject({
      namespace: 'aws/sagemaker/Endpoints/data-metrics',
      metricName: 'feature_non_null_a',
    });
    expect(on.warnings).toHaveLength(2);
    expect(readExitMessage(root)).toBe('Completed: Job completed successfully with no violations.');
    rmSync(join(root, 'output', 'message'));
    expect(readExitMessage(root)).toBeUndefined();
  });
});

describe('the analyzer container (in-process)', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const STATES = ['SP', 'RJ', 'MG'];
  const row = (i: number, drift: boolean) =>
    `${((drift ? 2 : 1) * (10 + (i % 50))).toFixed(1)},${i % 3},${drift && i % 2 ? 'XX' : STATES[i % 3]}`;
  const capture = (rows: string[], time: number) =>
    rows
      .map((r, i) =>
        JSON.stringify({
          captureData: {
            endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data: r, encoding: 'CSV' },
            endpointOutput: { observedContentType: 'text/csv', mode: 'OUTPUT', data: '0.5', encoding: 'CSV' },
          },
          eventMetadata: {
            eventId: `e-${i}`,
            inferenceTime: new Date(time + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
          eventVersion: '0',
        }),
      )
      .join('\n');

  function setup(rows: string[], at = T - HOUR + 60_000): Record<string, string> {
    root = mkdtempSync(join(tmpdir(), 'analyzer-'));
    const base = join(root, 'baseline.csv');
    writeFileSync(base, `a,b,state\n${Array.from({ length: 300 }, (_, i) => row(i, false)).join('\n')}\n`);
    const scan = scanBaselineCsv([base]);
    const stats = statisticsFromProfiles(scan.names, scan.sink.profiles, scan.sink.rows);
    mkdirSync(join(root, 'processing', 'baseline', 'stats'), { recursive: true });
    mkdirSync(join(root, 'processing', 'baseline', 'constraints'), { recursive: true });
    writeFileSync(
      join(root, 'processing', 'baseline', 'stats', 'statistics.json'),
      JSON.stringify(statisticsJson(stats)),
    );
    writeFileSync(
      join(root, 'processing', 'baseline', 'constraints', 'constraints.json'),
      JSON.stringify(constraintsJson(suggestConstraints(stats))),
    );
    const hourDir = join(
      root,
      'processing',
      'input',
      'endpoint',
      'ep',
      'AllTraffic',
      '2026',
      '03',
      '10',
      '13',
    );
    mkdirSync(hourDir, { recursive: true });
    writeFileSync(join(hourDir, '01-00-000-x.jsonl'), `${capture(rows, at)}\n`);
    return {
      SM_LOCAL_ROOT: root,
      dataset_format: JSON.stringify({
        sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] },
      }),
      dataset_source: '/opt/ml/processing/input/endpoint',
      output_path: '/opt/ml/processing/output',
      start_time: '2026-03-10T13:00:00Z',
      end_time: '2026-03-10T14:00:00Z',
      metric_time: '2026-03-10T14:00:00Z',
      baseline_statistics: '/opt/ml/processing/baseline/stats/statistics.json',
      baseline_constraints: '/opt/ml/processing/baseline/constraints/constraints.json',
      publish_cloudwatch_metrics: 'Enabled',
      sagemaker_endpoint_name: 'ep',
      sagemaker_monitoring_schedule_name: 'sched',
    };
  }
  const out = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');

  it('drifted capture: violations, statistics, metric records and the CompletedWithViolations message', async () => {
    const env = setup(Array.from({ length: 60 }, (_, i) => row(i, true)));
    expect(await main(env)).toBe(0);
    expect(out('output', 'message')).toMatch(
      /^CompletedWithViolations: Job completed successfully with \d+ violations\.$/,
    );
    const v = JSON.parse(out('processing', 'output', 'constraint_violations.json')) as {
      violations: { feature_name: string; constraint_check_type: string }[];
    };
    expect(v.violations).toContainEqual(
      expect.objectContaining({ feature_name: 'a', constraint_check_type: 'baseline_drift_check' }),
    );
    expect(JSON.parse(out('processing', 'output', 'statistics.json')).dataset.item_count).toBe(60);
    const metrics = out('output', 'metrics', 'cloudwatch', 'metrics.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { MetricName: string; Timestamp: string; Dimensions: unknown });
    expect(metrics.map((m) => m.MetricName)).toEqual(
      expect.arrayContaining(['feature_data_a', 'feature_non_null_state', 'feature_baseline_drift_a']),
    );
    expect(metrics.map((m) => m.MetricName)).not.toContain('feature_data_state');
    expect(metrics[0]).toMatchObject({
      Timestamp: '2026-03-10T14:00:00Z',
      Dimensions: [
        { Name: 'Endpoint', Value: 'ep' },
        { Name: 'MonitoringSchedule', Value: 'sched' },
      ],
    });
  });

  it('clean capture: Completed, no violations', async () => {
    const env = setup(Array.from({ length: 60 }, (_, i) => row(i + 1, false)));
    expect(await analyze(env, 1)).toBe('Completed: Job completed successfully with no violations.');
  });

  it('fails with a reason: records only outside the window, no baseline, another dataset or analysis', async () => {
    const env = setup([row(1, false)], T + 5 * HOUR);
    expect(await main(env)).toBe(1);
    expect(out('output', 'failure')).toMatch(
      /^no data-capture records between 2026-03-10T13:00:00Z and 2026-03-10T14:00:00Z in 1 file\(s\) \(1 record\(s\) outside the window\)/,
    );
    await expect(analyze({ ...env, baseline_constraints: '' })).rejects.toThrow(/needs a baseline/);
    await expect(analyze({ ...env, dataset_format: '{"csv": {"header": true}}' })).rejects.toThrow(
      /endpoint data capture only/,
    );
    await expect(analyze({ ...env, analysis_type: 'MODEL_QUALITY' })).rejects.toThrow(/data quality only/);
    await expect(analyze({ ...env, start_time: 'soon' })).rejects.toThrow(
      /start_time 'soon' is not an ISO 8601 time/,
    );
  });
});
