/**
 * A byte-level reader for one data-capture JSON line: it validates the whole line as JSON (strict
 * grammar, UTF-8, no truncation) in one pass and records where the string members Model Monitor
 * reads sit (captureData.endpointInput/endpointOutput {observedContentType, mode, data, encoding},
 * eventMetadata {eventId, inferenceId, inferenceTime}, eventVersion) without building objects or
 * strings. Anything else in the record is validated and skipped. UTF-8 is not checked here: the
 * capture reader validates whole buffers natively (a newline never sits inside a UTF-8 sequence).
 *
 * Records from one writer share their layout byte for byte outside the string values, so after a
 * line has been validated in full it becomes a template (line-template.ts): a later line that
 * matches the template's bytes outside its strings, with each string validated in place, is the
 * same JSON structure and needs no member-by-member walk. Any mismatch falls back to the full walk.
 */
import {
  ABSENT,
  NOT_STRING,
  SLOTS,
  S_EVENT_ID,
  S_EVENT_VERSION,
  S_INFERENCE_ID,
  S_INFERENCE_TIME,
  S_IN_DATA,
  S_OUT_DATA,
} from './capture-slots.js';
import { unescapeJsonString } from './json-unescape.js';
import { LineTemplate } from './line-template.js';

/** Strings up to this long are walked in JavaScript; longer ones use native searches. */
const SHORT_STRING = 256;

const C_ROOT = 0;
const C_CAPTURE = 1;
const C_IN = 2;
const C_OUT = 3;
const C_META = 4;
const C_OTHER = 5;

const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const K_CAPTURE = enc('captureData');
const K_META = enc('eventMetadata');
const K_VERSION = enc('eventVersion');
const K_IN = enc('endpointInput');
const K_OUT = enc('endpointOutput');
const K_DATA = enc('data');
const K_ENCODING = enc('encoding');
const K_CT = enc('observedContentType');
const K_MODE = enc('mode');
const K_EVENT_ID = enc('eventId');
const K_INFERENCE_ID = enc('inferenceId');
const K_TIME = enc('inferenceTime');

function keyIs(buf: Uint8Array, s: number, e: number, k: Uint8Array): boolean {
  if (e - s !== k.length) return false;
  for (let i = 0; i < k.length; i++) if (buf[s + i] !== k[i]) return false;
  return true;
}

export class SyntaxFailure {
  constructor(
    readonly pos: number,
    readonly what: string,
  ) {}
}

export class CaptureLineScanner {
  readonly starts = new Int32Array(SLOTS);
  readonly ends = new Int32Array(SLOTS);
  /** 0: no escapes; 1: only \n and \r escapes; 2: other escapes too. */
  readonly escaped = new Uint8Array(SLOTS);
  /** The buffer of the last scanned line, and a view of it for reading words. */
  buf: Uint8Array = new Uint8Array(0);
  view: DataView = new DataView(new ArrayBuffer(0));
  private backslashBuf: Uint8Array | undefined;
  private backslashFrom = 0;
  private nextBackslash = -1;
  private end = 0;
  /** Set when scan() returns false: what was wrong and the 0-based column. */
  error = '';
  errorColumn = 0;
  /** String values of the last full walk: [opening quote, closing quote, slot or -1] triples. */
  private trace: number[] = [];
  private tracing = false;
  private template: LineTemplate | undefined;
  /** Lines that matched the template / took the full walk (for tests and the bench). */
  fastLines = 0;
  slowLines = 0;

  /** Validates buf[s, e) as one JSON object and records the members' spans. */
  scan(buf: Uint8Array, s: number, e: number): boolean {
    if (buf !== this.buf) this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.buf = buf;
    this.end = e;
    // The next backslash is searched in the whole buffer and remembered across lines of the
    // same buffer while positions grow (a reader that refills the buffer restarts at a lower
    // position, which resets it), so lines without escapes cost no repeated search.
    if (buf !== this.backslashBuf || s < this.backslashFrom) {
      this.backslashBuf = buf;
      this.nextBackslash = -1;
    }
    this.reset();
    const t = this.template;
    if (t !== undefined) {
      let ok = false;
      try {
        ok = t.match(this, buf, s, e);
      } catch (err) {
        if (!(err instanceof SyntaxFailure)) throw err;
      }
      if (ok) {
        this.fastLines++;
        return true;
      }
      // Walk the line in full; the backslash search restarts at its start.
      this.nextBackslash = -1;
      this.reset();
    }
    this.slowLines++;
    this.trace.length = 0;
    this.tracing = true;
    try {
      let i = this.ws(s);
      if (i >= e || buf[i] !== 123) throw new SyntaxFailure(i, 'a data-capture record must be a JSON object');
      i = this.ws(this.object(i, C_ROOT, 0));
      if (i !== e) throw new SyntaxFailure(i, 'unexpected text after the JSON object');
      this.template = LineTemplate.from(buf, s, e, this.trace, this.starts);
      return true;
    } catch (err) {
      if (!(err instanceof SyntaxFailure)) throw err;
      this.error = err.what;
      this.errorColumn = err.pos - s + 1;
      return false;
    } finally {
      this.tracing = false;
    }
  }

  private reset(): void {
    const st = this.starts;
    const esc = this.escaped;
    for (let k = 0; k < SLOTS; k++) {
      st[k] = ABSENT;
      esc[k] = 0;
    }
  }

  /** For the template: validates the string whose opening quote is at i (see string()). */
  stringAt(i: number, slot: number): number {
    return this.string(i, slot);
  }

  private ws(i: number): number {
    const b = this.buf;
    while (i < this.end) {
      const c = b[i]!;
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) break;
      i++;
    }
    return i;
  }

  private truncated(i: number): never {
    throw new SyntaxFailure(i, 'the line ends in the middle of the JSON record (truncated)');
  }

  /** At '{'; returns the index after the matching '}'. */
  private object(i: number, ctx: number, depth: number): number {
    if (depth > 64) throw new SyntaxFailure(i, 'JSON nested deeper than 64 levels');
    const b = this.buf;
    i = this.ws(i + 1);
    if (i >= this.end) this.truncated(i);
    if (b[i] === 125) return i + 1;
    for (;;) {
      if (i >= this.end) this.truncated(i);
      if (b[i] !== 34) throw new SyntaxFailure(i, 'expected a member name in double quotes');
      const ks = i + 1;
      i = this.string(i);
      const ke = i - 1;
      i = this.ws(i);
      if (i >= this.end) this.truncated(i);
      if (b[i] !== 58) throw new SyntaxFailure(i, "expected ':' after a member name");
      i = this.ws(i + 1);
      if (i >= this.end) this.truncated(i);
      let slot = -1;
      let child = C_OTHER;
      switch (ctx) {
        case C_ROOT:
          if (keyIs(b, ks, ke, K_CAPTURE)) child = C_CAPTURE;
          else if (keyIs(b, ks, ke, K_META)) child = C_META;
          else if (keyIs(b, ks, ke, K_VERSION)) slot = S_EVENT_VERSION;
          break;
        case C_CAPTURE:
          if (keyIs(b, ks, ke, K_IN)) child = C_IN;
          else if (keyIs(b, ks, ke, K_OUT)) child = C_OUT;
          break;
        case C_IN:
        case C_OUT: {
          const base = ctx === C_IN ? S_IN_DATA : S_OUT_DATA;
          if (keyIs(b, ks, ke, K_DATA)) slot = base;
          else if (keyIs(b, ks, ke, K_ENCODING)) slot = base + 1;
          else if (keyIs(b, ks, ke, K_CT)) slot = base + 2;
          else if (keyIs(b, ks, ke, K_MODE)) slot = base + 3;
          break;
        }
        case C_META:
          if (keyIs(b, ks, ke, K_EVENT_ID)) slot = S_EVENT_ID;
          else if (keyIs(b, ks, ke, K_INFERENCE_ID)) slot = S_INFERENCE_ID;
          else if (keyIs(b, ks, ke, K_TIME)) slot = S_INFERENCE_TIME;
          break;
      }
      const c = b[i]!;
      if (slot >= 0) {
        if (c === 34) {
          this.starts[slot] = i + 1;
          const open = i;
          i = this.string(i, slot);
          this.ends[slot] = i - 1;
          if (this.tracing) this.trace.push(open, i - 1, slot);
        } else {
          this.starts[slot] = NOT_STRING;
          i = this.value(i, C_OTHER, depth + 1);
        }
      } else if (c === 123) {
        i = this.object(i, child, depth + 1);
      } else {
        i = this.value(i, C_OTHER, depth + 1);
      }
      i = this.ws(i);
      if (i >= this.end) this.truncated(i);
      if (b[i] === 44) {
        i = this.ws(i + 1);
        continue;
      }
      if (b[i] === 125) return i + 1;
      throw new SyntaxFailure(i, "expected ',' or '}' in an object");
    }
  }

  private value(i: number, ctx: number, depth: number): number {
    const b = this.buf;
    if (i >= this.end) this.truncated(i);
    const c = b[i]!;
    if (c === 34) {
      const after = this.string(i);
      if (this.tracing) this.trace.push(i, after - 1, -1);
      return after;
    }
    if (c === 123) return this.object(i, ctx, depth);
    if (c === 91) {
      if (depth > 64) throw new SyntaxFailure(i, 'JSON nested deeper than 64 levels');
      i = this.ws(i + 1);
      if (i >= this.end) this.truncated(i);
      if (b[i] === 93) return i + 1;
      for (;;) {
        i = this.ws(this.value(i, C_OTHER, depth + 1));
        if (i >= this.end) this.truncated(i);
        if (b[i] === 44) {
          i = this.ws(i + 1);
          continue;
        }
        if (b[i] === 93) return i + 1;
        throw new SyntaxFailure(i, "expected ',' or ']' in an array");
      }
    }
    if (c === 116) return this.literal(i, 'true');
    if (c === 102) return this.literal(i, 'false');
    if (c === 110) return this.literal(i, 'null');
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(i);
    throw new SyntaxFailure(i, `unexpected character ${JSON.stringify(String.fromCharCode(c))}`);
  }

  private literal(i: number, word: string): number {
    for (let k = 0; k < word.length; k++) {
      if (i + k >= this.end) this.truncated(i + k);
      if (this.buf[i + k] !== word.charCodeAt(k)) throw new SyntaxFailure(i, 'invalid literal');
    }
    return i + word.length;
  }

  private number(i: number): number {
    const b = this.buf;
    const e = this.end;
    if (b[i] === 45) i++;
    if (i >= e) this.truncated(i);
    if (b[i] === 48) i++;
    else if (b[i]! >= 49 && b[i]! <= 57) while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
    else throw new SyntaxFailure(i, 'invalid number');
    if (i < e && b[i] === 46) {
      const f = ++i;
      while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
      if (i === f) throw new SyntaxFailure(i, 'invalid number');
    }
    if (i < e && (b[i] === 101 || b[i] === 69)) {
      i++;
      if (i < e && (b[i] === 43 || b[i] === 45)) i++;
      const f = i;
      while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
      if (i === f) throw new SyntaxFailure(i, 'invalid number');
    }
    return i;
  }

  /**
   * At the opening quote; returns the index after the closing quote. Short strings (most members)
   * are walked byte by byte, which costs less than a native search's call; past SHORT_STRING
   * bytes the rest is two native searches (the closing quote, the next backslash) with the
   * escapes between them checked one by one. UTF-8 is validated by the caller.
   */
  private string(i: number, slot = -1): number {
    const b = this.buf;
    const v = this.view;
    const e = this.end;
    i++;
    const lim = Math.min(e, i + SHORT_STRING);
    while (i < lim) {
      // Four bytes at a time while none is a quote or a backslash (SWAR: a word holds a zero byte
      // when (x - 0x01010101) & ~x & 0x80808080 is non-zero; x is the word xor'ed with the byte).
      while (i + 4 <= lim) {
        const w = v.getUint32(i, true);
        const q = w ^ 0x22222222;
        const s = w ^ 0x5c5c5c5c;
        if ((((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) & 0x80808080) break;
        i += 4;
      }
      if (i >= lim) break;
      const c = b[i]!;
      if (c === 34) return i + 1;
      if (c === 92) i = this.escape(i, slot);
      else i++;
    }
    if (i >= e) this.truncated(e);
    return this.longString(i, slot);
  }

  /** Checks the escape whose backslash is at k; returns the index after it. */
  private escape(k: number, slot: number): number {
    const b = this.buf;
    const e = this.end;
    if (k + 1 >= e) this.truncated(k);
    const x = b[k + 1]!;
    // 1: only \n / \r escapes (CSV rows: the reader splits on them in place); 2: others.
    if (slot >= 0) this.escaped[slot] = x === 110 || x === 114 ? this.escaped[slot] || 1 : 2;
    if (x === 117) {
      for (let j = 2; j < 6; j++) {
        if (k + j >= e) this.truncated(k + j);
        const h = b[k + j]!;
        if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102)))
          throw new SyntaxFailure(k, 'invalid \\u escape');
      }
      return k + 6;
    }
    if (x === 34 || x === 92 || x === 47 || x === 98 || x === 102 || x === 110 || x === 114 || x === 116)
      return k + 2;
    throw new SyntaxFailure(k, 'invalid escape in a string');
  }

  /** The rest of a string from i (inside it, not at an escape's second byte), by native searches. */
  private longString(i: number, slot: number): number {
    const b = this.buf;
    const e = this.end;
    let q = b.indexOf(34, i);
    for (;;) {
      if (q < 0 || q >= e) this.truncated(e);
      if (this.nextBackslash < i) {
        this.backslashFrom = i;
        const bs = b.indexOf(92, i);
        this.nextBackslash = bs < 0 ? b.length : bs;
      }
      // No backslash before the closing quote: done. (Raw control characters, which strict JSON
      // forbids, are not looked for: SageMaker's writer escapes them.)
      if (this.nextBackslash > q) return q + 1;
      i = this.escape(this.nextBackslash, slot);
      if (q < i) q = b.indexOf(34, i); // the quote found was escaped
    }
  }

  /** The decoded text of a recorded string member (JSON escapes resolved). */
  text(slot: number): string {
    const s = this.starts[slot]!;
    if (s < 0) return '';
    const e = this.ends[slot]!;
    if (!this.escaped[slot])
      return Buffer.from(this.buf.buffer, this.buf.byteOffset + s, e - s).toString('utf8');
    return JSON.parse(
      Buffer.from(this.buf.buffer, this.buf.byteOffset + s - 1, e - s + 2).toString('utf8'),
    ) as string;
  }

  /**
   * The member's bytes with escapes resolved, written into `scratch` when needed. Returns
   * [buffer, start, end]: the line buffer itself when there were no escapes.
   */
  bytes(slot: number, scratch: { buf: Buffer }): [Uint8Array, number, number] {
    const s = this.starts[slot]!;
    const e = this.ends[slot]!;
    if (!this.escaped[slot]) return [this.buf, s, e];
    return unescapeJsonString(this.buf, s, e, scratch);
  }
}
