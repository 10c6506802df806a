/**
 * Fault injection (`--faults throttle=0.3,error=0.05,latency=50ms`): AWS-shaped throttling,
 * 500/503 errors and added latency, drawn from a seeded generator so runs are repeatable.
 */
import { AwsError } from './protocol.js';

export interface FaultSpec {
  /** Probability (0..1) that a call is answered ThrottlingException (HTTP 400 "Rate exceeded"). */
  throttle: number;
  /** Probability (0..1) of a 500 InternalFailure or 503 ServiceUnavailable (alternating draw). */
  error: number;
  /** Added latency in milliseconds before every call. */
  latencyMs: number;
}

export const NO_FAULTS: FaultSpec = { throttle: 0, error: 0, latencyMs: 0 };

export class FaultSpecError extends Error {}

/** Parses `throttle=0.3,error=0.05,latency=50ms` (latency accepts ms, s or a bare number of ms). */
export function parseFaults(text: string | undefined): FaultSpec {
  const spec = { ...NO_FAULTS };
  if (!text || !text.trim()) return spec;
  for (const part of text.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const m = /^([a-z]+)\s*=\s*(.+)$/i.exec(item);
    if (!m)
      throw new FaultSpecError(
        `--faults: '${item}' is not key=value (e.g. throttle=0.3,error=0.05,latency=50ms)`,
      );
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === 'throttle' || key === 'error') {
      const p = Number(value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : value);
      if (!Number.isFinite(p) || p < 0 || p > 1 || value === '') {
        throw new FaultSpecError(
          `--faults: ${key}=${value} must be a probability between 0 and 1 (or 0%..100%)`,
        );
      }
      spec[key] = p;
    } else if (key === 'latency') {
      const lm = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value);
      if (!lm) throw new FaultSpecError(`--faults: latency=${value} must be a duration like 50ms or 1s`);
      spec.latencyMs = Number(lm[1]) * (lm[2] === 's' ? 1000 : 1);
    } else {
      throw new FaultSpecError(`--faults: unknown fault '${key}' (known: throttle, error, latency)`);
    }
  }
  if (spec.throttle + spec.error > 1)
    throw new FaultSpecError('--faults: throttle + error must not exceed 1');
  return spec;
}

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides the fault (if any) for one call. Pure given the random source. */
export function drawFault(spec: FaultSpec, random: () => number): AwsError | undefined {
  if (spec.throttle <= 0 && spec.error <= 0) return undefined;
  const r = random();
  // "Rate exceeded" is the commonly seen text (sagemaker.md: unverified).
  if (r < spec.throttle) return new AwsError('ThrottlingException', 'Rate exceeded', 400);
  if (r < spec.throttle + spec.error) {
    return random() < 0.5
      ? new AwsError('InternalFailure', 'We encountered an internal error. Please try again.', 500)
      : new AwsError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 503);
  }
  return undefined;
}

export class FaultInjector {
  private readonly random: () => number;
  constructor(
    readonly spec: FaultSpec,
    seed: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.random = seededRandom(seed);
  }
  /** Waits the configured latency, then returns the fault to answer with, if any. */
  async before(): Promise<AwsError | undefined> {
    if (this.spec.latencyMs > 0) await this.sleep(this.spec.latencyMs);
    return drawFault(this.spec, this.random);
  }
}
