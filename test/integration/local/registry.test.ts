/** Model registry on sagemaker-local: versions, ARNs, approval filter, sort, pagination, updates. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { XGB_IMAGE, removeDir, startEnv, type Env } from './helpers.js';

jest.setTimeout(60_000);

describe('sagemaker-local model registry', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.close();
    removeDir(env.dataDir);
  });

  const spec = {
    Containers: [{ Image: XGB_IMAGE, ModelDataUrl: 's3://b/m/model.tar.gz' }],
    SupportedContentTypes: ['text/csv'],
    SupportedResponseMIMETypes: ['text/csv'],
  };

  it('versions packages per group and filters, sorts and pages them like AWS', async () => {
    const g = await env.sm.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: 'Churn-Models',
        ModelPackageGroupDescription: 'churn',
      }),
    );
    expect(g.ModelPackageGroupArn).toBe(
      'arn:aws:sagemaker:us-east-1:000000000000:model-package-group/churn-models',
    );
    await env.sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'other-group' }));
    await expect(
      env.sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Churn-Models' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const statuses = ['Approved', 'PendingManualApproval', 'Approved', 'Rejected'] as const;
    const arns: string[] = [];
    for (const [i, status] of statuses.entries()) {
      const r = await env.sm.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: 'Churn-Models',
          ModelApprovalStatus: status,
          InferenceSpecification: spec,
          CustomerMetadataProperties: { commit: `c${i}` },
          ModelMetrics: {
            ModelQuality: {
              Statistics: { ContentType: 'application/json', S3Uri: `s3://b/eval/${i}/evaluation.json` },
            },
          },
        }),
      );
      arns.push(r.ModelPackageArn!);
    }
    expect(arns).toEqual(
      [1, 2, 3, 4].map((n) => `arn:aws:sagemaker:us-east-1:000000000000:model-package/churn-models/${n}`),
    );

    // AWS applies MaxResults before the ModelApprovalStatus filter: each page is one version of
    // the group (newest first) filtered, so pages can be empty and still carry a NextToken.
    const approvedQuery = {
      ModelPackageGroupName: 'Churn-Models',
      ModelApprovalStatus: 'Approved' as const,
      SortBy: 'CreationTime' as const,
      SortOrder: 'Descending' as const,
      MaxResults: 1,
    };
    const pages: (number | undefined)[][] = [];
    let token: string | undefined;
    do {
      const page = await env.sm.send(new ListModelPackagesCommand({ ...approvedQuery, NextToken: token }));
      pages.push((page.ModelPackageSummaryList ?? []).map((p) => p.ModelPackageVersion));
      token = page.NextToken;
    } while (token);
    expect(pages).toEqual([[], [3], [], [1]]);
    const ascending = await env.sm.send(
      new ListModelPackagesCommand({ ModelPackageGroupName: 'churn-models' }),
    );
    expect(
      ascending.ModelPackageSummaryList?.map((p) => [
        p.ModelPackageVersion,
        p.ModelApprovalStatus,
        p.ModelPackageStatus,
      ]),
    ).toEqual([
      [1, 'Approved', 'Completed'],
      [2, 'PendingManualApproval', 'Completed'],
      [3, 'Approved', 'Completed'],
      [4, 'Rejected', 'Completed'],
    ]);

    await env.sm.send(
      new UpdateModelPackageCommand({
        ModelPackageArn: arns[1]!,
        ModelApprovalStatus: 'Approved',
        ApprovalDescription: 'gate passed',
        CustomerMetadataProperties: { gate: 'passed' },
        CustomerMetadataPropertiesToRemove: ['commit'],
      }),
    );
    const d = await env.sm.send(new DescribeModelPackageCommand({ ModelPackageName: arns[1]! }));
    expect(d).toMatchObject({
      ModelPackageGroupName: 'Churn-Models',
      ModelPackageVersion: 2,
      ModelApprovalStatus: 'Approved',
      ApprovalDescription: 'gate passed',
      CustomerMetadataProperties: { gate: 'passed' },
      ModelMetrics: { ModelQuality: { Statistics: { S3Uri: 's3://b/eval/1/evaluation.json' } } },
    });
    expect(d.CreationTime).toBeInstanceOf(Date);
    const approved = await env.sm.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: 'Churn-Models',
        ModelApprovalStatus: 'Approved',
      }),
    );
    expect(approved.ModelPackageSummaryList?.map((p) => p.ModelPackageVersion)).toEqual([1, 2, 3]);

    const groups = await env.sm.send(
      new ListModelPackageGroupsCommand({ SortBy: 'Name', SortOrder: 'Descending' }),
    );
    expect(groups.ModelPackageGroupSummaryList?.map((x) => x.ModelPackageGroupName)).toEqual([
      'other-group',
      'Churn-Models',
    ]);
    const dg = await env.sm.send(
      new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'Churn-Models' }),
    );
    expect(dg.ModelPackageGroupStatus).toBe('Completed');
  });

  it('rejects bad input AWS-style', async () => {
    await expect(
      env.sm.send(
        new CreateModelPackageCommand({
          ModelPackageGroupName: 'missing-group',
          InferenceSpecification: spec,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      env.sm.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: 'Churn-Models',
          ModelApprovalStatus: 'Maybe' as never,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining(
        "at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set",
      ),
    });
    await expect(
      env.sm.send(
        new DescribeModelPackageCommand({
          ModelPackageName: 'arn:aws:sagemaker:us-east-1:000000000000:model-package/churn-models/99',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });
});
