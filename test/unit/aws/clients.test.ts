import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { clientConfig, createAwsClients, forcePathStyle, resolveRegion } from '../../../src/aws/clients.js';
import { ConfigurationError } from '../../../src/core/errors.js';
import { KIT_VERSION } from '../../../src/core/version.js';

describe('AWS client factory', () => {
  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(resolveRegion('eu-west-1', { AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
    expect(resolveRegion(undefined, { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'us-east-2',
    );
    expect(resolveRegion('', { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
    expect(() => resolveRegion(undefined, {})).toThrow(ConfigurationError);
    expect(() => resolveRegion('Mars', {})).toThrow(/input 'region': "Mars" is not an AWS region/);
  });

  it('uses adaptive retries, configurable attempts and the kit user agent', () => {
    expect(clientConfig({ region: 'us-east-1' }, {})).toEqual({
      region: 'us-east-1',
      maxAttempts: 10,
      retryMode: 'adaptive',
      customUserAgent: [['sagemaker-actions', KIT_VERSION]],
    });
    expect(clientConfig({ region: 'us-east-1', maxAttempts: 3 }, {}).maxAttempts).toBe(3);
  });

  it('keeps the version in step with package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(KIT_VERSION).toBe(pkg.version);
  });

  it('builds each client once, leaving the endpoint to the SDK (AWS_ENDPOINT_URL)', async () => {
    const clients = createAwsClients({ region: 'us-east-1' }, {});
    const a = await clients.sagemaker();
    expect(await clients.sagemaker()).toBe(a);
    expect(await a.config.region()).toBe('us-east-1');
  });

  it('uses path-style S3 addressing only for IP or localhost endpoints', () => {
    expect(forcePathStyle({})).toBe(false);
    expect(forcePathStyle({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' })).toBe(true);
    expect(forcePathStyle({ AWS_ENDPOINT_URL_S3: 'http://localhost:9000' })).toBe(true);
    expect(forcePathStyle({ AWS_ENDPOINT_URL: 'https://s3.example.com' })).toBe(false);
  });
});
