import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { ConfigurationError } from '../core/errors.js';
import { userAgentPairs } from './user-agent.js';

/**
 * The one AWS client factory. Every action builds its clients here, so region, retries and
 * user agent are the same everywhere. The endpoint is never special-cased: the SDK's standard
 * AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) override is honoured by the SDK itself,
 * which is how sagemaker-local is reached.
 *
 * Clients are loaded with dynamic imports so that an action fails on bad input before it pays
 * for loading the SDK.
 */
export interface AwsClientOptions {
  /** Region from the `region` input; falls back to AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string | undefined;
  /** Total attempts per call including the first (adaptive retry mode). */
  maxAttempts?: number | undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 10;
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function resolveRegion(input: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = (input?.trim() || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || '').trim();
  if (!region) {
    throw new ConfigurationError(
      "no AWS region: set the 'region' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it)",
    );
  }
  if (!REGION_RE.test(region)) {
    throw new ConfigurationError(
      `input 'region': ${JSON.stringify(region)} is not an AWS region name like us-east-1`,
    );
  }
  return region;
}

export interface ResolvedClientConfig {
  region: string;
  maxAttempts: number;
  retryMode: 'adaptive';
  customUserAgent: [string, string][];
}

export function clientConfig(
  opts: AwsClientOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): ResolvedClientConfig {
  return {
    region: resolveRegion(opts.region, env),
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'adaptive',
    customUserAgent: userAgentPairs(env),
  };
}

export interface AwsClients {
  region: string;
  sagemaker(): Promise<SageMakerClient>;
  logs(): Promise<CloudWatchLogsClient>;
  cloudwatch(): Promise<CloudWatchClient>;
  s3(): Promise<S3Client>;
  runtime(): Promise<SageMakerRuntimeClient>;
}

/** Lazily builds (once each) the clients an action needs. */
export function createAwsClients(
  opts: AwsClientOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): AwsClients {
  const config = clientConfig(opts, env);
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      cache.set(key, p);
    }
    return p;
  };
  return {
    region: config.region,
    sagemaker: () =>
      // sdk-sagemaker.js: the client's ESM modules, so the bundle leaves out unused commands.
      once('sagemaker', async () => new (await import('./sdk-sagemaker.js')).SageMakerClient(config)),
    logs: () =>
      once(
        'logs',
        async () => new (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient(config),
      ),
    cloudwatch: () =>
      once(
        'cloudwatch',
        async () => new (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient(config),
      ),
    s3: () =>
      once(
        's3',
        async () =>
          new (await import('@aws-sdk/client-s3')).S3Client({
            ...config,
            forcePathStyle: forcePathStyle(env),
          }),
      ),
    runtime: () =>
      once(
        'runtime',
        async () => new (await import('@aws-sdk/client-sagemaker-runtime')).SageMakerRuntimeClient(config),
      ),
  };
}

/**
 * S3 needs path-style addressing when an endpoint override points at a host that cannot take a
 * bucket sub-domain (127.0.0.1, localhost). This is the SDK's own documented switch for custom
 * endpoints, not a local-mode branch: it follows from the endpoint, whatever serves it.
 */
export function forcePathStyle(env: NodeJS.ProcessEnv): boolean {
  const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname;
    return host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
  } catch {
    return false;
  }
}
