import type {
  CreateProcessingJobRequest,
  DescribeProcessingJobResponse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobApi, JobSpec, JobView, ProcessingJobSpec } from './jobs.js';
import { isNotFound, logGroupOf } from './jobs.js';
import { loadSageMakerSdk } from './training.js';
import { SPEC_DIGEST_TAG, readDigestTag, withDigestTag } from './spec-digest.js';

/** The CreateProcessingJob request for a spec (pure), tagged with its spec digest. */
export function buildCreateProcessingJobRequest(
  name: string,
  spec: ProcessingJobSpec,
): CreateProcessingJobRequest {
  const env = Object.keys(spec.environment).length ? spec.environment : undefined;
  const request: CreateProcessingJobRequest = {
    ProcessingJobName: name,
    RoleArn: spec.roleArn,
    AppSpecification: {
      ImageUri: spec.image,
      ...(spec.entrypoint?.length ? { ContainerEntrypoint: spec.entrypoint } : {}),
      ...(spec.arguments?.length ? { ContainerArguments: spec.arguments } : {}),
    },
    ProcessingResources: {
      ClusterConfig: {
        InstanceType: spec.resources.instanceType as never,
        InstanceCount: spec.resources.instanceCount,
        VolumeSizeInGB: spec.resources.volumeSizeGb,
      },
    },
    StoppingCondition: { MaxRuntimeInSeconds: spec.resources.maxRuntimeSeconds },
    ...(spec.inputs.length
      ? {
          ProcessingInputs: spec.inputs.map((i) => ({
            InputName: i.name,
            S3Input: {
              S3Uri: i.uri,
              LocalPath: i.localPath,
              S3DataType: 'S3Prefix' as const,
              S3InputMode: i.inputMode,
              S3DataDistributionType: i.distribution,
            },
          })),
        }
      : {}),
    ...(spec.outputs.length
      ? {
          ProcessingOutputConfig: {
            Outputs: spec.outputs.map((o) => ({
              OutputName: o.name,
              S3Output: { S3Uri: o.uri, LocalPath: o.localPath, S3UploadMode: o.uploadMode },
            })),
          },
        }
      : {}),
    ...(env ? { Environment: env } : {}),
  };
  return { ...request, Tags: withDigestTag(spec.tags, request) };
}

/** Normalizes a DescribeProcessingJob answer (pure). Processing jobs have no secondary status. */
export function processingJobView(d: DescribeProcessingJobResponse): JobView {
  const outputs: Record<string, string> = {};
  for (const o of d.ProcessingOutputConfig?.Outputs ?? []) {
    if (o.OutputName && o.S3Output?.S3Uri) outputs[o.OutputName] = o.S3Output.S3Uri;
  }
  const status = d.ProcessingJobStatus ?? 'InProgress';
  return {
    kind: 'processing',
    name: d.ProcessingJobName ?? '',
    arn: d.ProcessingJobArn ?? '',
    status,
    secondaryStatus: status,
    transitions: [],
    failureReason: d.FailureReason,
    exitMessage: d.ExitMessage,
    creationTime: d.CreationTime,
    startTime: d.ProcessingStartTime,
    endTime: d.ProcessingEndTime,
    instanceType: d.ProcessingResources?.ClusterConfig?.InstanceType,
    instanceCount: d.ProcessingResources?.ClusterConfig?.InstanceCount,
    metrics: {},
    outputs,
  };
}

export function processingJobApi(client: SageMakerClient): JobApi {
  return {
    kind: 'processing',
    logGroup: logGroupOf('processing'),
    async describe(name) {
      const { DescribeProcessingJobCommand } = await loadSageMakerSdk();
      try {
        return processingJobView(
          await client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
        );
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async create(name, spec: JobSpec) {
      if (spec.kind !== 'processing')
        throw new Error(`internal: a ${spec.kind} spec given to the processing API`);
      const { CreateProcessingJobCommand } = await loadSageMakerSdk();
      const res = await client.send(
        new CreateProcessingJobCommand(buildCreateProcessingJobRequest(name, spec)),
      );
      return res.ProcessingJobArn ?? '';
    },
    digestOf: (spec) =>
      spec.kind === 'processing'
        ? (buildCreateProcessingJobRequest('x', spec).Tags ?? []).find((t) => t.Key === SPEC_DIGEST_TAG)!
            .Value!
        : '',
    readDigest: (arn) => readDigestTag(client, arn),
    async stop(name) {
      const { StopProcessingJobCommand } = await loadSageMakerSdk();
      await client.send(new StopProcessingJobCommand({ ProcessingJobName: name }));
    },
  };
}
