/**
 * CloudWatch metrics (`GraniteServiceVersion20100801.<Op>`, JSON 1.0, awsQueryCompatible):
 * PutMetricData, GetMetricStatistics, GetMetricData, ListMetrics over datapoints persisted as
 * JSON lines in <dataDir>/metrics.jsonl. Timestamps on the wire are epoch seconds.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AwsError, parseWireTimestamp, toEpochSeconds } from '../protocol.js';
import { paginate, sortBy } from '../pagination.js';
import { Checker, isObject, requestObject } from '../validate.js';
import { STATISTICS, aggregate, statisticValue } from './metric-stats.js';
import type { DashboardStore } from './dashboards.js';

export interface Dimension {
  Name: string;
  Value: string;
}
export interface Datapoint {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  timestamp: number; // epoch ms
  values: number[];
  /** Pre-aggregated StatisticValues, when the caller sent them. */
  stats?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  unit?: string;
}

const invalidValue = (message: string): AwsError => new AwsError('InvalidParameterValue', message);

const dimKey = (dims: Dimension[]): string =>
  sortBy(dims, (d) => d.Name, false)
    .map((d) => `${d.Name}=${d.Value}`)
    .join(',');

export class MetricStore {
  private readonly points: Datapoint[] = [];

  constructor(
    private readonly file: string,
    /** PutDashboard, GetDashboard, ListDashboards, DeleteDashboards (dashboards.ts). */
    private readonly dashboards?: DashboardStore,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          this.points.push(JSON.parse(line) as Datapoint);
        } catch {
          // torn last line after a crash
        }
      }
    }
  }

  put(point: Datapoint): void {
    this.points.push(point);
    appendFileSync(this.file, `${JSON.stringify(point)}\n`);
  }

  query(namespace: string, metricName: string, dimensions: Dimension[]): Datapoint[] {
    const key = dimKey(dimensions);
    return this.points.filter(
      (p) => p.namespace === namespace && p.metricName === metricName && dimKey(p.dimensions) === key,
    );
  }

  handle(operation: string, body: unknown): unknown {
    const req = requestObject(body);
    try {
      switch (operation) {
        case 'PutMetricData':
          return this.putMetricData(req);
        case 'GetMetricStatistics':
          return this.getMetricStatistics(req);
        case 'GetMetricData':
          return this.getMetricData(req);
        case 'ListMetrics':
          return this.listMetrics(req);
        default: {
          const dashboardResult = this.dashboards?.handle(operation, req);
          if (dashboardResult !== undefined) return dashboardResult;
          throw new AwsError('InvalidAction', `sagemaker-local does not implement CloudWatch ${operation}`);
        }
      }
    } catch (err) {
      // CloudWatch's query-compatible code for request validation failures.
      if (err instanceof AwsError && err.code === 'ValidationException')
        throw new AwsError('ValidationError', err.message);
      throw err;
    }
  }

  private putMetricData(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.string('Namespace', req['Namespace'], { required: true, min: 1, max: 255, pattern: /^[^:].*$/ });
    c.list('MetricData', req['MetricData'], { required: true, min: 1, max: 1000 });
    c.done();
    const ns = req['Namespace'] as string;
    if (ns.startsWith('AWS/')) throw invalidValue('The value AWS/ for parameter Namespace is invalid.');
    const now = Date.now();
    for (const [i, raw] of (req['MetricData'] as unknown[]).entries()) {
      if (!isObject(raw)) throw invalidValue(`MetricData.member.${i + 1} must be a structure`);
      const c2 = new Checker();
      c2.string(`MetricData.${i}.MetricName`, raw['MetricName'], { required: true, min: 1, max: 255 });
      c2.list(`MetricData.${i}.Dimensions`, raw['Dimensions'], { max: 30 });
      c2.done();
      const values: number[] = [];
      if (typeof raw['Value'] === 'number') values.push(raw['Value']);
      if (Array.isArray(raw['Values'])) {
        const counts = Array.isArray(raw['Counts']) ? (raw['Counts'] as number[]) : [];
        (raw['Values'] as number[]).forEach((v, j) => {
          for (let k = 0; k < (counts[j] ?? 1); k++) values.push(v);
        });
      }
      const sv = raw['StatisticValues'];
      const stats = isObject(sv) ? (sv as unknown as Datapoint['stats']) : undefined;
      if (values.length === 0 && !stats) {
        throw new AwsError('MissingParameter', `The parameter MetricData.member.${i + 1}.Value is required.`);
      }
      if (values.some((v) => !Number.isFinite(v)))
        throw invalidValue('The value for parameter MetricData.Value must be a finite number.');
      const point: Datapoint = {
        namespace: ns,
        metricName: raw['MetricName'] as string,
        dimensions: ((raw['Dimensions'] as Dimension[] | undefined) ?? []).map((d) => ({
          Name: d.Name,
          Value: d.Value,
        })),
        timestamp: parseWireTimestamp(raw['Timestamp'], `MetricData.${i}.Timestamp`) ?? now,
        values,
      };
      if (stats) point.stats = stats;
      if (typeof raw['Unit'] === 'string') point.unit = raw['Unit'];
      this.put(point);
    }
    return {};
  }

  private getMetricStatistics(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.string('Namespace', req['Namespace'], { required: true, min: 1, max: 255 });
    c.string('MetricName', req['MetricName'], { required: true, min: 1, max: 255 });
    c.required('StartTime', req['StartTime']);
    c.required('EndTime', req['EndTime']);
    c.integer('Period', req['Period'], { required: true, min: 1 });
    c.list('Statistics', req['Statistics'], { min: 1, max: 5 });
    c.list('ExtendedStatistics', req['ExtendedStatistics'], { min: 1, max: 10 });
    c.done();
    const stats = (req['Statistics'] as string[] | undefined) ?? [];
    const extended = (req['ExtendedStatistics'] as string[] | undefined) ?? [];
    if (stats.length === 0 && extended.length === 0) {
      throw new AwsError(
        'MissingParameter',
        'Either the parameter Statistics or ExtendedStatistics is required.',
      );
    }
    for (const s of stats)
      if (!(STATISTICS as readonly string[]).includes(s))
        throw invalidValue(`The value ${s} for parameter Statistics is not valid.`);
    const start = parseWireTimestamp(req['StartTime'], 'StartTime')!;
    const end = parseWireTimestamp(req['EndTime'], 'EndTime')!;
    const periodMs = (req['Period'] as number) * 1000;
    const points = this.query(
      req['Namespace'] as string,
      req['MetricName'] as string,
      (req['Dimensions'] as Dimension[] | undefined) ?? [],
    ).filter((p) => p.timestamp >= start && p.timestamp < end);
    const buckets = new Map<number, Datapoint[]>();
    for (const p of points) {
      const b = start + Math.floor((p.timestamp - start) / periodMs) * periodMs;
      buckets.set(b, [...(buckets.get(b) ?? []), p]);
    }
    const datapoints = [...buckets.entries()].map(([t, ps]) => {
      const agg = aggregate(ps);
      const dp: Record<string, unknown> = { Timestamp: toEpochSeconds(t), Unit: ps[0]?.unit ?? 'None' };
      for (const s of stats) dp[s] = statisticValue(agg, s);
      if (extended.length) {
        dp['ExtendedStatistics'] = Object.fromEntries(extended.map((e) => [e, statisticValue(agg, e) ?? 0]));
      }
      return dp;
    });
    return { Label: req['MetricName'], Datapoints: datapoints };
  }

  private getMetricData(req: Record<string, unknown>): unknown {
    const c = new Checker();
    c.list('MetricDataQueries', req['MetricDataQueries'], { required: true, min: 1, max: 500 });
    c.required('StartTime', req['StartTime']);
    c.required('EndTime', req['EndTime']);
    c.enumOf('ScanBy', req['ScanBy'], ['TimestampDescending', 'TimestampAscending']);
    c.done();
    const start = parseWireTimestamp(req['StartTime'], 'StartTime')!;
    const end = parseWireTimestamp(req['EndTime'], 'EndTime')!;
    const ascending = req['ScanBy'] === 'TimestampAscending';
    const results = (req['MetricDataQueries'] as Record<string, unknown>[]).map((q, i) => {
      const id = q['Id'];
      if (typeof id !== 'string' || !/^[a-z][a-zA-Z0-9_]*$/.test(id)) {
        throw invalidValue(
          `The value ${String(id)} for parameter MetricDataQueries.member.${i + 1}.Id is not valid.`,
        );
      }
      const ms = q['MetricStat'] as Record<string, unknown> | undefined;
      if (!ms)
        throw invalidValue(
          `sagemaker-local supports only MetricStat queries (query '${id}' has an Expression)`,
        );
      const metric = ms['Metric'] as Record<string, unknown> | undefined;
      const period = ms['Period'];
      const stat = ms['Stat'];
      if (!metric || typeof period !== 'number' || period < 1 || typeof stat !== 'string') {
        throw new AwsError(
          'MissingParameter',
          `MetricDataQueries.member.${i + 1}.MetricStat needs Metric, Period and Stat.`,
        );
      }
      const points = this.query(
        String(metric['Namespace']),
        String(metric['MetricName']),
        (metric['Dimensions'] as Dimension[] | undefined) ?? [],
      ).filter((p) => p.timestamp >= start && p.timestamp < end);
      const buckets = new Map<number, Datapoint[]>();
      for (const p of points) {
        const b = start + Math.floor((p.timestamp - start) / (period * 1000)) * period * 1000;
        buckets.set(b, [...(buckets.get(b) ?? []), p]);
      }
      const rows = sortBy(
        [...buckets.entries()]
          .map(([t, ps]) => ({ t, v: statisticValue(aggregate(ps), stat) }))
          .filter((r) => r.v !== undefined),
        (r) => r.t,
        !ascending,
      );
      return {
        Id: id,
        Label: (q['Label'] as string | undefined) ?? String(metric['MetricName']),
        Timestamps: rows.map((r) => toEpochSeconds(r.t)),
        Values: rows.map((r) => r.v as number),
        StatusCode: 'Complete',
        returnData: q['ReturnData'] !== false,
      };
    });
    return {
      MetricDataResults: results.filter((r) => r.returnData).map(({ returnData: _r, ...r }) => r),
      Messages: [],
    };
  }

  private listMetrics(req: Record<string, unknown>): unknown {
    const ns = req['Namespace'] as string | undefined;
    const name = req['MetricName'] as string | undefined;
    const filters = (req['Dimensions'] as { Name: string; Value?: string }[] | undefined) ?? [];
    const seen = new Map<string, { Namespace: string; MetricName: string; Dimensions: Dimension[] }>();
    for (const p of this.points) {
      if (ns && p.namespace !== ns) continue;
      if (name && p.metricName !== name) continue;
      if (
        !filters.every((f) =>
          p.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)),
        )
      )
        continue;
      const key = `${p.namespace}\u0000${p.metricName}\u0000${dimKey(p.dimensions)}`;
      if (!seen.has(key))
        seen.set(key, { Namespace: p.namespace, MetricName: p.metricName, Dimensions: p.dimensions });
    }
    const all = sortBy(
      [...seen.values()],
      (m) => `${m.Namespace}\u0000${m.MetricName}\u0000${dimKey(m.Dimensions)}`,
      false,
    );
    const page = paginate(
      all,
      500,
      req['NextToken'] as string | undefined,
      `lm:${ns ?? ''}:${name ?? ''}:${JSON.stringify(filters)}`,
      'InvalidNextToken',
    );
    return { Metrics: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }
}
