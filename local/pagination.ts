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
 * AWS's List* semantics (documented for ListTrainingJobs: "MaxResults jobs are fetched first and
 * then filtered"; assumed for every SageMaker List* filter, a guess copied as documented): the
 * page is a window of `limit` records of the sorted, unfiltered listing, the filters apply to
 * that window only, and NextToken is returned whenever the window did not reach the end, even
 * when the filtered page is short or empty. Code that reads only the first page therefore misses
 * records here as it would on AWS. The token's scope names the listing and its filters.
 */
export function pageThenFilter<T>(
  all: T[],
  keep: (item: T) => boolean,
  limit: number,
  token: string | undefined,
  scope: string,
  errorCode?: string,
): Page<T> {
  const window = paginate(all, limit, token, scope, errorCode);
  const items = window.items.filter(keep);
  return window.nextToken ? { items, nextToken: window.nextToken } : { items };
}
