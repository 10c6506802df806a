import { SageMakerClient, type DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';

/** A DescribeTrainingJob answer with sensible fields for tests. */
export function trainingDescription(
  name: string,
  over: Partial<DescribeTrainingJobResponse> = {},
): DescribeTrainingJobResponse {
  return {
    TrainingJobName: name,
    TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${name}`,
    TrainingJobStatus: 'InProgress',
    SecondaryStatus: 'Starting',
    ModelArtifacts: { S3ModelArtifacts: `s3://bucket/models/${name}/output/model.tar.gz` },
    OutputDataConfig: { S3OutputPath: 's3://bucket/models' },
    ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    CreationTime: new Date('2026-01-01T00:00:00Z'),
    ...over,
  };
}

export function completed(name: string): DescribeTrainingJobResponse {
  return trainingDescription(name, {
    TrainingJobStatus: 'Completed',
    SecondaryStatus: 'Completed',
    TrainingStartTime: new Date('2026-01-01T00:00:10Z'),
    TrainingEndTime: new Date('2026-01-01T00:02:10Z'),
    BillableTimeInSeconds: 120,
    FinalMetricDataList: [{ MetricName: 'validation:auc', Value: 0.91, Timestamp: new Date() }],
    SecondaryStatusTransitions: [
      {
        Status: 'Starting',
        StartTime: new Date('2026-01-01T00:00:00Z'),
        StatusMessage: 'Preparing the instances for training',
      },
      {
        Status: 'Training',
        StartTime: new Date('2026-01-01T00:00:42Z'),
        StatusMessage: 'Training image download completed. Training in progress.',
      },
      {
        Status: 'Completed',
        StartTime: new Date('2026-01-01T00:02:10Z'),
        StatusMessage: 'Training job completed',
      },
    ],
  });
}

/** The error the real service answers for a missing job. */
export function notFound(): Error {
  return Object.assign(new Error('Requested resource not found.'), {
    name: 'ValidationException',
    $metadata: {},
  });
}

export const newSageMaker = (): SageMakerClient => new SageMakerClient({ region: 'us-east-1' });
