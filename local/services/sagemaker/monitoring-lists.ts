/**
 * ListMonitoringSchedules and ListMonitoringExecutions as AWS pages them (sagemaker.md §7):
 * default order CreationTime Descending, MaxResults applied to the sorted listing before the
 * filters (so pages can be short or empty, with a NextToken), time-range filters, the scoping
 * parameter (EndpointName, MonitoringScheduleName) selecting the listing before paging.
 */
import type { LocalContext, Rec } from '../../context.js';
import { parseWireTimestamp } from '../../protocol.js';
import { pageThenFilter, sortBy } from '../../pagination.js';
import { Checker, ENTITY_NAME_RE } from '../../validate.js';
import { publicFields, toWire } from './common.js';

type Obj = Record<string, unknown>;

export const MONITORING_TYPES = ['DataQuality', 'ModelQuality', 'ModelBias', 'ModelExplainability'] as const;
export const SCHEDULE_STATUSES = ['Pending', 'Failed', 'Scheduled', 'Stopped'] as const;
export const EXECUTION_STATUSES = [
  'Pending',
  'Completed',
  'CompletedWithViolations',
  'InProgress',
  'Failed',
  'Stopping',
  'Stopped',
] as const;

/** Common List* checks and time filters (CreationTime / LastModifiedTime / ScheduledTime). */
function listChecks(req: Obj, sortKeys: string[]): Checker {
  const c = new Checker();
  c.integer('MaxResults', req['MaxResults'], { min: 1, max: 100 });
  c.enumOf('SortBy', req['SortBy'], sortKeys);
  c.enumOf('SortOrder', req['SortOrder'], ['Ascending', 'Descending']);
  return c;
}

function timeFilters(req: Obj, keys: string[]): (r: Rec) => boolean {
  const bounds = keys.map((k) => ({
    key: k,
    after: parseWireTimestamp(req[`${k}After`], `${k}After`),
    before: parseWireTimestamp(req[`${k}Before`], `${k}Before`),
  }));
  return (r) =>
    bounds.every(
      ({ key, after, before }) =>
        (after === undefined || (r[key] as number) > after) &&
        (before === undefined || (r[key] as number) < before),
    );
}

function listPage(
  req: Obj,
  records: Rec[],
  keep: (r: Rec) => boolean,
  sortKey: (r: Rec) => string | number,
  scope: unknown[],
) {
  // Default order Descending for both monitoring listings (service model).
  const sorted = sortBy(
    sortBy(records, (r) => r.seq, false),
    sortKey,
    req['SortOrder'] !== 'Ascending',
  );
  return pageThenFilter(
    sorted,
    keep,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    JSON.stringify([...scope, req['SortBy'], req['SortOrder']]),
  );
}

export function listMonitoringSchedules(ctx: LocalContext, req: Obj): Obj {
  const c = listChecks(req, ['Name', 'CreationTime', 'Status']);
  c.enumOf('StatusEquals', req['StatusEquals'], SCHEDULE_STATUSES);
  c.enumOf('MonitoringTypeEquals', req['MonitoringTypeEquals'], MONITORING_TYPES);
  c.string('NameContains', req['NameContains'], { max: 63 });
  c.string('EndpointName', req['EndpointName'], { max: 63, pattern: ENTITY_NAME_RE });
  c.done();
  const nc = (req['NameContains'] as string | undefined)?.toLowerCase();
  const inTime = timeFilters(req, ['CreationTime', 'LastModifiedTime']);
  const keep = (r: Rec): boolean =>
    (!nc || String(r['MonitoringScheduleName']).toLowerCase().includes(nc)) &&
    (!req['StatusEquals'] || r['MonitoringScheduleStatus'] === req['StatusEquals']) &&
    (!req['MonitoringTypeEquals'] || r['MonitoringType'] === req['MonitoringTypeEquals']) &&
    (!req['MonitoringJobDefinitionName'] ||
      (r['MonitoringScheduleConfig'] as Obj)['MonitoringJobDefinitionName'] ===
        req['MonitoringJobDefinitionName']) &&
    inTime(r);
  const by = (req['SortBy'] as string | undefined) ?? 'CreationTime';
  const records = ctx.state.monitoringSchedules
    .values()
    .filter((r) => !req['EndpointName'] || r['EndpointName'] === req['EndpointName']);
  const page = listPage(
    req,
    records,
    keep,
    (r) =>
      by === 'Name'
        ? String(r['MonitoringScheduleName'])
        : by === 'Status'
          ? String(r['MonitoringScheduleStatus'])
          : (r['CreationTime'] as number),
    ['ms', req['EndpointName'], nc, req['StatusEquals'], req['MonitoringTypeEquals']],
  );
  const keys = [
    'MonitoringScheduleName',
    'MonitoringScheduleArn',
    'CreationTime',
    'LastModifiedTime',
    'MonitoringScheduleStatus',
    'EndpointName',
    'MonitoringType',
  ];
  return {
    MonitoringScheduleSummaries: page.items.map((r) =>
      toWire({
        ...Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])),
        ...((r['MonitoringScheduleConfig'] as Obj)['MonitoringJobDefinitionName']
          ? {
              MonitoringJobDefinitionName: (r['MonitoringScheduleConfig'] as Obj)[
                'MonitoringJobDefinitionName'
              ],
            }
          : {}),
      }),
    ),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function listMonitoringExecutions(ctx: LocalContext, req: Obj): Obj {
  const c = listChecks(req, ['CreationTime', 'ScheduledTime', 'Status']);
  c.enumOf('StatusEquals', req['StatusEquals'], EXECUTION_STATUSES);
  c.enumOf('MonitoringTypeEquals', req['MonitoringTypeEquals'], MONITORING_TYPES);
  c.string('MonitoringScheduleName', req['MonitoringScheduleName'], {
    min: 1,
    max: 63,
    pattern: ENTITY_NAME_RE,
  });
  c.string('EndpointName', req['EndpointName'], { max: 63, pattern: ENTITY_NAME_RE });
  c.done();
  const inTime = timeFilters(req, ['ScheduledTime', 'CreationTime', 'LastModifiedTime']);
  const keep = (r: Rec): boolean =>
    (!req['EndpointName'] || r['EndpointName'] === req['EndpointName']) &&
    (!req['StatusEquals'] || r['MonitoringExecutionStatus'] === req['StatusEquals']) &&
    (!req['MonitoringTypeEquals'] || r['MonitoringType'] === req['MonitoringTypeEquals']) &&
    (!req['MonitoringJobDefinitionName'] ||
      r['MonitoringJobDefinitionName'] === req['MonitoringJobDefinitionName']) &&
    inTime(r);
  const by = (req['SortBy'] as string | undefined) ?? 'CreationTime';
  const records = ctx.state.monitoringExecutions
    .values()
    .filter(
      (r) => !req['MonitoringScheduleName'] || r['MonitoringScheduleName'] === req['MonitoringScheduleName'],
    );
  const page = listPage(
    req,
    records,
    keep,
    (r) =>
      by === 'Status'
        ? String(r['MonitoringExecutionStatus'])
        : by === 'ScheduledTime'
          ? (r['ScheduledTime'] as number)
          : (r['CreationTime'] as number),
    [
      'mx',
      req['MonitoringScheduleName'],
      req['EndpointName'],
      req['StatusEquals'],
      req['MonitoringTypeEquals'],
    ],
  );
  return {
    MonitoringExecutionSummaries: page.items.map((r) => toWire(publicFields(r))),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
