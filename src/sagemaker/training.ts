import type {
  CreateTrainingJobRequest,
  DescribeTrainingJobResponse,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JobApi, JobSpec, JobView, TrainingJobSpec } from './jobs.js';
import { isNotFound, logGroupOf } from './jobs.js';
import { SPEC_DIGEST_TAG, readDigestTag, withDigestTag } from './spec-digest.js';

type SageMakerSdk = typeof import('../aws/sdk-sagemaker.js');
let sdkPromise: Promise<SageMakerSdk> | undefined;
export const loadSageMakerSdk = (): Promise<SageMakerSdk> =>
  (sdkPromise ??= import('../aws/sdk-sagemaker.js'));

/** The CreateTrainingJob request for a spec (pure), tagged with its spec digest. */
export function buildCreateTrainingJobRequest(name: string, spec: TrainingJobSpec): CreateTrainingJobRequest {
  const hp = Object.keys(spec.hyperparameters).length ? spec.hyperparameters : undefined;
  const env = Object.keys(spec.environment).length ? spec.environment : undefined;
  const request: CreateTrainingJobRequest = {
    TrainingJobName: name,
    RoleArn: spec.roleArn,
    AlgorithmSpecification: {
      TrainingImage: spec.image,
      TrainingInputMode: 'File',
      ...(spec.metricDefinitions.length ? { MetricDefinitions: spec.metricDefinitions } : {}),
    },
    ...(hp ? { HyperParameters: hp } : {}),
    InputDataConfig: spec.channels.map((c) => ({
      ChannelName: c.name,
      ...(c.contentType ? { ContentType: c.contentType } : {}),
      ...(c.inputMode ? { InputMode: c.inputMode } : {}),
      DataSource: {
        S3DataSource: { S3DataType: 'S3Prefix', S3Uri: c.uri, S3DataDistributionType: c.distribution },
      },
    })),
    OutputDataConfig: { S3OutputPath: spec.outputPath },
    ResourceConfig: {
      InstanceType: spec.resources.instanceType as never,
      InstanceCount: spec.resources.instanceCount,
      VolumeSizeInGB: spec.resources.volumeSizeGb,
    },
    StoppingCondition: { MaxRuntimeInSeconds: spec.resources.maxRuntimeSeconds },
    ...(env ? { Environment: env } : {}),
  };
  return { ...request, Tags: withDigestTag(spec.tags, request) };
}

/** `<S3OutputPath>/<job>/output/` without doubled slashes. */
export function trainingOutputPrefix(outputPath: string, name: string): string {
  return `${outputPath.replace(/\/+$/, '')}/${name}/output/`;
}

/** Normalizes a DescribeTrainingJob answer (pure). */
export function trainingJobView(d: DescribeTrainingJobResponse): JobView {
  const metrics: Record<string, number> = {};
  for (const m of d.FinalMetricDataList ?? []) {
    if (m.MetricName !== undefined && m.Value !== undefined) metrics[m.MetricName] = m.Value;
  }
  const name = d.TrainingJobName ?? '';
  const model = d.ModelArtifacts?.S3ModelArtifacts;
  const outputs: Record<string, string> = {};
  if (model) outputs['model'] = model;
  if (d.OutputDataConfig?.S3OutputPath) {
    outputs['output'] = `${trainingOutputPrefix(d.OutputDataConfig.S3OutputPath, name)}output.tar.gz`;
  }
  return {
    kind: 'training',
    name,
    arn: d.TrainingJobArn ?? '',
    status: d.TrainingJobStatus ?? 'InProgress',
    secondaryStatus: d.SecondaryStatus,
    transitions: (d.SecondaryStatusTransitions ?? []).map((t) => ({
      status: t.Status ?? '',
      message: t.StatusMessage,
      startTime: t.StartTime,
    })),
    failureReason: d.FailureReason,
    creationTime: d.CreationTime,
    startTime: d.TrainingStartTime,
    endTime: d.TrainingEndTime,
    billableSeconds: d.BillableTimeInSeconds,
    instanceType: d.ResourceConfig?.InstanceType,
    instanceCount: d.ResourceConfig?.InstanceCount,
    modelArtifact: model,
    metrics,
    outputs,
  };
}

export function trainingJobApi(client: SageMakerClient): JobApi {
  return {
    kind: 'training',
    logGroup: logGroupOf('training'),
    async describe(name) {
      const { DescribeTrainingJobCommand } = await loadSageMakerSdk();
      try {
        return trainingJobView(await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name })));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async create(name, spec: JobSpec) {
      if (spec.kind !== 'training')
        throw new Error(`internal: a ${spec.kind} spec given to the training API`);
      const { CreateTrainingJobCommand } = await loadSageMakerSdk();
      const res = await client.send(new CreateTrainingJobCommand(buildCreateTrainingJobRequest(name, spec)));
      return res.TrainingJobArn ?? '';
    },
    digestOf: (spec) =>
      spec.kind === 'training'
        ? (buildCreateTrainingJobRequest('x', spec).Tags ?? []).find((t) => t.Key === SPEC_DIGEST_TAG)!.Value!
        : '',
    readDigest: (arn) => readDigestTag(client, arn),
    async stop(name) {
      const { StopTrainingJobCommand } = await loadSageMakerSdk();
      await client.send(new StopTrainingJobCommand({ TrainingJobName: name }));
    },
  };
}
