/**
 * What model to deploy: a model package version (its approval checked), the latest Approved
 * version of a group (found by paging through every result: List calls apply MaxResults before
 * filtering, so the first page can be empty while later pages are not), or an artifact + image.
 */
import type { ModelPackageSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { StageFailure } from '../../core/errors.js';
import { describeModelPackage } from '../../sagemaker/registry.js';
import type { ModelSource } from './settings.js';

export interface ResolvedModel {
  image: string;
  modelDataUrl: string;
  /** The package container's Environment (e.g. SAGEMAKER_PROGRAM of a script-mode model). */
  environment?: Record<string, string> | undefined;
  packageArn?: string | undefined;
  packageGroup?: string | undefined;
  packageVersion?: number | undefined;
  approval?: string | undefined;
  metadata?: Record<string, string> | undefined;
  metricsUri?: string | undefined;
}

/** Every package summary of the group with the given approval (or any), all pages. */
export async function listGroupPackages(
  sm: SageMakerClient,
  group: string,
  approval: 'Approved' | undefined,
): Promise<ModelPackageSummary[]> {
  const { ListModelPackagesCommand } = await import('../../aws/sdk-sagemaker.js');
  const all: ModelPackageSummary[] = [];
  let token: string | undefined;
  do {
    const page = await sm.send(
      new ListModelPackagesCommand({
        ModelPackageGroupName: group,
        ...(approval ? { ModelApprovalStatus: approval } : {}),
        SortBy: 'CreationTime',
        SortOrder: 'Descending',
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    all.push(...(page.ModelPackageSummaryList ?? []));
    token = page.NextToken;
  } while (token);
  return all;
}

/** The newest summary (creation time, then version number). Pure. */
export function newest(list: readonly ModelPackageSummary[]): ModelPackageSummary | undefined {
  let best: ModelPackageSummary | undefined;
  for (const p of list) {
    const t = p.CreationTime?.getTime() ?? 0;
    const bt = best?.CreationTime?.getTime() ?? -1;
    if (!best || t > bt || (t === bt && (p.ModelPackageVersion ?? 0) > (best.ModelPackageVersion ?? 0)))
      best = p;
  }
  return best;
}

async function fromPackage(
  sm: SageMakerClient,
  arn: string,
  allowUnapproved: boolean,
): Promise<ResolvedModel> {
  const d = await describeModelPackage(sm, arn);
  const approval = d.ModelApprovalStatus ?? 'Unknown';
  if (approval !== 'Approved' && !allowUnapproved)
    throw new StageFailure(
      `model package ${arn} is ${approval}, not Approved: approve it in the registry (UpdateModelPackage ModelApprovalStatus=Approved) or set allow-unapproved: true`,
    );
  const c = d.InferenceSpecification?.Containers?.[0];
  const url = c?.ModelDataUrl ?? c?.ModelDataSource?.S3DataSource?.S3Uri;
  if (!c?.Image || !url)
    throw new StageFailure(`model package ${arn} has no container image and model data to deploy`);
  return {
    image: c.Image,
    modelDataUrl: url,
    ...(c.Environment && Object.keys(c.Environment).length ? { environment: c.Environment } : {}),
    packageArn: d.ModelPackageArn ?? arn,
    packageGroup: d.ModelPackageGroupName,
    packageVersion: d.ModelPackageVersion,
    approval,
    metadata: d.CustomerMetadataProperties,
    metricsUri: d.ModelMetrics?.ModelQuality?.Statistics?.S3Uri,
  };
}

export async function resolveModel(
  sm: SageMakerClient,
  source: ModelSource,
  allowUnapproved: boolean,
  log: (line: string) => void,
): Promise<ResolvedModel> {
  if (source.kind === 'artifact') return { image: source.image, modelDataUrl: source.artifact };
  if (source.kind === 'package') return fromPackage(sm, source.arn, allowUnapproved);
  const approved = newest(await listGroupPackages(sm, source.group, 'Approved'));
  if (approved?.ModelPackageArn) {
    log(
      `model package group ${source.group}: latest Approved is version ${approved.ModelPackageVersion ?? '?'} (${approved.ModelPackageArn})`,
    );
    return fromPackage(sm, approved.ModelPackageArn, allowUnapproved);
  }
  if (allowUnapproved) {
    const any = newest(await listGroupPackages(sm, source.group, undefined));
    if (any?.ModelPackageArn) {
      log(
        `model package group ${source.group}: no Approved version; allow-unapproved picks the latest (${any.ModelApprovalStatus})`,
      );
      return fromPackage(sm, any.ModelPackageArn, true);
    }
  }
  throw new StageFailure(
    `model package group ${source.group} has no Approved version to deploy: approve one (evaluate's approve-on-pass, or UpdateModelPackage) or set allow-unapproved: true`,
  );
}
