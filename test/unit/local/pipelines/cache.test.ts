import { describe, expect, test } from '@jest/globals';
import { cacheKey, findCacheHit, parseExpireAfter } from '../../../../local/pipelines/cache.js';

const H = 3_600_000;
const D = 24 * H;

describe('step caching', () => {
  test.each([
    ['PT1H', H],
    ['P30D', 30 * D],
    ['p30d', 30 * D],
    ['30d', 30 * D],
    ['T16m', 16 * 60_000],
    ['30dT5h', 30 * D + 5 * H],
    ['P4DT12H', 4 * D + 12 * H],
    ['5y', 5 * 365 * D],
    ['P1W', 7 * D],
  ])('ExpireAfter %s', (text, ms) => expect(parseExpireAfter(text)).toBe(ms));

  test.each(['', 'P', 'PT', '1h', 'soon', 'P1DT'])('%p is not a duration', (t) =>
    expect(parseExpireAfter(t)).toBeUndefined(),
  );

  test('the key covers only the documented attributes, in any key order', () => {
    const a = {
      AppSpecification: { ImageUri: 'i', ContainerArguments: ['x'] },
      Environment: { A: '1' },
      ProcessingInputs: [],
      RoleArn: 'r1',
    };
    const b = {
      RoleArn: 'r2',
      ProcessingInputs: [],
      Environment: { A: '1' },
      AppSpecification: { ContainerArguments: ['x'], ImageUri: 'i' },
    };
    expect(cacheKey('Processing', a)).toBe(cacheKey('Processing', b));
    expect(cacheKey('Processing', a)).not.toBe(cacheKey('Processing', { ...a, Environment: { A: '2' } }));
    expect(cacheKey('Training', { HyperParameters: { eta: '0.1' } })).not.toBe(
      cacheKey('Training', { HyperParameters: { eta: '0.2' } }),
    );
    expect(cacheKey('Model', {})).toBeUndefined();
    expect(cacheKey('RegisterModel', {})).toBeUndefined();
  });

  test('the most recent Succeeded run with the same key within ExpireAfter', () => {
    const now = 100 * D;
    const c = (executionArn: string, endTime: number, status = 'Succeeded', key = 'k', stepName = 'S') => ({
      executionArn,
      stepName,
      status,
      cacheKey: key,
      endTime,
    });
    const candidates = [
      c('old', now - 2 * H),
      c('new', now - H / 2),
      c('failed', now - 60_000, 'Failed'),
      c('other-key', now, 'Succeeded', 'k2'),
      c('other-step', now, 'Succeeded', 'k', 'T'),
    ];
    expect(findCacheHit(candidates, 'S', 'k', now, 3 * H)?.executionArn).toBe('new');
    expect(findCacheHit(candidates, 'S', 'k', now, H / 4)).toBeUndefined();
    expect(findCacheHit(candidates, 'S', 'k', now, undefined)?.executionArn).toBe('new');
    expect(findCacheHit(candidates, 'S', 'k3', now, undefined)).toBeUndefined();
  });
});
