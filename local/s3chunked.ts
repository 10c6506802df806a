/**
 * aws-chunked request bodies. SDK v3 sends streaming uploads (and flexible checksums) as
 * `Content-Encoding: aws-chunked` with chunk framing and a checksum trailer; s3rver predates
 * this and would store the framing as object bytes. We decode the framing in front of s3rver
 * and hand it a plain request (a narrow fix around s3rver, not an S3 implementation).
 */
import { IncomingMessage } from 'node:http';

export function isAwsChunked(headers: IncomingMessage['headers']): boolean {
  const enc = String(headers['content-encoding'] ?? '');
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return enc.split(',').some((e) => e.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/** Decodes `<hex>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n[trailers]\r\n`. Pure. */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd === -1) throw new Error('aws-chunked body: missing chunk header');
    const header = body.subarray(pos, lineEnd).toString('latin1');
    const size = parseInt(header.split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new Error(`aws-chunked body: bad chunk size '${header}'`);
    pos = lineEnd + 2;
    if (size === 0) break;
    if (pos + size > body.length) throw new Error('aws-chunked body: truncated chunk');
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body.subarray(pos, pos + 2).toString('latin1') === '\r\n') pos += 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of body.subarray(pos).toString('latin1').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) trailers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
}

/** A plain request carrying the decoded body, for s3rver. */
export async function dechunkRequest(req: IncomingMessage): Promise<IncomingMessage> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const { data } = decodeAwsChunked(Buffer.concat(chunks));
  const plain = new IncomingMessage(req.socket);
  plain.method = req.method!;
  plain.url = req.url!;
  plain.httpVersion = req.httpVersion;
  plain.httpVersionMajor = req.httpVersionMajor;
  plain.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers };
  const enc = String(headers['content-encoding'] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'aws-chunked');
  if (enc.length) headers['content-encoding'] = enc.join(',');
  else delete headers['content-encoding'];
  delete headers['x-amz-decoded-content-length'];
  delete headers['x-amz-trailer'];
  delete headers['transfer-encoding'];
  headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  headers['content-length'] = String(data.length);
  plain.headers = headers;
  plain.push(data);
  plain.push(null);
  plain.complete = true;
  return plain;
}
