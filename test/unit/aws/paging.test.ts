import { describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import { ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { collectAll, findFirst } from '../../../src/aws/paging.js';
import { findLatestApproved } from '../../../src/sagemaker/registry.js';

describe('paging', () => {
  it('follows tokens through empty pages and stops at the first match', async () => {
    const pages: Record<string, { items: number[]; next: string | undefined }> = {
      start: { items: [], next: 'a' },
      a: { items: [], next: 'b' },
      b: { items: [7, 8], next: 'c' },
      c: { items: [9], next: undefined },
    };
    const seen: string[] = [];
    const fetch = async (t: string | undefined) => {
      seen.push(t ?? 'start');
      return pages[t ?? 'start']!;
    };
    expect(await findFirst(fetch, (n) => n > 7)).toBe(8);
    expect(seen).toEqual(['start', 'a', 'b']);
    expect(await collectAll(fetch)).toEqual([7, 8, 9]);
    // A repeated token ends the loop instead of spinning.
    expect(await collectAll(async () => ({ items: [1], next: 'same' }), { maxPages: 5 })).toEqual([1, 1]);
  });

  it('the champion lookup pages ListModelPackages until an Approved package appears', async () => {
    const sm = mockClient(SageMakerClient);
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 't1' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 't2' })
      .resolvesOnce({
        ModelPackageSummaryList: [
          {
            ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/g/3',
            ModelPackageGroupName: 'g',
            CreationTime: new Date(0),
            ModelPackageStatus: 'Completed',
          },
        ],
      });
    const found = await findLatestApproved(new SageMakerClient({ region: 'us-east-1' }), 'g');
    expect(found?.ModelPackageArn).toMatch(/model-package\/g\/3$/);
    const calls = sm.commandCalls(ListModelPackagesCommand).map((c) => c.args[0].input.NextToken);
    expect(calls).toEqual([undefined, 't1', 't2']);
    sm.restore();
  });
});
