/**
 * Baseline statistics from CSV files (a header row, or no header plus the feature names): the
 * same byte-level profiles as the capture scan, so baseline and current statistics are computed
 * the same way.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MonitorDataError } from './errors.js';
import { feedCsv, newSink, type RowSink } from './payload.js';

/** Splits one CSV header line into names (RFC 4180 quotes). */
export function parseHeader(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"' && cur === '') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export interface BaselineScan {
  names: string[];
  sink: RowSink;
  files: string[];
}

/**
 * Reads the CSV files. `names` given: no header row; otherwise each file starts with a header,
 * and all headers must agree.
 */
export function scanBaselineCsv(files: string[], names?: string[]): BaselineScan {
  if (files.length === 0)
    throw new MonitorDataError(
      'no baseline CSV files found; fix: point baseline-data at a CSV file or a folder/prefix holding CSV files',
    );
  const sink = newSink();
  let header: string[] | undefined = names;
  for (const file of files) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (err) {
      throw new MonitorDataError(`cannot read ${file}: ${(err as Error).message}; fix: check the path`);
    }
    try {
      let buf = Buffer.allocUnsafe(4 << 20);
      let filled = 0;
      let first = true;
      let eof = false;
      let line = 1;
      while (!eof) {
        if (filled === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        const n = readSync(fd, buf, filled, buf.length - filled, null);
        eof = n === 0;
        let end = filled + n;
        let last = eof ? end : buf.lastIndexOf(10, end - 1) + 1;
        if (last <= 0 && !eof) {
          filled = end;
          continue;
        }
        let start = 0;
        if (first) {
          if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
          if (!names) {
            const nl = buf.indexOf(10, start);
            const he = nl < 0 || nl >= end ? end : nl;
            const h = parseHeader(buf.toString('utf8', start, he).replace(/\r$/, ''));
            if (header && h.join(',') !== header.join(',')) {
              throw new MonitorDataError(
                `${file}:1: header ${JSON.stringify(h.join(',').slice(0, 120))} differs from the first file's; fix: give every baseline file the same columns`,
              );
            }
            if (h.some((x) => x === ''))
              throw new MonitorDataError(
                `${file}:1: the header has an empty column name; fix: name every column, or set features`,
              );
            header = h;
            start = Math.min(he + 1, end);
            line++;
          }
          first = false;
        }
        if (eof && last > start && buf[last - 1] !== 10) {
          buf[end] = 10; // terminate (the buffer always has room: it was not full)
          end++;
          last = end;
        }
        const err = feedCsv(sink, buf, start, last);
        if (err)
          throw new MonitorDataError(
            `${file} (after line ${line}): ${err}; fix: write the baseline as RFC 4180 CSV`,
          );
        for (let i = start; i < last; i++) if (buf[i] === 10) line++;
        buf.copy(buf, 0, last, end);
        filled = end - last;
      }
    } finally {
      closeSync(fd);
    }
  }
  if (!header || header.length === 0)
    throw new MonitorDataError(`${files[0]}: no header row; fix: add a header or set features`);
  if (sink.rows === 0)
    throw new MonitorDataError(`${files.join(', ')}: no data rows; fix: baseline on a non-empty data set`);
  return { names: header, sink, files };
}
