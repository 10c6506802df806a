/**
 * Exact number parsing straight from bytes (no per-line strings). The fast path is Clinger's:
 * at most 15 significant digits and a decimal exponent within ±22 give the correctly rounded
 * double with one multiplication or division (both operands exact). Anything else (long
 * mantissas, big exponents) falls back to the platform's Number() on the validated text, so the
 * result always equals Number(text). Returns NaN for anything that is not a decimal number
 * (empty, "nan", "inf", hex, junk); callers turn NaN into a DataError.
 */
const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p; // 1e0..1e22 are exact doubles

const NUMBER_TEXT_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

export function parseNumberText(text: string): number {
  const t = text.trim();
  return NUMBER_TEXT_RE.test(t) ? Number(t) : NaN;
}

function slowParse(buf: Uint8Array, start: number, end: number): number {
  return parseNumberText(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'));
}

export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  if (start === end) return NaN;
  let i = start;
  let neg = false;
  let c = buf[i]!;
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let m = 0;
  let sig = 0;
  let exp = 0;
  let sawDigit = false;
  while (i < end) {
    c = buf[i]!;
    if (c < 48 || c > 57) break;
    sawDigit = true;
    if (m !== 0 || c !== 48) {
      m = m * 10 + (c - 48);
      sig++;
    }
    i++;
  }
  if (i < end && buf[i] === 46) {
    i++;
    while (i < end) {
      c = buf[i]!;
      if (c < 48 || c > 57) break;
      sawDigit = true;
      if (m !== 0 || c !== 48) {
        m = m * 10 + (c - 48);
        sig++;
      }
      exp--;
      i++;
    }
  }
  if (!sawDigit) return NaN;
  if (i < end) {
    c = buf[i]!;
    if (c !== 101 && c !== 69) return slowParse(buf, start, end);
    i++;
    let eneg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      eneg = buf[i] === 45;
      i++;
    }
    if (i === end) return NaN;
    let e = 0;
    const first = i;
    while (i < end) {
      c = buf[i]!;
      if (c < 48 || c > 57) return NaN;
      e = e * 10 + (c - 48);
      i++;
    }
    if (i - first > 5) return slowParse(buf, start, end);
    exp += eneg ? -e : e;
  }
  if (sig > 15) return slowParse(buf, start, end);
  let v: number;
  if (m === 0) v = 0;
  else if (exp === 0) v = m;
  else if (exp > 0 && exp <= 22) v = m * POW10[exp]!;
  else if (exp < 0 && exp >= -22) v = m / POW10[-exp]!;
  else return slowParse(buf, start, end);
  return neg ? -v : v;
}
