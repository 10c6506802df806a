/** SageMaker.ListTags for training and processing jobs: the Tags of their Create request. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';

type Obj = Record<string, unknown>;

export function listTags(ctx: LocalContext, req: Obj): Obj {
  const arn = req['ResourceArn'];
  if (typeof arn !== 'string' || arn === '')
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
    );
  const jobs: Rec[] = [...ctx.state.trainingJobs.values(), ...ctx.state.processingJobs.values()];
  const rec = jobs.find((r) => r['TrainingJobArn'] === arn || r['ProcessingJobArn'] === arn);
  // AWS answers ListTags for an ARN it does not know with a ValidationException (believed
  // wording; sagemaker.md does not verify it).
  if (!rec) throw new AwsError('ValidationException', `Resource ${arn} was not found`);
  const tags = ((rec['request'] as Obj | undefined)?.['Tags'] ?? []) as unknown[];
  return { Tags: tags };
}
