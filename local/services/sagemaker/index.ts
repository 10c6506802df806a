/** SageMaker control plane (`SageMaker.<Op>`, JSON 1.1): operation table. */
import type { LocalContext } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { requestObject } from '../../validate.js';
import * as models from './models.js';
import * as monitoring from './monitoring.js';
import * as processing from './processing.js';
import * as registry from './registry.js';
import * as tags from './tags.js';
import * as training from './training.js';
import * as transform from './transform.js';

type Obj = Record<string, unknown>;
type Handler = (ctx: LocalContext, req: Obj) => Obj | Promise<Obj>;

export const SAGEMAKER_OPERATIONS: Record<string, Handler> = {
  CreateTrainingJob: training.createTrainingJob,
  DescribeTrainingJob: training.describeTrainingJob,
  StopTrainingJob: training.stopTrainingJob,
  ListTrainingJobs: training.listTrainingJobs,
  CreateProcessingJob: processing.createProcessingJob,
  DescribeProcessingJob: processing.describeProcessingJob,
  StopProcessingJob: processing.stopProcessingJob,
  ListProcessingJobs: processing.listProcessingJobs,
  CreateTransformJob: transform.createTransformJob,
  DescribeTransformJob: transform.describeTransformJob,
  StopTransformJob: transform.stopTransformJob,
  ListTransformJobs: transform.listTransformJobs,
  CreateModel: models.createModel,
  DescribeModel: models.describeModel,
  DeleteModel: models.deleteModel,
  CreateModelPackageGroup: registry.createModelPackageGroup,
  DescribeModelPackageGroup: registry.describeModelPackageGroup,
  ListModelPackageGroups: registry.listModelPackageGroups,
  CreateModelPackage: registry.createModelPackage,
  DescribeModelPackage: registry.describeModelPackage,
  ListModelPackages: registry.listModelPackages,
  UpdateModelPackage: registry.updateModelPackage,
  CreateMonitoringSchedule: monitoring.createMonitoringSchedule,
  DescribeMonitoringSchedule: monitoring.describeMonitoringSchedule,
  UpdateMonitoringSchedule: monitoring.updateMonitoringSchedule,
  DeleteMonitoringSchedule: monitoring.deleteMonitoringSchedule,
  ListMonitoringSchedules: monitoring.listMonitoringSchedules,
  ListMonitoringExecutions: monitoring.listMonitoringExecutions,
  ListTags: tags.listTags,
};

export function handleSageMaker(ctx: LocalContext, operation: string, body: unknown): unknown {
  // Own properties only: `constructor`, `__proto__`, `toString`... are not operations.
  const handler = Object.hasOwn(SAGEMAKER_OPERATIONS, operation)
    ? SAGEMAKER_OPERATIONS[operation]
    : undefined;
  if (!handler)
    throw new AwsError(
      'UnknownOperationException',
      `sagemaker-local does not implement SageMaker.${operation}`,
    );
  return handler(ctx, requestObject(body));
}
