/** SageMaker control plane (`SageMaker.<Op>`, JSON 1.1): operation table. */
import type { LocalContext } from '../../context.js';
import { AwsError } from '../../protocol.js';
import { requestObject } from '../../validate.js';
import * as endpointConfigs from './endpoint-configs.js';
import * as endpoints from './endpoints.js';
import * as models from './models.js';
import * as monitoring from './monitoring.js';
import * as monitoringLists from './monitoring-lists.js';
import { PIPELINE_OPERATIONS } from './pipelines.js';
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
  ListModels: models.listModels,
  CreateEndpointConfig: endpointConfigs.createEndpointConfig,
  DescribeEndpointConfig: endpointConfigs.describeEndpointConfig,
  DeleteEndpointConfig: endpointConfigs.deleteEndpointConfig,
  ListEndpointConfigs: endpointConfigs.listEndpointConfigs,
  CreateEndpoint: endpoints.createEndpoint,
  DescribeEndpoint: endpoints.describeEndpoint,
  UpdateEndpoint: endpoints.updateEndpoint,
  DeleteEndpoint: endpoints.deleteEndpoint,
  ListEndpoints: endpoints.listEndpoints,
  UpdateEndpointWeightsAndCapacities: endpoints.updateEndpointWeightsAndCapacities,
  AddTags: tags.addTags,
  ListTags: tags.listTags,
  DeleteTags: tags.deleteTags,
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
  StartMonitoringSchedule: monitoring.startMonitoringSchedule,
  StopMonitoringSchedule: monitoring.stopMonitoringSchedule,
  ListMonitoringSchedules: monitoringLists.listMonitoringSchedules,
  ListMonitoringExecutions: monitoringLists.listMonitoringExecutions,
  ...PIPELINE_OPERATIONS,
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
