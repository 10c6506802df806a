import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { StageFailure } from '../core/errors.js';
import { isAlreadyExists, isNotFound } from './jobs.js';
import { MODEL_NAME_RE } from './naming.js';

export { MODEL_NAME_RE, deterministicModelName, modelHash } from './naming.js';

export interface ModelSpec {
  name: string;
  image: string;
  modelDataUrl: string;
  roleArn: string;
  environment?: Record<string, string>;
}

export interface EnsuredModel {
  name: string;
  arn: string | undefined;
  created: boolean;
}

async function describe(sm: SageMakerClient, name: string) {
  const { DescribeModelCommand } = await import('../aws/sdk-sagemaker.js');
  try {
    return await sm.send(new DescribeModelCommand({ ModelName: name }));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function checkSame(spec: ModelSpec, found: NonNullable<Awaited<ReturnType<typeof describe>>>): void {
  const container = found.PrimaryContainer ?? found.Containers?.[0];
  const url = container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri;
  if (url !== spec.modelDataUrl || container?.Image !== spec.image) {
    throw new StageFailure(
      `model ${spec.name} already exists with a different artifact or image (${url ?? 'none'}, ${container?.Image ?? 'none'}); ` +
        `expected ${spec.modelDataUrl} with ${spec.image}. Delete the model or use another run.`,
    );
  }
}

/** Creates the model, or re-uses an existing one with the same name, image and artifact. */
export async function ensureModel(sm: SageMakerClient, spec: ModelSpec): Promise<EnsuredModel> {
  if (!MODEL_NAME_RE.test(spec.name) || spec.name.length > 63) {
    throw new StageFailure(
      `internal: model name ${JSON.stringify(spec.name)} does not match ${MODEL_NAME_RE}`,
    );
  }
  const existing = await describe(sm, spec.name);
  if (existing) {
    checkSame(spec, existing);
    return { name: spec.name, arn: existing.ModelArn, created: false };
  }
  const { CreateModelCommand } = await import('../aws/sdk-sagemaker.js');
  try {
    const out = await sm.send(
      new CreateModelCommand({
        ModelName: spec.name,
        ExecutionRoleArn: spec.roleArn,
        PrimaryContainer: {
          Image: spec.image,
          ModelDataUrl: spec.modelDataUrl,
          ...(spec.environment && Object.keys(spec.environment).length
            ? { Environment: spec.environment }
            : {}),
        },
      }),
    );
    return { name: spec.name, arn: out.ModelArn, created: true };
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    // Lost a race with a parallel attempt: use theirs if it is the same model.
    const again = await describe(sm, spec.name);
    if (!again) throw err;
    checkSame(spec, again);
    return { name: spec.name, arn: again.ModelArn, created: false };
  }
}
