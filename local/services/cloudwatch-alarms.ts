/**
 * CloudWatch metric alarms: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * SetAlarmState, DeleteAlarms, DescribeAlarmHistory, and their evaluation on a clock (`tick`).
 * Handlers take JSON-shaped requests (the SDK's member names) and return JSON-shaped results
 * with epoch-ms timestamps converted to the wire's epoch seconds, so any protocol layer (the
 * JSON 1.0 one here, a form-encoded query one) can call them. Alarms persist under
 * <dataDir>/state/alarms, history in <dataDir>/alarm-history.jsonl.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { AwsError } from '../protocol.js';
import { Collection } from '../store.js';
import { Checker, isObject } from '../validate.js';
import type { Dimension, MetricStore } from './cloudwatch.js';
import {
  COMPARISONS,
  TREAT_MISSING,
  evaluateRule,
  validAlarmPeriod,
  type AlarmState,
  type Comparison,
} from './cloudwatch-alarm-eval.js';
import { STATISTICS } from './metric-stats.js';
import {
  ALARM_NAME_MAX,
  STATES,
  describeAlarmHistory,
  describeAlarms,
  describeAlarmsForMetric,
} from './cloudwatch-alarm-queries.js';

type Obj = Record<string, unknown>;

export interface AlarmRecord {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  StateValue: AlarmState;
  StateReason: string;
  StateReasonData?: string;
  StateUpdatedTimestamp: number;
  StateTransitionedTimestamp: number;
  AlarmConfigurationUpdatedTimestamp: number;
  MetricName: string;
  Namespace: string;
  Statistic?: string;
  ExtendedStatistic?: string;
  Dimensions: Dimension[];
  Period: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: Comparison;
  TreatMissingData?: string;
}

export interface HistoryItem {
  AlarmName: string;
  AlarmType: 'MetricAlarm';
  Timestamp: number;
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  HistorySummary: string;
  HistoryData: string;
}

const invalid = (m: string): AwsError => new AwsError('InvalidParameterValue', m);

export class AlarmStore {
  private readonly alarms: Collection<AlarmRecord>;
  private readonly history: HistoryItem[] = [];
  private readonly listeners = new Set<(alarm: AlarmRecord) => void>();

  constructor(
    stateDir: string,
    private readonly historyFile: string,
    private readonly metrics: MetricStore,
    private readonly arnPrefix: string,
    private readonly now: () => number = Date.now,
  ) {
    this.alarms = new Collection(stateDir);
    if (existsSync(historyFile)) {
      for (const line of readFileSync(historyFile, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          this.history.push(JSON.parse(line) as HistoryItem);
        } catch {
          // torn last line after a crash
        }
      }
    }
  }

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }

  /** Called on every state change (the endpoint deployments watch their rollback alarms). */
  onStateChange(listener: (alarm: AlarmRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(item: Omit<HistoryItem, 'AlarmType' | 'Timestamp'>): void {
    const full: HistoryItem = { AlarmType: 'MetricAlarm', Timestamp: this.now(), ...item };
    this.history.push(full);
    appendFileSync(this.historyFile, `${JSON.stringify(full)}\n`);
  }

  private setState(alarm: AlarmRecord, state: AlarmState, reason: string, reasonData?: string): void {
    const now = this.now();
    const old = alarm.StateValue;
    const next: AlarmRecord = {
      ...alarm,
      StateValue: state,
      StateReason: reason,
      StateUpdatedTimestamp: now,
      ...(reasonData ? { StateReasonData: reasonData } : {}),
      ...(old !== state ? { StateTransitionedTimestamp: now } : {}),
    };
    this.alarms.put(alarm.AlarmName, next);
    if (old !== state) {
      this.record({
        AlarmName: alarm.AlarmName,
        HistoryItemType: 'StateUpdate',
        HistorySummary: `Alarm updated from ${old} to ${state}`,
        HistoryData: JSON.stringify({
          version: '1.0',
          oldState: { stateValue: old, stateReason: alarm.StateReason },
          newState: { stateValue: state, stateReason: reason },
        }),
      });
      for (const l of this.listeners) l(next);
    }
  }

  /** Evaluates every alarm against its metric now (the server calls this on its clock). */
  tick(): void {
    const now = this.now();
    for (const alarm of this.alarms.values()) {
      const points = this.metrics.query(alarm.Namespace, alarm.MetricName, alarm.Dimensions);
      const ev = evaluateRule(
        {
          statistic: alarm.Statistic ?? alarm.ExtendedStatistic ?? 'Average',
          periodSeconds: alarm.Period,
          evaluationPeriods: alarm.EvaluationPeriods,
          datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
          threshold: alarm.Threshold,
          comparison: alarm.ComparisonOperator,
          treatMissingData: alarm.TreatMissingData ?? 'missing',
        },
        points,
        now,
      );
      if (ev.state === undefined || ev.state === alarm.StateValue) continue;
      const data = JSON.stringify({
        version: '1.0',
        queryDate: new Date(now).toISOString(),
        statistic: alarm.Statistic ?? alarm.ExtendedStatistic,
        period: alarm.Period,
        recentDatapoints: ev.periods.filter((p) => p.value !== undefined).map((p) => p.value),
        threshold: alarm.Threshold,
      });
      this.setState(alarm, ev.state, ev.reason, data);
    }
  }

  handle(operation: string, req: Obj): unknown {
    switch (operation) {
      case 'PutMetricAlarm':
        return this.putMetricAlarm(req);
      case 'DescribeAlarms':
        return describeAlarms(this.alarms.values(), req);
      case 'DescribeAlarmsForMetric':
        return describeAlarmsForMetric(this.alarms.values(), req);
      case 'SetAlarmState':
        return this.setAlarmState(req);
      case 'DeleteAlarms':
        return this.deleteAlarms(req);
      case 'DescribeAlarmHistory':
        return describeAlarmHistory(this.history, req);
      default:
        return undefined;
    }
  }

  static readonly OPERATIONS = [
    'PutMetricAlarm',
    'DescribeAlarms',
    'DescribeAlarmsForMetric',
    'SetAlarmState',
    'DeleteAlarms',
    'DescribeAlarmHistory',
  ];

  private putMetricAlarm(req: Obj): Obj {
    const c = new Checker();
    c.string('AlarmName', req['AlarmName'], { required: true, min: 1, max: ALARM_NAME_MAX });
    c.string('AlarmDescription', req['AlarmDescription'], { max: 1024 });
    c.string('MetricName', req['MetricName'], { min: 1, max: 255 });
    c.string('Namespace', req['Namespace'], { min: 1, max: 255 });
    c.enumOf('Statistic', req['Statistic'], STATISTICS);
    c.integer('Period', req['Period'], { min: 1 });
    c.integer('EvaluationPeriods', req['EvaluationPeriods'], { required: true, min: 1 });
    c.integer('DatapointsToAlarm', req['DatapointsToAlarm'], { min: 1 });
    c.enumOf('ComparisonOperator', req['ComparisonOperator'], [...COMPARISONS], true);
    c.string('TreatMissingData', req['TreatMissingData'], { min: 1, max: 255 });
    c.list('Dimensions', req['Dimensions'], { max: 30 });
    c.done();
    if (req['Metrics'] !== undefined || req['ThresholdMetricId'] !== undefined) {
      throw invalid('sagemaker-local supports single-metric alarms only (Metrics/ThresholdMetricId given)');
    }
    for (const k of ['MetricName', 'Namespace', 'Period'] as const)
      if (req[k] === undefined)
        throw new AwsError('MissingParameter', `The parameter ${k} is required for a single-metric alarm.`);
    if (req['Statistic'] === undefined && req['ExtendedStatistic'] === undefined)
      throw new AwsError('MissingParameter', 'The parameter Statistic or ExtendedStatistic is required.');
    if (req['Statistic'] !== undefined && req['ExtendedStatistic'] !== undefined)
      throw invalid('Statistic and ExtendedStatistic cannot both be specified.');
    if (typeof req['Threshold'] !== 'number' || !Number.isFinite(req['Threshold']))
      throw new AwsError('MissingParameter', 'The parameter Threshold is required.');
    const period = req['Period'] as number;
    if (!validAlarmPeriod(period))
      throw invalid(
        `The value ${period} for parameter Period is not supported. Valid values are 10, 30, and any multiple of 60.`,
      );
    const evals = req['EvaluationPeriods'] as number;
    if (period * evals > 86_400 * 7)
      throw invalid(
        'The evaluation period (Period * EvaluationPeriods) must be less than or equal to 7 days.',
      );
    const m = (req['DatapointsToAlarm'] as number | undefined) ?? evals;
    if (m > evals) throw invalid('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
    const tmd = req['TreatMissingData'] as string | undefined;
    if (tmd !== undefined && !(TREAT_MISSING as readonly string[]).includes(tmd))
      throw invalid(
        `The value ${tmd} for parameter TreatMissingData is not valid. Valid values: breaching, notBreaching, ignore, missing.`,
      );
    const dims = ((req['Dimensions'] as unknown[] | undefined) ?? []).map((d, i) => {
      if (!isObject(d) || typeof d['Name'] !== 'string' || typeof d['Value'] !== 'string')
        throw invalid(`Dimensions.member.${i + 1} needs Name and Value.`);
      return { Name: d['Name'], Value: d['Value'] };
    });
    const name = req['AlarmName'] as string;
    const now = this.now();
    const existing = this.alarms.get(name);
    const rec: AlarmRecord = {
      AlarmName: name,
      AlarmArn: `${this.arnPrefix}:alarm:${name}`,
      ...(typeof req['AlarmDescription'] === 'string' ? { AlarmDescription: req['AlarmDescription'] } : {}),
      ActionsEnabled: req['ActionsEnabled'] !== false,
      OKActions: (req['OKActions'] as string[] | undefined) ?? [],
      AlarmActions: (req['AlarmActions'] as string[] | undefined) ?? [],
      InsufficientDataActions: (req['InsufficientDataActions'] as string[] | undefined) ?? [],
      // A new (or updated) alarm starts in INSUFFICIENT_DATA and is evaluated on the next tick.
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: existing ? 'Unchecked: Alarm updated' : 'Unchecked: Initial alarm creation',
      StateUpdatedTimestamp: now,
      StateTransitionedTimestamp: now,
      AlarmConfigurationUpdatedTimestamp: now,
      MetricName: req['MetricName'] as string,
      Namespace: req['Namespace'] as string,
      ...(req['Statistic'] !== undefined ? { Statistic: req['Statistic'] as string } : {}),
      ...(req['ExtendedStatistic'] !== undefined
        ? { ExtendedStatistic: req['ExtendedStatistic'] as string }
        : {}),
      Dimensions: dims,
      Period: period,
      ...(typeof req['Unit'] === 'string' ? { Unit: req['Unit'] } : {}),
      EvaluationPeriods: evals,
      ...(req['DatapointsToAlarm'] !== undefined ? { DatapointsToAlarm: m } : {}),
      Threshold: req['Threshold'],
      ComparisonOperator: req['ComparisonOperator'] as Comparison,
      ...(tmd !== undefined ? { TreatMissingData: tmd } : {}),
    };
    this.alarms.put(name, rec);
    this.record({
      AlarmName: name,
      HistoryItemType: 'ConfigurationUpdate',
      HistorySummary: existing ? `Alarm "${name}" updated` : `Alarm "${name}" created`,
      HistoryData: JSON.stringify({ version: '1.0', type: existing ? 'Update' : 'Create' }),
    });
    return {};
  }

  private setAlarmState(req: Obj): Obj {
    const c = new Checker();
    c.string('AlarmName', req['AlarmName'], { required: true, min: 1, max: ALARM_NAME_MAX });
    c.enumOf('StateValue', req['StateValue'], STATES, true);
    c.string('StateReason', req['StateReason'], { required: true, max: 1023 });
    c.string('StateReasonData', req['StateReasonData'], { max: 4000 });
    c.done();
    const alarm = this.alarms.get(req['AlarmName'] as string);
    if (!alarm) throw new AwsError('ResourceNotFound', `Alarm ${String(req['AlarmName'])} does not exist.`);
    if (typeof req['StateReasonData'] === 'string') {
      try {
        JSON.parse(req['StateReasonData']);
      } catch {
        throw new AwsError('InvalidFormat', 'StateReasonData must be valid JSON.');
      }
    }
    // As on AWS, the state holds until the next evaluation recomputes it from the metric.
    this.setState(
      alarm,
      req['StateValue'] as AlarmState,
      req['StateReason'] as string,
      req['StateReasonData'] as string | undefined,
    );
    return {};
  }

  private deleteAlarms(req: Obj): Obj {
    const c = new Checker();
    c.list('AlarmNames', req['AlarmNames'], { required: true, max: 100 });
    c.done();
    const names = req['AlarmNames'] as string[];
    // AWS: "If you specify an incorrect alarm name ... no alarms are deleted."
    const missing = names.filter((n) => !this.alarms.has(n));
    if (missing.length)
      throw new AwsError('ResourceNotFound', `Alarm(s) ${missing.join(', ')} do not exist.`);
    for (const n of names) {
      this.alarms.delete(n);
      this.record({
        AlarmName: n,
        HistoryItemType: 'ConfigurationUpdate',
        HistorySummary: `Alarm "${n}" deleted`,
        HistoryData: JSON.stringify({ version: '1.0', type: 'Delete' }),
      });
    }
    return {};
  }
}
