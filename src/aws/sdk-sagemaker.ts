/**
 * The SageMaker SDK pieces the kit uses, imported from the client's ESM build (dist-es) one
 * module each, instead of the package root.
 *
 * Why: the package root resolves (for ncc/webpack, mainFields "main") to the CommonJS build, one
 * ~820 kB file holding every SageMaker command and schema, all of which would load before the
 * first API call. Importing SageMakerClient and each command from its own dist-es module lets
 * webpack leave out the ~390 commands the kit never sends (the package declares sideEffects:
 * false). Types come from the package root (see sdk-sagemaker-esm.d.ts), so nothing else in src
 * changes; under jest these paths map back to the package root (jest.config.js), so tests and
 * aws-sdk-client-mock see the very classes the public entry exports.
 *
 * Load this module with a dynamic import (as clients.ts and loadSageMakerSdk do), so an action
 * that fails on bad input never loads the SDK. To send a new command, add its line here: a unit
 * test (test/unit/aws/sdk-sagemaker.test.ts) checks every path exports the name taken from it.
 */
export { SageMakerClient } from '@aws-sdk/client-sagemaker/dist-es/SageMakerClient.js';
export { AddTagsCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/AddTagsCommand.js';
export { CreateEndpointCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateEndpointCommand.js';
export { CreateEndpointConfigCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateEndpointConfigCommand.js';
export { CreateModelCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelCommand.js';
export { CreateModelPackageCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelPackageCommand.js';
export { CreateModelPackageGroupCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelPackageGroupCommand.js';
export { CreateMonitoringScheduleCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateMonitoringScheduleCommand.js';
export { CreatePipelineCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreatePipelineCommand.js';
export { CreateProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateProcessingJobCommand.js';
export { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateTrainingJobCommand.js';
export { CreateTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateTransformJobCommand.js';
export { DescribeEndpointCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeEndpointCommand.js';
export { DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeEndpointConfigCommand.js';
export { DescribeModelCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js';
export { DescribeModelPackageCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelPackageCommand.js';
export { DescribeModelPackageGroupCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelPackageGroupCommand.js';
export { DescribeMonitoringScheduleCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeMonitoringScheduleCommand.js';
export { DescribePipelineCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribePipelineCommand.js';
export { DescribePipelineExecutionCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribePipelineExecutionCommand.js';
export { DescribeProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeProcessingJobCommand.js';
export { DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeTrainingJobCommand.js';
export { DescribeTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeTransformJobCommand.js';
export { ListModelPackagesCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListModelPackagesCommand.js';
export { ListMonitoringExecutionsCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListMonitoringExecutionsCommand.js';
export { ListTagsCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListTagsCommand.js';
export { StopProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopProcessingJobCommand.js';
export { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopTrainingJobCommand.js';
export { StopTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopTransformJobCommand.js';
export { UpdateMonitoringScheduleCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/UpdateMonitoringScheduleCommand.js';
export { UpdateEndpointCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointCommand.js';
export { ListPipelineExecutionStepsCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListPipelineExecutionStepsCommand.js';
export { StartPipelineExecutionCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StartPipelineExecutionCommand.js';
export { StopPipelineExecutionCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopPipelineExecutionCommand.js';
export { UpdatePipelineCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/UpdatePipelineCommand.js';
