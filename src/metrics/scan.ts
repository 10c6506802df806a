/**
 * The fast path of the readers: one byte loop per chunk that finds the wanted comma-separated
 * column of each line and parses it inline (Clinger's fast path: <= 15 significant digits and a
 * decimal exponent within ±22 give the exact double with one multiplication or division). Any line
 * it does not fully understand (quotes, blank, too few columns, long mantissas, junk, extra values
 * when a single value is required, a header) goes to the caller's `slow` handler, which parses or
 * rejects it with the file and line. Values land in a growable Float64Array without per-line
 * strings or closures.
 */
import * as fs from 'node:fs';
import type { Float64Builder } from './lines.js';

/** Handles one line [start, end) (no newline; may end with CR) the fast path did not take; pushes into out. */
export type SlowLine = (buf: Buffer, start: number, end: number, line: number, out: Float64Builder) => void;

export interface ScanOptions {
  /** 0-based column to read. */
  column: number;
  /** The line must hold exactly one value (predictions); otherwise the rest of the line is skipped. */
  single: boolean;
  /** Lines 1..skipLines go to `slow` (e.g. a header). */
  skipLines?: number;
  /** false: every line goes to `slow` (when per-line state matters, e.g. multiclass rows). */
  fast?: boolean;
  chunkSize?: number;
}

/** The file functions the kernel reads with (node:fs, passed in: the kernel has no imports). */
export interface ScanFs {
  openSync: typeof fs.openSync;
  readSync: typeof fs.readSync;
  closeSync: typeof fs.closeSync;
}

/** Scans the file, appending one value per line to out (fast path) or whatever `slow` pushes. Returns the line count. */
export async function scanColumn(
  file: string,
  opts: ScanOptions,
  out: Float64Builder,
  slow: SlowLine,
): Promise<number> {
  return kernel.scanRange(fs, file, 0, Infinity, 0, opts, out, slow);
}

/**
 * The scanner as one self-contained function: everything it needs is declared inside or passed
 * in (no imports, no module constants), so its source text also runs as a worker thread's code
 * (see parallel-scan.ts), in the sources, under jest and in a minified bundle alike. Returns the
 * range scanner; the main thread uses the same instance below.
 */
export function scanKernel(): {
  scanRange(
    fsys: ScanFs,
    file: string,
    from: number,
    to: number,
    firstLine: number,
    opts: ScanOptions,
    out: Float64Builder,
    slow: SlowLine,
  ): number;
} {
  const POW10 = new Float64Array(23);
  for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

  /**
   * Scans bytes [from, to) of the file (to = Infinity: to the end; `from` must start a line, `to`
   * end one or be the end), numbering lines from firstLine + 1. Returns the last line number.
   */
  function scanRange(
    fsys: ScanFs,
    file: string,
    from: number,
    to: number,
    firstLine: number,
    opts: ScanOptions,
    out: Float64Builder,
    slow: SlowLine,
  ): number {
    // Synchronous chunked reads: no thread-pool round trip per chunk (measurably faster on busy
    // runners); the file is still streamed through one buffer.
    const fd = fsys.openSync(file, 'r');
    try {
      let buf = Buffer.allocUnsafe((opts.chunkSize ?? 1 << 20) + 1);
      let filled = 0;
      let line = firstLine;
      let first = from === 0;
      let eof = false;
      let position = from;
      const { column, single } = opts;
      // With the fast path off, every line counts as "skipped" and goes to `slow`.
      const skipLines = opts.fast === false ? Number.MAX_SAFE_INTEGER : (opts.skipLines ?? 0);
      while (!eof) {
        if (filled >= buf.length - 1) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        const want = Math.min(buf.length - 1 - filled, to - position);
        const bytesRead = want > 0 ? fsys.readSync(fd, buf, filled, want, position) : 0;
        position += bytesRead;
        let end = filled + bytesRead;
        if (bytesRead === 0) {
          eof = true;
          if (end === 0) break;
          if (buf[end - 1] !== 10) buf[end++] = 10; // terminate the last line
        }
        const last = buf.lastIndexOf(10, end - 1);
        if (last < 0) {
          filled = end; // no complete line yet (the BOM check waits for it)
          continue;
        }
        let pos = 0;
        if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
        first = false;
        // Lines [pos, last] are complete.
        line = scanLines(buf, pos, last, line, column, single, skipLines, out, slow);
        buf.copy(buf, 0, last + 1, end);
        filled = end - (last + 1);
      }
      return line;
    } finally {
      fsys.closeSync(fd);
    }
  }

  /** The hot loop (synchronous, so it optimises normally): complete lines in [pos, last]; returns the line count. */
  function scanLines(
    buf: Buffer,
    pos: number,
    last: number,
    line: number,
    column: number,
    single: boolean,
    skipLines: number,
    out: Float64Builder,
    slow: SlowLine,
  ): number {
    // Output and a 32-bit view for word-at-a-time newline search (when the buffer is aligned).
    let data = out.data;
    let len = out.length;
    const words =
      buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.length >>> 2) : null;
    while (pos <= last) {
      const lineStart = pos;
      line++;
      let i = pos;
      let ok = line > skipLines;
      // Skip to the wanted column (no quotes on the fast path).
      for (let c = 0; ok && c < column;) {
        const b = buf[i]!;
        if (b === 10 || b === 34) ok = false;
        else {
          if (b === 44) c++;
          i++;
        }
      }
      let v = 0;
      if (ok) {
        // Inline decimal parse.
        let b = buf[i]!;
        let neg = false;
        if (b === 45) {
          neg = true;
          b = buf[++i]!;
        } else if (b === 43) b = buf[++i]!;
        let m = 0;
        let exp = 0;
        const digitsFrom = i;
        while (b >= 48 && b <= 57) {
          m = m * 10 + (b - 48);
          b = buf[++i]!;
        }
        let digits = i - digitsFrom;
        if (b === 46) {
          b = buf[++i]!;
          const fracFrom = i;
          while (b >= 48 && b <= 57) {
            m = m * 10 + (b - 48);
            b = buf[++i]!;
          }
          exp = fracFrom - i;
          digits -= exp;
        }
        if (b === 101 || b === 69) {
          b = buf[++i]!;
          let eneg = false;
          if (b === 45 || b === 43) {
            eneg = b === 45;
            b = buf[++i]!;
          }
          let e = 0;
          const expFrom = i;
          while (b >= 48 && b <= 57) {
            e = e * 10 + (b - 48);
            b = buf[++i]!;
          }
          if (i === expFrom || i - expFrom > 4) ok = false;
          exp += eneg ? -e : e;
        }
        if (b === 13) b = buf[++i]!;
        // Exact when the digits, read as an integer, stay below 2^53 (every partial value was exact
        // too) and 10^|exp| is exact: Clinger's fast path.
        if (digits === 0 || m > 9007199254740991 || exp > 22 || exp < -22) ok = false;
        else if (b === 10) {
          // the value ends the line
        } else if (b === 44 && !single) {
          // more columns follow: skipped below
        } else ok = false;
        if (ok) {
          v = m === 0 ? 0 : exp === 0 ? m : exp > 0 ? m * POW10[exp]! : m / POW10[-exp]!;
          if (neg && v !== 0) v = -v;
        }
      }
      // Find the end of the line (every line in [pos, last] ends with a newline).
      let nl = i;
      if (buf[nl] !== 10) nl = words === null ? buf.indexOf(10, nl) : findNewline(buf, words, nl);
      if (ok) {
        if (len === data.length) {
          out.length = len;
          out.grow();
          data = out.data;
        }
        data[len++] = v;
      } else {
        out.length = len;
        slow(buf, lineStart, nl > lineStart && buf[nl - 1] === 13 ? nl - 1 : nl, line, out);
        data = out.data;
        len = out.length;
      }
      pos = nl + 1;
    }
    out.length = len;
    return line;
  }

  /**
   * Index of the first newline at or after i (one must exist): bytes up to a 4-byte boundary, then
   * whole words (SWAR: a word holds a 0x0A byte when (x - 0x01010101) & ~x & 0x80808080 is non-zero
   * for x = word ^ 0x0A0A0A0A), then the byte within the word.
   */
  function findNewline(buf: Buffer, words: Uint32Array, i: number): number {
    while ((i & 3) !== 0) {
      if (buf[i] === 10) return i;
      i++;
    }
    let w = i >>> 2;
    const nw = words.length;
    while (w < nw) {
      const x = words[w]! ^ 0x0a0a0a0a;
      if (((x - 0x01010101) & ~x & 0x80808080) !== 0) break;
      w++;
    }
    i = w << 2;
    while (buf[i] !== 10) i++;
    return i;
  }

  return { scanRange };
}

const kernel = scanKernel();
