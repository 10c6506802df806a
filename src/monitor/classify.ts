/** One CSV field's type and value, classified from its bytes as Model Monitor's analyzers do. */
/*
 * Type of one CSV field as Model Monitor infers it, from bytes. Model Monitor's analyzers
 * (awslabs/deequ StatefulDataType) classify each non-null value by regular expressions:
 * Fractional `^(-|\+)? ?\d*\.\d*$`, Integral `^(-|\+)? ?\d*$`, Boolean `^(true|false)$`, else
 * String; an empty CSV field is null. Two deliberate differences, both documented in the README:
 * a value the regex calls numeric but that holds no digit ("." or "-") counts as String, and
 * Boolean (which Model Monitor's statistics never report) is folded into String.
 */
export const T_NULL = 0;
export const T_FRACTIONAL = 1;
export const T_INTEGRAL = 2;
export const T_BOOLEAN = 3;
export const T_STRING = 4;

export const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/** [0]: the numeric value of the last field classified Fractional or Integral (an out slot, not a live binding: bundlers turn those into getters on the hot path). */
export const fieldValue = new Float64Array(1);

/** Classifies buf[s, e) and, for numbers, leaves the value in `fieldValue[0]`. */
export function classifyField(buf: Uint8Array, s: number, e: number): number {
  if (s === e) return T_NULL;
  let i = s;
  let c = buf[i]!;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    if (++i === e) return T_STRING;
    c = buf[i]!;
  }
  if (c === 32) {
    if (++i === e) return T_STRING; // matches Integral's regex but holds no number
    c = buf[i]!;
  }
  const from = i;
  let m = 0;
  while (i < e && (c = buf[i]!) >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    i++;
  }
  let digits = i - from;
  let exp = 0;
  let fractional = false;
  if (i < e && buf[i] === 46) {
    fractional = true;
    i++;
    const f = i;
    while (i < e && (c = buf[i]!) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      i++;
    }
    exp = f - i;
    digits += i - f;
  }
  if (i !== e) {
    if (e - s === 4 && buf[s] === 116 && buf[s + 1] === 114 && buf[s + 2] === 117 && buf[s + 3] === 101)
      return T_BOOLEAN;
    if (
      e - s === 5 &&
      buf[s] === 102 &&
      buf[s + 1] === 97 &&
      buf[s + 2] === 108 &&
      buf[s + 3] === 115 &&
      buf[s + 4] === 101
    )
      return T_BOOLEAN;
    return T_STRING;
  }
  if (digits === 0) return T_STRING;
  let v: number;
  if (m <= 9007199254740991 && -exp <= 22) v = exp === 0 ? m : m / POW10[-exp]!;
  else v = Number(Buffer.from(buf.buffer, buf.byteOffset + from, e - from).toString('latin1'));
  fieldValue[0] = neg ? -v : v;
  return fractional ? T_FRACTIONAL : T_INTEGRAL;
}
