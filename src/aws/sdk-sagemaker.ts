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
export { CreateModelCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelCommand.js';
export { CreateModelPackageCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelPackageCommand.js';
export { CreateModelPackageGroupCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateModelPackageGroupCommand.js';
export { CreateProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateProcessingJobCommand.js';
export { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateTrainingJobCommand.js';
export { CreateTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/CreateTransformJobCommand.js';
export { DescribeModelCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js';
export { DescribeModelPackageCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelPackageCommand.js';
export { DescribeModelPackageGroupCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelPackageGroupCommand.js';
export { DescribeProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeProcessingJobCommand.js';
export { DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeTrainingJobCommand.js';
export { DescribeTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/DescribeTransformJobCommand.js';
export { ListModelPackagesCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListModelPackagesCommand.js';
export { ListTagsCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/ListTagsCommand.js';
export { StopProcessingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopProcessingJobCommand.js';
export { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopTrainingJobCommand.js';
export { StopTransformJobCommand } from '@aws-sdk/client-sagemaker/dist-es/commands/StopTransformJobCommand.js';
