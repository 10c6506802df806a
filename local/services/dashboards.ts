/**
 * CloudWatch dashboards: PutDashboard (DashboardBody validated the way CloudWatch reports it:
 * `InvalidParameterInput` "The dashboard body is invalid, there are N validation errors: [...]"
 * with DashboardValidationMessages `{DataPath, Message}` in its JSON-schema wording), GetDashboard,
 * ListDashboards (by name, up to 1000 per page, NextToken) and DeleteDashboards (all or none).
 * One JSON file per dashboard under <dataDir>/state/dashboards.
 *
 * The widget rules checked are the documented dashboard body structure: `widgets` (required
 * array), each with `type` (metric|text|log|alarm|explorer|custom) and `properties`, integer
 * x 0-23, y >= 0, width 1-24, height 1-1000; metric widgets need `metrics` (arrays whose items
 * before the optional trailing options object are strings) or annotations, and `region`; text
 * widgets `markdown`; alarm widgets `alarms`; log widgets `query`. The messages for invalid JSON
 * and a bad DashboardName are believed, not verified.
 */
import { AwsError } from '../protocol.js';
import { paginate } from '../pagination.js';
import { Collection } from '../store.js';

type Obj = Record<string, unknown>;
export interface ValidationMessage {
  DataPath: string;
  Message: string;
}

const WIDGET_TYPES = ['metric', 'text', 'log', 'alarm', 'explorer', 'custom'];
const NAME_RE = /^[A-Za-z0-9_-]+$/;
/** ListDashboards returns up to 1000 dashboards per page (documented). */
export const DASHBOARDS_PAGE_SIZE = 1000;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkInt(out: ValidationMessage[], path: string, value: unknown, min: number, max?: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value))
    out.push({ DataPath: path, Message: 'Should be integer' });
  else if (value < min) out.push({ DataPath: path, Message: `Should be >= ${min}` });
  else if (max !== undefined && value > max) out.push({ DataPath: path, Message: `Should be <= ${max}` });
}

function checkMetrics(out: ValidationMessage[], path: string, metrics: unknown): void {
  if (!Array.isArray(metrics)) {
    out.push({ DataPath: path, Message: 'Should be array' });
    return;
  }
  metrics.forEach((m, i) => {
    const p = `${path}/${i}`;
    if (!Array.isArray(m)) {
      out.push({ DataPath: p, Message: 'Should be array' });
      return;
    }
    const last = m.length - 1;
    m.forEach((field, j) => {
      if (j === last && isObj(field)) return;
      if (typeof field !== 'string')
        out.push({
          DataPath: `${p}/${j}`,
          Message: "Invalid metric field type, only 'String' type is allowed",
        });
    });
  });
}

function checkWidget(out: ValidationMessage[], i: number, w: unknown): void {
  const path = `/widgets/${i}`;
  if (!isObj(w)) {
    out.push({ DataPath: path, Message: 'Should be object' });
    return;
  }
  if (w['type'] === undefined) out.push({ DataPath: path, Message: "Should have required property 'type'" });
  else if (typeof w['type'] !== 'string' || !WIDGET_TYPES.includes(w['type']))
    out.push({ DataPath: `${path}/type`, Message: 'Should be equal to one of the allowed values' });
  checkInt(out, `${path}/x`, w['x'], 0, 23);
  checkInt(out, `${path}/y`, w['y'], 0);
  checkInt(out, `${path}/width`, w['width'], 1, 24);
  checkInt(out, `${path}/height`, w['height'], 1, 1000);
  const props = w['properties'];
  if (props === undefined) {
    out.push({ DataPath: path, Message: "Should have required property 'properties'" });
    return;
  }
  if (!isObj(props)) {
    out.push({ DataPath: `${path}/properties`, Message: 'Should be object' });
    return;
  }
  const pp = `${path}/properties`;
  const required = (key: string): boolean => {
    if (props[key] !== undefined) return true;
    out.push({ DataPath: pp, Message: `Should have required property '${key}'` });
    return false;
  };
  switch (w['type']) {
    case 'metric':
      if (props['metrics'] !== undefined) checkMetrics(out, `${pp}/metrics`, props['metrics']);
      else if (props['annotations'] === undefined) required('metrics');
      if (required('region') && typeof props['region'] !== 'string')
        out.push({ DataPath: `${pp}/region`, Message: 'Should be string' });
      break;
    case 'text':
      if (required('markdown') && typeof props['markdown'] !== 'string')
        out.push({ DataPath: `${pp}/markdown`, Message: 'Should be string' });
      break;
    case 'alarm':
      if (required('alarms') && !Array.isArray(props['alarms']))
        out.push({ DataPath: `${pp}/alarms`, Message: 'Should be array' });
      break;
    case 'log':
      required('query');
      break;
  }
}

/** Validation messages for a dashboard body (empty when it is valid). Pure. */
export function validateDashboardBody(body: string): ValidationMessage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return [{ DataPath: '', Message: `Invalid JSON: ${(err as Error).message}` }];
  }
  if (!isObj(parsed)) return [{ DataPath: '', Message: 'Should be object' }];
  if (parsed['widgets'] === undefined)
    return [{ DataPath: '', Message: "Should have required property 'widgets'" }];
  if (!Array.isArray(parsed['widgets'])) return [{ DataPath: '/widgets', Message: 'Should be array' }];
  const out: ValidationMessage[] = [];
  parsed['widgets'].forEach((w, i) => checkWidget(out, i, w));
  return out;
}

function invalidInput(message: string, messages?: ValidationMessage[]): AwsError {
  return new AwsError(
    'InvalidParameterInput',
    message,
    400,
    'Sender',
    messages ? { DashboardValidationMessages: messages } : {},
  );
}

interface DashboardRec {
  DashboardName: string;
  DashboardArn: string;
  DashboardBody: string;
  LastModified: number; // epoch ms
  Size: number;
}

export class DashboardStore {
  private readonly table: Collection<DashboardRec>;

  constructor(
    dir: string,
    private readonly accountId: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.table = new Collection(dir);
  }

  handle(operation: string, req: Obj): unknown {
    switch (operation) {
      case 'PutDashboard':
        return this.put(req);
      case 'GetDashboard':
        return this.get(req);
      case 'ListDashboards':
        return this.list(req);
      case 'DeleteDashboards':
        return this.delete(req);
      default:
        return undefined;
    }
  }

  private checkName(name: unknown, member = 'DashboardName'): string {
    if (name === undefined || name === null || name === '')
      throw new AwsError('MissingParameter', `The parameter ${member} is required.`);
    if (typeof name !== 'string' || name.length > 255 || !NAME_RE.test(name))
      throw invalidInput(
        `The value for field ${member} contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).`,
      );
    return name;
  }

  private put(req: Obj): unknown {
    const name = this.checkName(req['DashboardName']);
    const body = req['DashboardBody'];
    if (typeof body !== 'string' || body === '')
      throw new AwsError('MissingParameter', 'The parameter DashboardBody is required.');
    const messages = validateDashboardBody(body);
    if (messages.length) {
      const shown = JSON.stringify(
        messages.map((m) => ({ dataPath: m.DataPath, message: m.Message })),
        null,
        2,
      );
      throw invalidInput(
        `The dashboard body is invalid, there are ${messages.length} validation errors:\n${shown}`,
        messages,
      );
    }
    this.table.put(name, {
      DashboardName: name,
      DashboardArn: `arn:aws:cloudwatch::${this.accountId()}:dashboard/${name}`,
      DashboardBody: body,
      LastModified: this.now(),
      Size: Buffer.byteLength(body),
    });
    return { DashboardValidationMessages: [] };
  }

  private find(name: string): DashboardRec {
    const rec = this.table.get(name);
    if (!rec) throw new AwsError('ResourceNotFound', `Dashboard ${name} does not exist`, 404);
    return rec;
  }

  private get(req: Obj): unknown {
    const rec = this.find(this.checkName(req['DashboardName']));
    return {
      DashboardArn: rec.DashboardArn,
      DashboardBody: rec.DashboardBody,
      DashboardName: rec.DashboardName,
    };
  }

  private list(req: Obj): unknown {
    const prefix = req['DashboardNamePrefix'];
    if (prefix !== undefined && (typeof prefix !== 'string' || (prefix !== '' && !NAME_RE.test(prefix))))
      throw invalidInput(
        'The value for field DashboardNamePrefix contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).',
      );
    const all = this.table
      .values()
      .filter((d) => !prefix || d.DashboardName.startsWith(prefix))
      .sort((a, b) => (a.DashboardName < b.DashboardName ? -1 : a.DashboardName > b.DashboardName ? 1 : 0));
    const page = paginate(
      all,
      DASHBOARDS_PAGE_SIZE,
      req['NextToken'] as string | undefined,
      `dash:${String(prefix ?? '')}`,
      'InvalidNextToken',
    );
    return {
      DashboardEntries: page.items.map((d) => ({
        DashboardName: d.DashboardName,
        DashboardArn: d.DashboardArn,
        LastModified: d.LastModified / 1000,
        Size: d.Size,
      })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }

  private delete(req: Obj): unknown {
    const names = req['DashboardNames'];
    if (!Array.isArray(names) || names.length === 0)
      throw new AwsError('MissingParameter', 'The parameter DashboardNames is required.');
    if (names.length > 100)
      throw invalidInput('The collection DashboardNames must not have more than 100 members.');
    // All or nothing: one missing name deletes none.
    const recs = names.map((n) => this.find(this.checkName(n, 'DashboardNames')));
    for (const r of recs) this.table.delete(r.DashboardName);
    return {};
  }
}
