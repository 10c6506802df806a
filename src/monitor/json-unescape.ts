/** Decoding a JSON string's escapes from bytes, for the capture reader's payloads. */

/**
 * The bytes of the JSON string body buf[s, e) (between its quotes, already validated) with its
 * escapes resolved, written into `scratch` (grown as needed): returns [scratch, 0, length].
 */
export function unescapeJsonString(
  b: Uint8Array,
  s: number,
  e: number,
  scratch: { buf: Buffer },
): [Uint8Array, number, number] {
  if (scratch.buf.length < e - s) scratch.buf = Buffer.allocUnsafe(Math.max(e - s, scratch.buf.length * 2));
  const out = scratch.buf;
  let o = 0;
  for (let i = s; i < e;) {
    const c = b[i]!;
    if (c !== 92) {
      out[o++] = c;
      i++;
      continue;
    }
    const x = b[i + 1]!;
    i += 2;
    switch (x) {
      case 110:
        out[o++] = 10;
        break;
      case 114:
        out[o++] = 13;
        break;
      case 116:
        out[o++] = 9;
        break;
      case 98:
        out[o++] = 8;
        break;
      case 102:
        out[o++] = 12;
        break;
      case 117: {
        let cp = parseInt(Buffer.from(b.buffer, b.byteOffset + i, 4).toString('latin1'), 16);
        i += 4;
        if (cp >= 0xd800 && cp <= 0xdbff && b[i] === 92 && b[i + 1] === 117) {
          const lo = parseInt(Buffer.from(b.buffer, b.byteOffset + i + 2, 4).toString('latin1'), 16);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            i += 6;
          }
        }
        o += out.write(String.fromCodePoint(cp), o, 'utf8');
        break;
      }
      default:
        out[o++] = x; // \" \\ \/
    }
  }
  return [out, 0, o];
}
