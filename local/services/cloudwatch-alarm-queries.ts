/**
 * The read side of CloudWatch alarms: DescribeAlarms, DescribeAlarmsForMetric,
 * DescribeAlarmHistory, as functions over the stored alarms and history (JSON-shaped requests
 * and results, timestamps as the wire's epoch seconds).
 */
import { AwsError, parseWireTimestamp, toEpochSeconds } from '../protocol.js';
import { paginate, sortBy } from '../pagination.js';
import { Checker } from '../validate.js';
import type { Dimension } from './cloudwatch.js';
import type { AlarmRecord, HistoryItem } from './cloudwatch-alarms.js';

type Obj = Record<string, unknown>;

export const ALARM_NAME_MAX = 255;
export const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
const invalid = (m: string): AwsError => new AwsError('InvalidParameterValue', m);

const TIME_KEYS = new Set([
  'StateUpdatedTimestamp',
  'StateTransitionedTimestamp',
  'AlarmConfigurationUpdatedTimestamp',
  'Timestamp',
]);
/** A stored record on the wire: epoch-ms timestamps as epoch seconds, undefined members dropped. */
export function wire(rec: object): Obj {
  return Object.fromEntries(
    Object.entries(rec)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, TIME_KEYS.has(k) && typeof v === 'number' ? toEpochSeconds(v) : v]),
  );
}

const sameDims = (a: Dimension[], b: Dimension[]): boolean =>
  a.length === b.length && a.every((d) => b.some((e) => e.Name === d.Name && e.Value === d.Value));

export function describeAlarms(alarms: AlarmRecord[], req: Obj): Obj {
  const c = new Checker();
  c.list('AlarmNames', req['AlarmNames'], { max: 100 });
  c.string('AlarmNamePrefix', req['AlarmNamePrefix'], { min: 1, max: ALARM_NAME_MAX });
  c.enumOf('StateValue', req['StateValue'], STATES);
  c.integer('MaxRecords', req['MaxRecords'], { min: 1, max: 100 });
  c.done();
  if (req['AlarmNames'] !== undefined && req['AlarmNamePrefix'] !== undefined)
    throw invalid('AlarmNames and AlarmNamePrefix cannot be specified together.');
  const types = (req['AlarmTypes'] as string[] | undefined) ?? ['MetricAlarm'];
  const names = req['AlarmNames'] as string[] | undefined;
  const prefix = req['AlarmNamePrefix'] as string | undefined;
  const all = sortBy(alarms, (a) => a.AlarmName, false).filter(
    (a) =>
      types.includes('MetricAlarm') &&
      (!names || names.includes(a.AlarmName)) &&
      (!prefix || a.AlarmName.startsWith(prefix)) &&
      (!req['StateValue'] || a.StateValue === req['StateValue']) &&
      (!req['ActionPrefix'] ||
        [...a.AlarmActions, ...a.OKActions, ...a.InsufficientDataActions].some((x) =>
          x.startsWith(req['ActionPrefix'] as string),
        )),
  );
  const page = paginate(
    all,
    (req['MaxRecords'] as number | undefined) ?? 50,
    req['NextToken'] as string | undefined,
    `da:${JSON.stringify([names, prefix, req['StateValue'], types])}`,
    'InvalidNextToken',
  );
  return {
    MetricAlarms: page.items.map(wire),
    CompositeAlarms: [],
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function describeAlarmsForMetric(all: AlarmRecord[], req: Obj): Obj {
  const c = new Checker();
  c.string('MetricName', req['MetricName'], { required: true, min: 1, max: 255 });
  c.string('Namespace', req['Namespace'], { required: true, min: 1, max: 255 });
  c.done();
  const dims = (req['Dimensions'] as Dimension[] | undefined) ?? [];
  const alarms = sortBy(all, (a) => a.AlarmName, false).filter(
    (a) =>
      a.MetricName === req['MetricName'] &&
      a.Namespace === req['Namespace'] &&
      (req['Dimensions'] === undefined || sameDims(a.Dimensions, dims)) &&
      (req['Statistic'] === undefined || a.Statistic === req['Statistic']) &&
      (req['ExtendedStatistic'] === undefined || a.ExtendedStatistic === req['ExtendedStatistic']) &&
      (req['Period'] === undefined || a.Period === req['Period']) &&
      (req['Unit'] === undefined || a.Unit === req['Unit']),
  );
  return { MetricAlarms: alarms.map(wire) };
}

export function describeAlarmHistory(history: readonly HistoryItem[], req: Obj): Obj {
  const c = new Checker();
  c.string('AlarmName', req['AlarmName'], { min: 1, max: ALARM_NAME_MAX });
  c.enumOf('HistoryItemType', req['HistoryItemType'], ['ConfigurationUpdate', 'StateUpdate', 'Action']);
  c.integer('MaxRecords', req['MaxRecords'], { min: 1, max: 100 });
  c.enumOf('ScanBy', req['ScanBy'], ['TimestampDescending', 'TimestampAscending']);
  c.done();
  const start = parseWireTimestamp(req['StartDate'], 'StartDate');
  const end = parseWireTimestamp(req['EndDate'], 'EndDate');
  const items = history
    .map((h, i) => ({ h, i }))
    .filter(
      ({ h }) =>
        (!req['AlarmName'] || h.AlarmName === req['AlarmName']) &&
        (!req['HistoryItemType'] || h.HistoryItemType === req['HistoryItemType']) &&
        (start === undefined || h.Timestamp >= start) &&
        (end === undefined || h.Timestamp <= end),
    );
  const ascending = req['ScanBy'] === 'TimestampAscending';
  const ordered = sortBy(items, ({ h, i }) => h.Timestamp * 1e6 + i, !ascending).map(({ h }) => h);
  const page = paginate(
    ordered,
    (req['MaxRecords'] as number | undefined) ?? 100,
    req['NextToken'] as string | undefined,
    `dah:${JSON.stringify([req['AlarmName'], req['HistoryItemType'], start, end, ascending])}`,
    'InvalidNextToken',
  );
  return {
    AlarmHistoryItems: page.items.map(wire),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
