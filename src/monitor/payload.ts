/**
 * Feeding one captured payload into the feature profiles: CSV rows (one record per line of the
 * payload, fields positional), or JSON (an array of values, an array of rows, {"instances": [...]},
 * or an object of named features mapped onto the baseline's names).
 */
import { MonitorDataError } from './errors.js';
import { POW10, T_FRACTIONAL, T_INTEGRAL } from './classify.js';
import { FeatureProfile } from './profile.js';

export interface RowSink {
  profiles: FeatureProfile[];
  /** rows by number of columns */
  columnCounts: Map<number, number>;
  rows: number;
  /** named JSON features that the baseline does not have */
  unknownNames: Map<string, number>;
}

let listTemplate: FeatureProfile[] | undefined;

export function newSink(): RowSink {
  // An empty list already in the elements kind a list of objects ends in (an empty literal starts
  // as small integers and changes kind at its first profile): every sink then has the same shape,
  // and the optimized scan code is not thrown away at each new batch's first row.
  listTemplate ??= [new FeatureProfile()];
  return { profiles: listTemplate.slice(0, 0), columnCounts: new Map(), rows: 0, unknownNames: new Map() };
}

function profileAt(sink: RowSink, i: number): FeatureProfile {
  let p = sink.profiles[i];
  if (p === undefined) {
    while (sink.profiles.length <= i) sink.profiles.push(new FeatureProfile());
    p = sink.profiles[i]!;
  }
  return p;
}

function countRow(sink: RowSink, columns: number): void {
  sink.rows++;
  sink.columnCounts.set(columns, (sink.columnCounts.get(columns) ?? 0) + 1);
}

/**
 * CSV rows in buf[s, e). With `jsonNewlines` the bytes are still JSON-escaped and hold no escapes
 * but \n and \r, which end rows (so the payload is read in place, without unescaping). Returns an
 * error description, or null. Plain decimal fields (the bulk of a numeric payload) are parsed while
 * the field is split, into exactly the value and type classifyField gives them; anything else
 * (signs other than '-', spaces, huge or long numbers, text, quotes) takes classifyField's path.
 */
export function feedCsv(
  sink: RowSink,
  buf: Uint8Array,
  s: number,
  e: number,
  jsonNewlines = false,
): string | null {
  let i = s;
  while (i < e) {
    // one row from i
    let col = 0;
    let quoted = false;
    for (;;) {
      const fs = i;
      // Fast path: -?digits(.digits)? up to a separator.
      let c = i < e ? buf[i]! : 10;
      let neg = false;
      if (c === 45) {
        neg = true;
        c = ++i < e ? buf[i]! : 10;
      }
      let m = 0;
      const d0 = i;
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        c = ++i < e ? buf[i]! : 10;
      }
      let digits = i - d0;
      let exp = 0;
      const fractional = c === 46;
      if (fractional) {
        const f = ++i;
        c = i < e ? buf[i]! : 10;
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = ++i < e ? buf[i]! : 10;
        }
        exp = f - i;
        digits += i - f;
      }
      if (
        digits > 0 &&
        (c === 44 || c === 10 || c === 13 || (c === 92 && jsonNewlines)) &&
        m <= 9007199254740991 &&
        -exp <= 22
      ) {
        const v = exp === 0 ? m : m / POW10[-exp]!;
        profileAt(sink, col).addClassified(fractional ? T_FRACTIONAL : T_INTEGRAL, neg ? -v : v);
      } else {
        // General path: find the field's end, then classify it.
        i = fs;
        for (;;) {
          c = i < e ? buf[i]! : 10;
          if (c === 34 && i === fs) {
            quoted = true;
            break;
          }
          if (c === 44 || c === 10 || c === 13 || (c === 92 && jsonNewlines)) break;
          i++;
        }
        if (quoted) break;
        profileAt(sink, col).addField(buf, fs, i);
      }
      col++;
      // the separator at i
      if (c === 44) {
        i++;
        continue;
      }
      let width = 1;
      if (c === 92) {
        c = buf[i + 1] === 110 ? 10 : 13;
        width = 2;
      }
      i += width;
      if (c === 13) {
        // CR LF (raw or escaped) ends one row
        if (i < e && buf[i] === 10) i++;
        else if (jsonNewlines && i + 1 < e && buf[i] === 92 && buf[i + 1] === 110) i += 2;
      }
      break;
    }
    if (quoted) {
      const r = quotedRow(sink, buf, i, e, col);
      if (typeof r === 'string') return r;
      col = r.columns;
      i = r.next;
    }
    countRow(sink, col);
  }
  return null;
}

/** The rest of a row from a quoted field on (RFC 4180 quotes): slow path, strings per field. */
function quotedRow(
  sink: RowSink,
  buf: Uint8Array,
  i: number,
  e: number,
  col: number,
): { columns: number; next: number } | string {
  let field = '';
  let inQuote = false;
  let start = i;
  const flushRaw = (to: number) => {
    field += Buffer.from(buf.buffer, buf.byteOffset + start, to - start).toString('utf8');
  };
  let wasQuoted = false;
  for (;;) {
    const c = i < e ? buf[i]! : 10;
    if (inQuote) {
      if (i >= e) return 'a CSV field in the payload opens a double quote that never closes';
      if (c === 34) {
        flushRaw(i);
        if (buf[i + 1] === 34) {
          field += '"';
          i += 2;
          start = i;
          continue;
        }
        inQuote = false;
        i++;
        start = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === 34 && i === start && field === '') {
      inQuote = true;
      wasQuoted = true;
      i++;
      start = i;
      continue;
    }
    if (c === 44 || c === 10 || c === 13) {
      flushRaw(Math.min(i, e));
      const p = profileAt(sink, col);
      if (wasQuoted || field !== '') p.addText(field);
      else p.addNull();
      col++;
      field = '';
      wasQuoted = false;
      if (c === 13 && buf[i + 1] === 10) i++;
      i++;
      start = i;
      if (c !== 44) return { columns: col, next: i };
      continue;
    }
    i++;
  }
}

function feedValue(p: FeatureProfile, v: unknown, where: string): void {
  if (v === null || v === undefined) p.addNull();
  else if (typeof v === 'number') p.addTypedNumber(v);
  else if (typeof v === 'string') p.addText(v);
  else if (typeof v === 'boolean') p.addText(String(v));
  else
    throw new MonitorDataError(
      `${where}: a feature value is a nested ${Array.isArray(v) ? 'array' : 'object'}; fix: send flat rows (one value per feature) or use a record preprocessor`,
    );
}

function feedRowValues(sink: RowSink, row: unknown[], where: string): void {
  row.forEach((v, i) => feedValue(profileAt(sink, i), v, where));
  countRow(sink, row.length);
}

function feedNamedRow(
  sink: RowSink,
  row: Record<string, unknown>,
  names: Map<string, number>,
  where: string,
): void {
  let columns = 0;
  for (const [k, v] of Object.entries(row)) {
    const i = names.get(k);
    if (i === undefined) sink.unknownNames.set(k, (sink.unknownNames.get(k) ?? 0) + 1);
    else {
      feedValue(profileAt(sink, i), v, where);
      columns++;
    }
  }
  for (let i = 0; i < names.size; i++) profileAt(sink, i);
  // Named rows: a missing name is a null value of that feature; extra names are extra columns.
  const seen = new Set(Object.keys(row));
  for (const [name, i] of names) if (!seen.has(name)) profileAt(sink, i).addNull();
  countRow(sink, columns + Object.keys(row).filter((k) => !names.has(k)).length);
}

/** A JSON payload: returns an error description, or null when fed. */
export function feedJson(
  sink: RowSink,
  text: string,
  names: Map<string, number>,
  where: string,
): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `the JSON payload does not parse (${(err as Error).message})`;
  }
  const rows: unknown[] = [];
  if (Array.isArray(doc)) {
    if (doc.length > 0 && doc.every((r) => Array.isArray(r) || (r !== null && typeof r === 'object')))
      rows.push(...doc);
    else rows.push(doc);
  } else if (doc !== null && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.instances)) rows.push(...o.instances);
    else rows.push(o);
  } else rows.push([doc]);
  for (const r of rows) {
    if (Array.isArray(r)) feedRowValues(sink, r, where);
    else if (r !== null && typeof r === 'object') {
      const o = r as Record<string, unknown>;
      if (Array.isArray(o.features)) feedRowValues(sink, o.features, where);
      else feedNamedRow(sink, o, names, where);
    } else feedRowValues(sink, [r], where);
  }
  return null;
}
