/**
 * aws-chunked request bodies. SDK v3 sends streaming uploads (and flexible checksums) as
 * `Content-Encoding: aws-chunked` with chunk framing and a checksum trailer; s3rver predates
 * this and would store the framing as object bytes. We decode the framing in front of s3rver
 * and hand it a plain request (a narrow fix around s3rver, not an S3 implementation).
 * Decoding streams: memory use is one chunk header, never the body (uploads go up to 5 GiB).
 */
import type { IncomingMessage } from 'node:http';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { MAX_PUT_BYTES } from './guard.js';

export function isAwsChunked(headers: IncomingMessage['headers']): boolean {
  const enc = String(headers['content-encoding'] ?? '');
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return enc.split(',').some((e) => e.trim() === 'aws-chunked') || sha.startsWith('STREAMING-');
}

/** A chunk header or trailer line longer than this is not aws-chunked framing. */
const MAX_LINE = 8192;

export class AwsChunkedError extends Error {}

/**
 * Incremental parser of `<hex>[;chunk-signature=..]\r\n<data>\r\n ... 0\r\n[trailers]\r\n`:
 * `push` returns the data bytes found so far (slices of the input, never copies of the body).
 */
export class AwsChunkedParser {
  private state: 'header' | 'data' | 'data-crlf' | 'trailers' | 'done' = 'header';
  private line = Buffer.alloc(0);
  private remaining = 0;
  private total = 0;
  readonly trailers: Record<string, string> = {};

  constructor(private readonly maxBytes = MAX_PUT_BYTES) {}

  get decodedBytes(): number {
    return this.total;
  }

  push(input: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let pos = 0;
    while (pos < input.length && this.state !== 'done') {
      if (this.state === 'data') {
        const n = Math.min(this.remaining, input.length - pos);
        out.push(input.subarray(pos, pos + n));
        pos += n;
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'data-crlf';
        continue;
      }
      const nl = input.indexOf(0x0a, pos);
      const end = nl === -1 ? input.length : nl + 1;
      this.line = Buffer.concat([this.line, input.subarray(pos, end)]);
      pos = end;
      if (this.line.length > MAX_LINE) throw new AwsChunkedError('aws-chunked body: chunk header too long');
      if (nl === -1) break;
      const text = this.line.toString('latin1').replace(/\r?\n$/, '');
      this.line = Buffer.alloc(0);
      this.onLine(text);
    }
    return out;
  }

  private onLine(text: string): void {
    if (this.state === 'data-crlf') {
      if (text !== '') throw new AwsChunkedError('aws-chunked body: chunk data longer than its size');
      this.state = 'header';
      return;
    }
    if (this.state === 'trailers') {
      if (text === '') {
        this.state = 'done';
        return;
      }
      const i = text.indexOf(':');
      if (i > 0) this.trailers[text.slice(0, i).trim().toLowerCase()] = text.slice(i + 1).trim();
      return;
    }
    const sizeText = text.split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText))
      throw new AwsChunkedError(`aws-chunked body: bad chunk size '${text.slice(0, 40)}'`);
    const size = parseInt(sizeText, 16);
    if (size === 0) {
      this.state = 'trailers';
      return;
    }
    this.total += size;
    if (this.total > this.maxBytes)
      throw new AwsChunkedError(`aws-chunked body: larger than ${this.maxBytes} bytes`);
    this.remaining = size;
    this.state = 'data';
  }

  /** Throws unless the final (0-size) chunk was seen. Trailers may end without their blank line. */
  end(): void {
    if (this.state === 'trailers' || this.state === 'done') {
      if (this.line.length) this.onLine(this.line.toString('latin1').replace(/\r?\n$/, ''));
      this.state = 'done';
      return;
    }
    throw new AwsChunkedError(
      this.state === 'data' ? 'aws-chunked body: truncated chunk' : 'aws-chunked body: missing final chunk',
    );
  }
}

/** Decodes a whole aws-chunked body held in memory (tests). Pure. */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const p = new AwsChunkedParser();
  const parts = p.push(body);
  p.end();
  return { data: Buffer.concat(parts), trailers: p.trailers };
}

/** The decoded bytes of an aws-chunked stream; errors when the framing is bad or truncated. */
export class AwsChunkedDecoder extends Transform {
  readonly parser: AwsChunkedParser;
  constructor(maxBytes = MAX_PUT_BYTES) {
    super();
    this.parser = new AwsChunkedParser(maxBytes);
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      for (const part of this.parser.push(chunk)) this.push(part);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
  override _flush(cb: TransformCallback): void {
    try {
      this.parser.end();
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
}

/**
 * A plain request streaming the decoded body, for s3rver. A framing error (or a body longer than
 * x-amz-decoded-content-length) destroys it with an AwsChunkedError, which the store turns into
 * an IncompleteBody answer; nothing partial is stored (store writes are temp file + rename).
 */
export function dechunkRequest(req: IncomingMessage): IncomingMessage {
  const declared = Number(req.headers['x-amz-decoded-content-length']);
  const limit =
    Number.isFinite(declared) && declared >= 0 ? Math.min(declared, MAX_PUT_BYTES) : MAX_PUT_BYTES;
  const decoder = new AwsChunkedDecoder(limit);
  // A plain Readable dressed as the request (destroying an IncomingMessage would close the
  // socket, and the client must still get its error response).
  const plain = Object.assign(new Readable({ read: () => decoder.resume() }), {
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    socket: req.socket,
    connection: req.socket,
    complete: false,
    headers: {} as IncomingMessage['headers'],
  });
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
  if (Number.isFinite(declared) && declared >= 0) headers['content-length'] = String(declared);
  else delete headers['content-length'];
  plain.headers = headers;
  // Nobody may be listening yet when the framing turns out bad; the store's pipeline reports it.
  plain.on('error', () => {});
  decoder.on('data', (c: Buffer) => {
    if (!plain.push(c)) decoder.pause();
  });
  decoder.once('end', () => {
    if (Number.isFinite(declared) && decoder.parser.decodedBytes !== declared) {
      plain.destroy(
        new AwsChunkedError(
          `aws-chunked body: ${decoder.parser.decodedBytes} bytes, but x-amz-decoded-content-length is ${declared}`,
        ),
      );
      return;
    }
    plain.complete = true;
    plain.push(null);
  });
  decoder.once('error', (err) => {
    req.unpipe(decoder);
    req.resume();
    plain.destroy(err);
  });
  req.pipe(decoder);
  return plain as unknown as IncomingMessage;
}
