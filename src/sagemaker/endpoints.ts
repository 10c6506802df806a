/**
 * Typed wrappers over the SageMaker endpoint API the deploy stage uses: DescribeEndpoint as an
 * EndpointView (undefined when the endpoint does not exist), endpoint configs created once
 * (a re-run finds its config again), CreateEndpoint and UpdateEndpoint with a DeploymentConfig.
 */
import type {
  DeploymentConfig,
  DescribeEndpointCommandOutput,
  ProductionVariantSummary,
  PendingProductionVariantSummary,
  SageMakerClient,
  Tag,
} from '@aws-sdk/client-sagemaker';
import { StageFailure } from '../core/errors.js';
import { isAlreadyExists, isNotFound } from './jobs.js';

/** The parts of DescribeEndpoint the decision reads. */
export interface EndpointView {
  status: string;
  configName: string | undefined;
  failureReason: string | undefined;
  /** PendingDeploymentSummary.EndpointConfigName while an update runs. */
  pendingConfigName?: string | undefined;
  variants: VariantView[];
  pendingVariants: VariantView[];
}

export interface VariantView {
  name: string;
  currentWeight: number | undefined;
  desiredWeight: number | undefined;
  currentInstances: number | undefined;
  /** Latest VariantStatus (Creating, ActivatingTraffic, Baking, ...) and its message. */
  status?: string | undefined;
  statusMessage?: string | undefined;
}

const sdk = () => import('../aws/sdk-sagemaker.js');

function variantView(v: ProductionVariantSummary | PendingProductionVariantSummary): VariantView {
  const statuses = v.VariantStatus ?? [];
  const last = statuses[statuses.length - 1];
  return {
    name: v.VariantName ?? '',
    currentWeight: v.CurrentWeight,
    desiredWeight: v.DesiredWeight,
    currentInstances: v.CurrentInstanceCount,
    ...(last ? { status: last.Status, statusMessage: last.StatusMessage } : {}),
  };
}

export function endpointView(d: DescribeEndpointCommandOutput): EndpointView {
  return {
    status: d.EndpointStatus ?? 'Unknown',
    configName: d.EndpointConfigName,
    failureReason: d.FailureReason,
    pendingConfigName: d.PendingDeploymentSummary?.EndpointConfigName,
    variants: (d.ProductionVariants ?? []).map(variantView),
    pendingVariants: (d.PendingDeploymentSummary?.ProductionVariants ?? []).map(variantView),
  };
}

/** DescribeEndpoint, or undefined when there is no such endpoint ("Could not find endpoint"). */
export async function describeEndpoint(
  sm: SageMakerClient,
  name: string,
): Promise<DescribeEndpointCommandOutput | undefined> {
  const { DescribeEndpointCommand } = await sdk();
  try {
    return await sm.send(new DescribeEndpointCommand({ EndpointName: name }));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

export interface VariantSpec {
  variantName: string;
  modelName: string;
  instanceType: string;
  instanceCount: number;
}

export interface DataCaptureSpec {
  percent: number;
  destination: string;
}

export interface EndpointConfigSpec {
  name: string;
  variant: VariantSpec;
  dataCapture: DataCaptureSpec | undefined;
  tags: Tag[];
}

export function endpointConfigRequest(spec: EndpointConfigSpec) {
  return {
    EndpointConfigName: spec.name,
    ProductionVariants: [
      {
        VariantName: spec.variant.variantName,
        ModelName: spec.variant.modelName,
        InstanceType: spec.variant.instanceType as never,
        InitialInstanceCount: spec.variant.instanceCount,
        InitialVariantWeight: 1,
      },
    ],
    ...(spec.dataCapture
      ? {
          DataCaptureConfig: {
            EnableCapture: true,
            InitialSamplingPercentage: spec.dataCapture.percent,
            DestinationS3Uri: spec.dataCapture.destination,
            CaptureOptions: [{ CaptureMode: 'Input' as const }, { CaptureMode: 'Output' as const }],
            CaptureContentTypeHeader: {
              CsvContentTypes: ['text/csv'],
              JsonContentTypes: ['application/json'],
            },
          },
        }
      : {}),
    ...(spec.tags.length ? { Tags: spec.tags } : {}),
  };
}

/** Creates the config, or finds the one a previous attempt of this run created (same model). */
export async function ensureEndpointConfig(
  sm: SageMakerClient,
  spec: EndpointConfigSpec,
): Promise<{ created: boolean }> {
  const { CreateEndpointConfigCommand, DescribeEndpointConfigCommand } = await sdk();
  const check = async (): Promise<boolean> => {
    try {
      const d = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: spec.name }));
      const model = d.ProductionVariants?.[0]?.ModelName;
      if (model !== spec.variant.modelName)
        throw new StageFailure(
          `endpoint config ${spec.name} already exists for model ${model ?? '(none)'}, not ${spec.variant.modelName}; ` +
            'it was made by another deployment: set a different endpoint-name or delete that config',
        );
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  };
  if (await check()) return { created: false };
  try {
    await sm.send(new CreateEndpointConfigCommand(endpointConfigRequest(spec)));
    return { created: true };
  } catch (err) {
    if (isAlreadyExists(err) && (await check())) return { created: false };
    throw err;
  }
}

export async function createEndpoint(
  sm: SageMakerClient,
  name: string,
  configName: string,
  tags: Tag[],
): Promise<void> {
  const { CreateEndpointCommand } = await sdk();
  await sm.send(
    new CreateEndpointCommand({
      EndpointName: name,
      EndpointConfigName: configName,
      ...(tags.length ? { Tags: tags } : {}),
    }),
  );
}

export async function updateEndpoint(
  sm: SageMakerClient,
  name: string,
  configName: string,
  deploymentConfig: DeploymentConfig | undefined,
): Promise<void> {
  const { UpdateEndpointCommand } = await sdk();
  await sm.send(
    new UpdateEndpointCommand({
      EndpointName: name,
      EndpointConfigName: configName,
      ...(deploymentConfig ? { DeploymentConfig: deploymentConfig } : {}),
    }),
  );
}

export async function addTags(sm: SageMakerClient, arn: string, tags: Tag[]): Promise<void> {
  if (!tags.length) return;
  const { AddTagsCommand } = await sdk();
  await sm.send(new AddTagsCommand({ ResourceArn: arn, Tags: tags }));
}
