/**
 * Model Monitor schedules and executions (typed SDK wrappers): the latest execution of a schedule
 * (ListMonitoringExecutions, paged: MaxResults applies before filtering), and creating or updating
 * a data-quality schedule for an endpoint that points at a baseline.
 */
import type { MonitoringExecutionSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { isNotFound } from '../aws/errors.js';
import { findFirst } from '../aws/paging.js';

/** The newest execution of the schedule created at or after `notBefore` (ms), if any. */
export async function latestMonitoringExecution(
  sm: SageMakerClient,
  scheduleName: string,
  notBefore: number,
): Promise<MonitoringExecutionSummary | undefined> {
  const { ListMonitoringExecutionsCommand } = await import('../aws/sdk-sagemaker.js');
  return findFirst(
    async (token) => {
      const page = await sm.send(
        new ListMonitoringExecutionsCommand({
          MonitoringScheduleName: scheduleName,
          SortBy: 'ScheduledTime',
          SortOrder: 'Descending',
          ScheduledTimeAfter: new Date(notBefore),
          MaxResults: 10,
          NextToken: token,
        }),
      );
      return { items: page.MonitoringExecutionSummaries ?? [], next: page.NextToken };
    },
    // Pending/InProgress executions have no report yet: the newest finished one decides.
    (e) => !['Pending', 'InProgress', 'Stopping'].includes(e.MonitoringExecutionStatus ?? ''),
  );
}

export interface DataQualitySchedule {
  scheduleName: string;
  endpointName: string;
  roleArn: string;
  statisticsUri: string;
  constraintsUri: string;
  outputUri: string;
  /** cron, e.g. cron(0 * ? * * *) for hourly */
  cron: string;
  imageUri: string;
}

/** Creates the schedule, or updates it when it exists. Returns 'created' | 'updated'. */
export async function upsertDataQualitySchedule(
  sm: SageMakerClient,
  s: DataQualitySchedule,
): Promise<'created' | 'updated'> {
  const {
    CreateMonitoringScheduleCommand,
    DescribeMonitoringScheduleCommand,
    UpdateMonitoringScheduleCommand,
  } = await import('../aws/sdk-sagemaker.js');
  const config = {
    ScheduleConfig: { ScheduleExpression: s.cron },
    MonitoringType: 'DataQuality' as const,
    MonitoringJobDefinition: {
      BaselineConfig: {
        ConstraintsResource: { S3Uri: s.constraintsUri },
        StatisticsResource: { S3Uri: s.statisticsUri },
      },
      MonitoringInputs: [
        { EndpointInput: { EndpointName: s.endpointName, LocalPath: '/opt/ml/processing/input/endpoint' } },
      ],
      MonitoringOutputConfig: {
        MonitoringOutputs: [
          {
            S3Output: {
              S3Uri: s.outputUri,
              LocalPath: '/opt/ml/processing/output',
              S3UploadMode: 'EndOfJob' as const,
            },
          },
        ],
      },
      MonitoringResources: {
        ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge' as const, VolumeSizeInGB: 20 },
      },
      MonitoringAppSpecification: { ImageUri: s.imageUri },
      Environment: { publish_cloudwatch_metrics: 'Enabled' },
      RoleArn: s.roleArn,
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
  };
  let exists = true;
  try {
    await sm.send(new DescribeMonitoringScheduleCommand({ MonitoringScheduleName: s.scheduleName }));
  } catch (err) {
    if (!isNotFound(err)) throw err;
    exists = false;
  }
  if (exists) {
    await sm.send(
      new UpdateMonitoringScheduleCommand({
        MonitoringScheduleName: s.scheduleName,
        MonitoringScheduleConfig: config,
      }),
    );
    return 'updated';
  }
  await sm.send(
    new CreateMonitoringScheduleCommand({
      MonitoringScheduleName: s.scheduleName,
      MonitoringScheduleConfig: config,
    }),
  );
  return 'created';
}

/**
 * Model Monitor's built-in analyzer image (sagemaker-model-monitor-analyzer): the registry
 * accounts below were seen in public AWS samples; other regions fail with a configuration error
 * that names the AWS page listing them (model-monitor-pre-built-container).
 */
const ANALYZER_ACCOUNTS: Record<string, string> = {
  'us-east-1': '156813124566',
  'us-east-2': '777275614652',
  'ca-central-1': '536280801234',
};

export function modelMonitorImage(region: string): string | undefined {
  const account = ANALYZER_ACCOUNTS[region];
  return account ? `${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-model-monitor-analyzer` : undefined;
}
