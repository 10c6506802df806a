/**
 * Instance types per job kind, read from the installed SDK's enum objects (the service model's
 * TrainingInstanceType, ProcessingInstanceType, TransformInstanceType and
 * ProductionVariantInstanceType), so the emulator refuses exactly what the model refuses, with
 * AWS's enum-constraint message. Only the small enums module is loaded, not the whole client.
 */
import {
  ProcessingInstanceType,
  ProductionVariantInstanceType,
  TrainingInstanceType,
  TransformInstanceType,
} from '@aws-sdk/client-sagemaker/dist-es/models/enums.js';

export const INSTANCE_TYPES = {
  training: Object.values(TrainingInstanceType) as string[],
  processing: Object.values(ProcessingInstanceType) as string[],
  transform: Object.values(TransformInstanceType) as string[],
  productionVariant: Object.values(ProductionVariantInstanceType) as string[],
} as const;

export type InstanceKind = keyof typeof INSTANCE_TYPES;
