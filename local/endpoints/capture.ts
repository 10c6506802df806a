/**
 * Endpoint data capture in AWS's JSON Lines format and S3 layout (sagemaker.md §7):
 * `<DestinationS3Uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/<mm-ss-mmm>-<uuid>.jsonl`, one record per
 * captured invocation, sampled by InitialSamplingPercentage, with CaptureOptions (Input, Output
 * or both) and CaptureContentTypeHeader deciding CSV / JSON / BASE64 encoding.
 * Records are buffered and written as one object per flush (AWS also writes files in batches;
 * the interval is sagemaker-local's choice).
 */
import { randomUUID } from 'node:crypto';
import { joinS3, parseS3Uri } from '../s3store.js';
import type { S3Store } from '../s3store.js';

type Obj = Record<string, unknown>;

export interface CaptureEvent {
  endpointName: string;
  variantName: string;
  time: number;
  inferenceId?: string | undefined;
  input: { contentType: string; body: Buffer };
  output?: { contentType: string; body: Buffer } | undefined;
}

const DEFAULT_CSV = ['text/csv'];
const DEFAULT_JSON = ['application/json'];

const baseType = (ct: string): string => ct.split(';')[0]!.trim().toLowerCase();

/** The encoding AWS uses for a payload: CSV / JSON for listed content types, else BASE64 (unverified spelling). */
export function encodingFor(contentType: string, config: Obj): 'CSV' | 'JSON' | 'BASE64' {
  const header = (config['CaptureContentTypeHeader'] as Obj | undefined) ?? {};
  const csv = ((header['CsvContentTypes'] as string[] | undefined) ?? DEFAULT_CSV).map(baseType);
  const json = ((header['JsonContentTypes'] as string[] | undefined) ?? DEFAULT_JSON).map(baseType);
  const t = baseType(contentType);
  if (csv.includes(t)) return 'CSV';
  if (json.includes(t)) return 'JSON';
  return 'BASE64';
}

function payload(mode: 'INPUT' | 'OUTPUT', ct: string, body: Buffer, config: Obj): Obj {
  const encoding = encodingFor(ct, config);
  return {
    observedContentType: ct,
    mode,
    data: encoding === 'BASE64' ? body.toString('base64') : body.toString('utf8'),
    encoding,
  };
}

/** One capture record (a single JSON line). Pure. */
export function captureRecord(ev: CaptureEvent, config: Obj, eventId: string): Obj {
  const modes = ((config['CaptureOptions'] as Obj[] | undefined) ?? []).map((o) => o['CaptureMode']);
  const wantIn = modes.includes('Input') || modes.includes('InputAndOutput');
  const wantOut = modes.includes('Output') || modes.includes('InputAndOutput');
  const captureData: Obj = {};
  if (wantIn) captureData['endpointInput'] = payload('INPUT', ev.input.contentType, ev.input.body, config);
  if (wantOut && ev.output)
    captureData['endpointOutput'] = payload('OUTPUT', ev.output.contentType, ev.output.body, config);
  return {
    captureData,
    eventMetadata: {
      eventId,
      ...(ev.inferenceId ? { inferenceId: ev.inferenceId } : {}),
      inferenceTime: new Date(ev.time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    eventVersion: '0',
  };
}

/** `<prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/<mm-ss-mmm>-<uuid>.jsonl`. Pure. */
export function captureKey(
  prefix: string,
  endpoint: string,
  variant: string,
  time: number,
  uuid: string,
): string {
  const d = new Date(time);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return joinS3(
    prefix,
    endpoint,
    variant,
    String(d.getUTCFullYear()),
    p(d.getUTCMonth() + 1),
    p(d.getUTCDate()),
    p(d.getUTCHours()),
    `${p(d.getUTCMinutes())}-${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}-${uuid}.jsonl`,
  );
}

/** Sampling: a draw in [0, 100) below the percentage is captured. */
export const sampled = (percentage: number, draw: number): boolean => draw * 100 < percentage;

export class CaptureWriter {
  private readonly buffers = new Map<
    string,
    { first: number; lines: string[]; endpoint: string; variant: string }
  >();
  private timer: ReturnType<typeof setInterval> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly s3: S3Store,
    private readonly onError: (message: string) => void,
    private readonly flushMs = 1000,
  ) {}

  /** Buffers an invocation if the config captures it (enabled, sampled). */
  capture(ev: CaptureEvent, config: Obj | undefined, draw: number): void {
    if (!config || config['EnableCapture'] === false) return;
    if (!sampled(Number(config['InitialSamplingPercentage'] ?? 0), draw)) return;
    const line = JSON.stringify(captureRecord(ev, config, randomUUID()));
    const dest = String(config['DestinationS3Uri']);
    const hour = Math.floor(ev.time / 3_600_000);
    const key = `${dest}\u0000${ev.endpointName}\u0000${ev.variantName}\u0000${hour}`;
    const buf = this.buffers.get(key);
    if (buf) buf.lines.push(line);
    else
      this.buffers.set(key, {
        first: ev.time,
        lines: [line],
        endpoint: ev.endpointName,
        variant: ev.variantName,
      });
    this.timer ??= setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  /** Writes every buffered file to S3 (called on a timer, on delete and on shutdown). */
  flush(): Promise<void> {
    const entries = [...this.buffers.entries()];
    this.buffers.clear();
    if (entries.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      for (const [k, b] of entries) {
        const dest = k.split('\u0000')[0]!;
        try {
          const loc = parseS3Uri(dest);
          const key = captureKey(loc.key, b.endpoint, b.variant, b.first, randomUUID());
          await this.s3.putBuffer(
            loc.bucket,
            key,
            Buffer.from(`${b.lines.join('\n')}\n`),
            'application/jsonl',
          );
        } catch (err) {
          this.onError(`data capture to ${dest} failed: ${(err as Error).message}`);
        }
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
