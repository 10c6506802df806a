/** Helpers shared by the SageMaker operations: wire timestamps, job listing, name checks. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError, NOT_FOUND_MESSAGE, parseWireTimestamp, toEpochSeconds } from '../../protocol.js';
import { pageThenFilter, sortBy } from '../../pagination.js';
import type { Collection } from '../../store.js';
import { Checker, ENTITY_NAME_RE } from '../../validate.js';

type Obj = Record<string, unknown>;

const TIMESTAMP_KEYS = new Set([
  'CreationTime',
  'LastModifiedTime',
  'TrainingStartTime',
  'TrainingEndTime',
  'ProcessingStartTime',
  'ProcessingEndTime',
  'TransformStartTime',
  'TransformEndTime',
  'StartTime',
  'EndTime',
  'Timestamp',
  'ApprovalTime',
  'LastExecutionTime',
  'LastRunTime',
  'ScheduledTime',
  'ResolutionTime',
]);

/** Converts internal epoch-ms timestamps (any depth) to the wire's epoch seconds. */
export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Obj).map(([k, v]) => [
        k,
        TIMESTAMP_KEYS.has(k) && typeof v === 'number' ? toEpochSeconds(v) : toWire(v),
      ]),
    );
  }
  return value;
}

/** Drops internal fields (request copy, sequence number, ...) from a stored record. */
export function publicFields(rec: Rec, drop: string[] = []): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'request' || k === 'seq' || k.startsWith('_') || drop.includes(k) || v === undefined) continue;
    out[k] = v;
  }
  return out;
}

export const notFound = (): AwsError => new AwsError('ValidationException', NOT_FOUND_MESSAGE);

/** Checks a job's name field: required, 1-63 characters of ENTITY_NAME_RE. */
export function checkJobName(c: Checker, key: string, value: unknown): void {
  c.string(key, value, { required: true, min: 1, max: 63, pattern: ENTITY_NAME_RE });
}

/** Where one job kind's records live, and its name and status fields. */
export interface JobTable {
  kind: 'training' | 'processing' | 'transform';
  table: Collection<Rec>;
  nameKey: string;
  statusKey: string;
}

/** The record a Describe/Stop request names (name checked first), or the not-found error. */
export function getJobRecord(job: JobTable, req: Obj): Rec {
  const c = new Checker();
  checkJobName(c, job.nameKey, req[job.nameKey]);
  c.done();
  const rec = job.table.get(req[job.nameKey] as string);
  if (!rec) throw notFound();
  return rec;
}

/**
 * Stop<Kind>Job: a no-op while Stopping, a ValidationException unless InProgress (believed wording,
 * sagemaker.md: unverified), else the record goes to Stopping (with `extra` fields) and the
 * running job's stop handle is called.
 */
export function stopJob(
  ctx: LocalContext,
  job: JobTable,
  req: Obj,
  extra: (rec: Rec, now: number) => Obj = () => ({}),
): Obj {
  const rec = getJobRecord(job, req);
  const name = rec[job.nameKey] as string;
  const status = rec[job.statusKey];
  if (status === 'Stopping') return {};
  if (status !== 'InProgress')
    throw new AwsError(
      'ValidationException',
      `The request was rejected because the ${job.kind} job is in status ${String(status)}.`,
    );
  const now = ctx.now();
  job.table.put(name, { ...rec, [job.statusKey]: 'Stopping', ...extra(rec, now), LastModifiedTime: now });
  ctx.stoppers.get(`${job.kind}/${name}`)?.();
  return {};
}

export interface ListSpec {
  /** The record's name field, status field, summary fields. */
  nameKey: string;
  statusKey: string;
  summaryKeys: string[];
  resultKey: string;
  statuses: readonly string[];
}

/** List*Jobs: NameContains, StatusEquals, time filters, SortBy, SortOrder, MaxResults, NextToken. */
export function listJobs(records: Rec[], req: Obj, spec: ListSpec): Obj {
  const c = new Checker();
  c.integer('MaxResults', req['MaxResults'], { min: 1, max: 100 });
  c.enumOf('SortBy', req['SortBy'], ['Name', 'CreationTime', 'Status']);
  c.enumOf('SortOrder', req['SortOrder'], ['Ascending', 'Descending']);
  c.enumOf('StatusEquals', req['StatusEquals'], spec.statuses);
  c.string('NameContains', req['NameContains'], { max: 63 });
  c.done();
  const after = parseWireTimestamp(req['CreationTimeAfter'], 'CreationTimeAfter');
  const before = parseWireTimestamp(req['CreationTimeBefore'], 'CreationTimeBefore');
  const modAfter = parseWireTimestamp(req['LastModifiedTimeAfter'], 'LastModifiedTimeAfter');
  const modBefore = parseWireTimestamp(req['LastModifiedTimeBefore'], 'LastModifiedTimeBefore');
  const nameContains = req['NameContains'] as string | undefined;
  const keep = (r: Rec): boolean => {
    const created = r['CreationTime'] as number;
    const modified = r['LastModifiedTime'] as number;
    return (
      (!nameContains || String(r[spec.nameKey]).toLowerCase().includes(nameContains.toLowerCase())) &&
      (!req['StatusEquals'] || r[spec.statusKey] === req['StatusEquals']) &&
      (after === undefined || created > after) &&
      (before === undefined || created < before) &&
      (modAfter === undefined || modified > modAfter) &&
      (modBefore === undefined || modified < modBefore)
    );
  };
  const sortKey = (req['SortBy'] as string | undefined) ?? 'CreationTime';
  const seqSorted = sortBy(records, (r) => r.seq, false);
  const sorted = sortBy(
    seqSorted,
    (r) =>
      sortKey === 'Name'
        ? String(r[spec.nameKey])
        : sortKey === 'Status'
          ? String(r[spec.statusKey])
          : (r['CreationTime'] as number),
    req['SortOrder'] === 'Descending',
  );
  const scope = JSON.stringify([
    spec.resultKey,
    nameContains,
    req['StatusEquals'],
    sortKey,
    req['SortOrder'],
    after,
    before,
    modAfter,
    modBefore,
  ]);
  const page = pageThenFilter(
    sorted,
    keep,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    scope,
  );
  return {
    [spec.resultKey]: page.items.map((r) =>
      toWire(Object.fromEntries(spec.summaryKeys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]))),
    ),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}
