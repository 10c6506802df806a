import type {
  SageMakerClient,
  DescribeModelPackageCommandOutput,
  ModelPackageSummary,
  CreateModelPackageCommandInput,
} from '@aws-sdk/client-sagemaker';
import { errorMessage } from '../core/errors.js';
import { isAlreadyExists, isNotFound } from '../aws/errors.js';
import { findFirst } from '../aws/paging.js';

const isMissingGroup = isNotFound;

/** The latest Approved package of the group (by creation time), or undefined (none, or no group). */
export async function findLatestApproved(
  sm: SageMakerClient,
  group: string,
): Promise<ModelPackageSummary | undefined> {
  const { ListModelPackagesCommand } = await import('../aws/sdk-sagemaker.js');
  try {
    // MaxResults applies before the status filter: a page may be empty while an Approved package
    // exists further on, so follow NextToken until one is found (sorted newest first).
    return await findFirst(async (token) => {
      const out = await sm.send(
        new ListModelPackagesCommand({
          ModelPackageGroupName: group,
          ModelApprovalStatus: 'Approved',
          SortBy: 'CreationTime',
          SortOrder: 'Descending',
          MaxResults: 10,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      return { items: out.ModelPackageSummaryList ?? [], next: out.NextToken };
    });
  } catch (err) {
    if (isMissingGroup(err)) return undefined;
    throw err;
  }
}

export async function describeModelPackage(
  sm: SageMakerClient,
  arn: string,
): Promise<DescribeModelPackageCommandOutput> {
  const { DescribeModelPackageCommand } = await import('../aws/sdk-sagemaker.js');
  return sm.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}

/** Creates the group when it does not exist. Returns true when it was created now. */
export async function ensureModelPackageGroup(
  sm: SageMakerClient,
  group: string,
  description: string,
): Promise<boolean> {
  const { DescribeModelPackageGroupCommand, CreateModelPackageGroupCommand } =
    await import('../aws/sdk-sagemaker.js');
  try {
    await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
    return false;
  } catch (err) {
    if (!isMissingGroup(err)) throw err;
  }
  try {
    await sm.send(
      new CreateModelPackageGroupCommand({
        ModelPackageGroupName: group,
        ModelPackageGroupDescription: description.slice(0, 1024),
      }),
    );
    return true;
  } catch (err) {
    // A parallel run created it between our describe and create.
    if (/already exist/i.test(errorMessage(err)) || isAlreadyExists(err)) {
      return false;
    }
    throw err;
  }
}

const META_VALUE_RE = /[^a-zA-Z0-9 _.:/=+\-@]/g;

/** CustomerMetadataProperties rules: 1-50 entries; key 1-128, value 1-256 of letters/digits/space `_.:/=+-@`. */
export function sanitizeMetadata(
  props: Record<string, string | number | boolean | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(props)) {
    if (rawValue === undefined) continue;
    const key = rawKey.replace(META_VALUE_RE, '_').slice(0, 128);
    const value = String(rawValue).replace(META_VALUE_RE, '_').slice(0, 256);
    if (!key || !value) continue;
    if (Object.keys(out).length >= 50) break;
    out[key] = value;
  }
  return out;
}

export interface PackageSpec {
  group: string;
  description?: string;
  image: string;
  modelDataUrl: string;
  reportUri: string;
  approval: 'Approved' | 'PendingManualApproval';
  metadata: Record<string, string>;
}

export function modelPackageRequest(spec: PackageSpec): CreateModelPackageCommandInput {
  return {
    ModelPackageGroupName: spec.group,
    ...(spec.description ? { ModelPackageDescription: spec.description.slice(0, 1024) } : {}),
    InferenceSpecification: {
      Containers: [{ Image: spec.image, ModelDataUrl: spec.modelDataUrl }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
    ModelMetrics: {
      ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: spec.reportUri } },
    },
    ModelApprovalStatus: spec.approval,
    ...(Object.keys(spec.metadata).length ? { CustomerMetadataProperties: spec.metadata } : {}),
  };
}

export async function createModelPackage(sm: SageMakerClient, spec: PackageSpec): Promise<string> {
  const { CreateModelPackageCommand } = await import('../aws/sdk-sagemaker.js');
  const out = await sm.send(new CreateModelPackageCommand(modelPackageRequest(spec)));
  if (!out.ModelPackageArn)
    throw new Error(`CreateModelPackage in ${spec.group} returned no ModelPackageArn`);
  return out.ModelPackageArn;
}
