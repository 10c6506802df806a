import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mockClient } from 'aws-sdk-client-mock';
import {
  SageMakerClient,
  ListModelPackagesCommand,
  DescribeModelPackageGroupCommand,
  CreateModelPackageGroupCommand,
} from '@aws-sdk/client-sagemaker';
import {
  ensureModelPackageGroup,
  findLatestApproved,
  sanitizeMetadata,
} from '../../../src/sagemaker/registry.js';
import { builtinXgboostImage } from '../../../src/sagemaker/images.js';
import { deterministicModelName, MODEL_NAME_RE } from '../../../src/sagemaker/models.js';
import { awsError } from '../../helpers/evaluate-fake-aws.js';

const sm = mockClient(SageMakerClient);
afterEach(() => {
  sm.reset();
});
const client = new SageMakerClient({ region: 'us-east-1' });

describe('model registry wrappers', () => {
  it('asks for the latest Approved package exactly as agreed', async () => {
    sm.on(ListModelPackagesCommand).resolves({
      ModelPackageSummaryList: [
        {
          ModelPackageArn: 'arn:x/1',
          ModelPackageName: 'g',
          CreationTime: new Date(),
          ModelPackageStatus: 'Completed',
        },
      ],
    });
    expect((await findLatestApproved(client, 'churn'))!.ModelPackageArn).toBe('arn:x/1');
    expect(sm.commandCalls(ListModelPackagesCommand)[0]!.args[0].input).toEqual({
      ModelPackageGroupName: 'churn',
      ModelApprovalStatus: 'Approved',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: 10,
    });
  });

  it('treats a missing group as "no champion" but rethrows other errors', async () => {
    sm.on(ListModelPackagesCommand).rejects(
      awsError('ValidationException', 'Model Package Group churn does not exist.'),
    );
    expect(await findLatestApproved(client, 'churn')).toBeUndefined();
    sm.reset();
    sm.on(ListModelPackagesCommand).rejects(awsError('AccessDeniedException', 'not authorized'));
    await expect(findLatestApproved(client, 'churn')).rejects.toThrow('not authorized');
  });

  it('creates a missing group; an existing one or a lost race is fine', async () => {
    sm.on(DescribeModelPackageGroupCommand).rejects(
      awsError('ValidationException', 'ModelPackageGroup churn does not exist'),
    );
    sm.on(CreateModelPackageGroupCommand).resolves({ ModelPackageGroupArn: 'arn' });
    expect(await ensureModelPackageGroup(client, 'churn', 'd')).toBe(true);
    sm.on(CreateModelPackageGroupCommand).rejects(
      awsError('ValidationException', 'Model Package Group already exists: churn'),
    );
    expect(await ensureModelPackageGroup(client, 'churn', 'd')).toBe(false);
    sm.on(DescribeModelPackageGroupCommand).resolves({});
    expect(await ensureModelPackageGroup(client, 'churn', 'd')).toBe(false);
  });

  it('sanitizes CustomerMetadataProperties to the allowed charset and lengths', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 200 }), fc.string({ maxLength: 400 }), {
          maxKeys: 70,
        }),
        (props) => {
          const out = sanitizeMetadata(props);
          const entries = Object.entries(out);
          expect(entries.length).toBeLessThanOrEqual(50);
          for (const [k, v] of entries) {
            expect(k).toMatch(/^[a-zA-Z0-9 _.:/=+\-@]{1,128}$/);
            expect(v).toMatch(/^[a-zA-Z0-9 _.:/=+\-@]{1,256}$/);
          }
        },
      ),
    );
    expect(sanitizeMetadata({ pr_number: 12, title: 'feat: "x" <y>', none: undefined })).toEqual({
      pr_number: '12',
      title: 'feat: _x_ _y_',
    });
  });
});

describe('names and images', () => {
  it('builds the regional built-in XGBoost image and rejects unknown regions with the fix', () => {
    expect(builtinXgboostImage('eu-west-1')).toBe(
      '141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    );
    expect(builtinXgboostImage('cn-north-1')).toBe(
      '450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-xgboost:1.7-1',
    );
    expect(() => builtinXgboostImage('mars-west-1')).toThrow(/set 'image'/);
  });

  it('model names are valid, deterministic and change with the artifact', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (prefix, run, url) => {
        const name = deterministicModelName(prefix, run, 'img', url);
        expect(name).toMatch(MODEL_NAME_RE);
        expect(name.length).toBeLessThanOrEqual(63);
        expect(deterministicModelName(prefix, run, 'img', url)).toBe(name);
        expect(deterministicModelName(prefix, run, 'img', `${url}x`)).not.toBe(name);
      }),
    );
  });
});
