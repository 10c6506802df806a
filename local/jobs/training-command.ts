/** What a training job runs: script mode, an explicit entrypoint, built-in XGBoost, or a mapping. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalContext } from '../context.js';
import {
  JobFailure,
  fetchSubmitDirectory,
  isBuiltinXgboost,
  mappedCommand,
  resolveEntrypoint,
  xgboostCommand,
  type Command,
} from './inputs.js';
import { decodeHyperparameter, rewriteArgument, userArgs, userHyperparameters } from './paths.js';

type Obj = Record<string, unknown>;

export async function trainingCommand(
  ctx: LocalContext,
  req: Obj,
  root: string,
  hps: Record<string, string>,
): Promise<Command> {
  const algo = (req['AlgorithmSpecification'] ?? {}) as Obj;
  const image = algo['TrainingImage'] as string | undefined;
  if (!image) {
    throw new JobFailure(
      'ClientError: sagemaker-local needs AlgorithmSpecification.TrainingImage (AlgorithmName is not supported)',
    );
  }
  const program = hps['sagemaker_program'];
  const submit = hps['sagemaker_submit_directory'];
  if (program !== undefined && submit !== undefined) {
    const prog = String(decodeHyperparameter(program));
    const codeDir = join(root, 'code');
    await fetchSubmitDirectory(ctx, String(decodeHyperparameter(submit)), codeDir);
    if (!existsSync(join(codeDir, prog))) {
      throw new JobFailure(`ClientError: sagemaker_program '${prog}' is not in sagemaker_submit_directory`);
    }
    const args = userArgs(userHyperparameters(hps));
    if (prog.endsWith('.sh')) return { command: '/bin/sh', args: [prog, ...args], cwd: codeDir };
    return resolveEntrypoint(ctx, ['python3', prog], args, codeDir);
  }
  const entry = algo['ContainerEntrypoint'] as string[] | undefined;
  if (entry?.length) {
    const args = ((algo['ContainerArguments'] as string[] | undefined) ?? []).map((a) =>
      rewriteArgument(a, root),
    );
    return resolveEntrypoint(
      ctx,
      entry.map((a) => rewriteArgument(a, root)),
      args,
      root,
    );
  }
  if (isBuiltinXgboost(image)) return xgboostCommand(ctx, 'train', root);
  return mappedCommand(ctx, image, root);
}
