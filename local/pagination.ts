/** NextToken pagination and sorting shared by every List and Describe operation. */
import { AwsError } from './protocol.js';

export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64');
}

/** Decodes a token minted by encodeToken for the same scope (the same filters); else an error. */
export function decodeToken(
  token: string | undefined,
  scope: string,
  errorCode = 'ValidationException',
): number {
  if (token === undefined || token === null || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as {
      o?: unknown;
      s?: unknown;
    };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope)
      return parsed.o;
  } catch {
    // fall through
  }
  throw new AwsError(errorCode, 'The provided NextToken is not valid for this request.');
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export function paginate<T>(
  all: T[],
  limit: number,
  token: string | undefined,
  scope: string,
  errorCode?: string,
): Page<T> {
  const start = decodeToken(token, scope, errorCode);
  const items = all.slice(start, start + limit);
  const end = start + items.length;
  return end < all.length ? { items, nextToken: encodeToken(end, scope) } : { items };
}

/** Stable sort by a key, ascending or descending. */
export function sortBy<T>(items: T[], key: (t: T) => string | number, descending: boolean): T[] {
  const sorted = items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.index - b.index))
    .map((x) => x.item);
  return descending ? sorted.reverse() : sorted;
}

/**
 * A List page the way AWS builds one: MaxResults (default 10) is applied to the sorted records
 * BEFORE the filters, so a page may come back short or empty with a NextToken (the caller keeps
 * paging). The token is bound to the request's filters and sort.
 */
export function pageThenFilter<T extends { seq: number }>(
  records: T[],
  req: Record<string, unknown>,
  opts: {
    scope: string;
    sortKey: (r: T) => string | number;
    descendingByDefault: boolean;
    keep: (r: T) => boolean;
  },
): Page<T> {
  const order = req['SortOrder'];
  const descending = order === undefined ? opts.descendingByDefault : order === 'Descending';
  const sorted = sortBy(
    sortBy(records, (r) => r.seq, false),
    opts.sortKey,
    descending,
  );
  const { NextToken: _token, MaxResults: _max, ...filters } = req;
  const scope = JSON.stringify([opts.scope, filters]);
  const page = paginate(
    sorted,
    (req['MaxResults'] as number | undefined) ?? 10,
    req['NextToken'] as string | undefined,
    scope,
  );
  return { ...page, items: page.items.filter(opts.keep) };
}
