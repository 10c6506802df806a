/**
 * The one paging loop for AWS List/Describe calls. AWS applies MaxResults BEFORE filtering and
 * returns a NextToken on short or even empty pages, so a caller must follow the token until it
 * finds what it wants or the token runs out; never trust the first page alone.
 */
export interface Page<T> {
  items: readonly T[];
  next: string | undefined;
}

export interface PagingOptions {
  /** Upper bound on pages (a safety net against a service that repeats tokens). Default 1000. */
  maxPages?: number;
}

/** Yields items page by page until the token runs out (or repeats, or maxPages is reached). */
export async function* paginate<T>(
  fetch: (token: string | undefined) => Promise<Page<T>>,
  opts: PagingOptions = {},
): AsyncGenerator<T> {
  const maxPages = opts.maxPages ?? 1000;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const res = await fetch(token);
    yield* res.items;
    if (!res.next || res.next === token) return;
    token = res.next;
  }
}

/** The first item that matches, reading only as many pages as needed. */
export async function findFirst<T>(
  fetch: (token: string | undefined) => Promise<Page<T>>,
  match: (item: T) => boolean = () => true,
  opts: PagingOptions = {},
): Promise<T | undefined> {
  for await (const item of paginate(fetch, opts)) if (match(item)) return item;
  return undefined;
}

/** Every item of every page. */
export async function collectAll<T>(
  fetch: (token: string | undefined) => Promise<Page<T>>,
  opts: PagingOptions = {},
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of paginate(fetch, opts)) out.push(item);
  return out;
}
