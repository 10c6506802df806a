/**
 * CSV the way the Kaggle Olist files are written (pandas' QUOTE_MINIMAL): comma separated, a field is
 * quoted only when it holds a comma, a quote or a line break, and quotes inside are doubled. Nulls are
 * empty fields. Floats print like Python's repr (58.9, 100.0).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export type Field = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly Field[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += csvField(fields[i]);
  }
  return out + '\n';
}

/** A float as pandas writes it: shortest round-trip repr, always with a decimal point. */
export function pyFloat(x: number, decimals?: number): string {
  const v = decimals === undefined ? x : Math.round(x * 10 ** decimals) / 10 ** decimals;
  const s = String(v);
  return Number.isInteger(v) && !s.includes('e') ? `${s}.0` : s;
}

/**
 * Streams CSV lines to a file in large chunks, honouring backpressure: `add` buffers and returns true when
 * the caller should `await flush()` before adding more.
 */
export class CsvWriter {
  // Lines are kept in an array and joined once per chunk: cheaper for the GC than one growing string.
  private lines: string[] = [];
  private buffered = 0;
  private readonly stream: WriteStream;
  rows = 0;

  constructor(
    path: string,
    header: readonly string[],
    private readonly chunkSize = 1 << 20,
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.push(csvLine(header));
  }

  private push(line: string): void {
    this.lines.push(line);
    this.buffered += line.length;
  }

  /** Adds one row; returns true when the buffer is full and `flush()` should be awaited. */
  add(fields: readonly Field[]): boolean {
    this.push(csvLine(fields));
    this.rows++;
    return this.buffered >= this.chunkSize;
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const chunk = this.lines.join('');
    this.lines = [];
    this.buffered = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** RFC 4180 parser (quoted fields may hold commas, quotes and line breaks); returns rows of raw strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
