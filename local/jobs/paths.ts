/** /opt/ml paths inside a job map to the job's temporary root (SM_LOCAL_ROOT). */
import { isAbsolute, join, relative, sep } from 'node:path';
import { JobFailure } from './inputs.js';

export const CONTAINER_ROOT = '/opt/ml';

/**
 * Maps one absolute container path under /opt/ml into root; other paths are returned unchanged.
 * A path that `..` would take out of /opt/ml (e.g. a LocalPath `/opt/ml/processing/../../../home`)
 * is a ClientError: inputs are written to and outputs read from these paths.
 */
export function mapContainerPath(path: string, root: string): string {
  if (path === CONTAINER_ROOT) return root;
  if (!path.startsWith(`${CONTAINER_ROOT}/`)) return path;
  const mapped = join(root, path.slice(CONTAINER_ROOT.length + 1));
  const rel = relative(root, mapped);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw new JobFailure(`ClientError: local path '${path}' leaves ${CONTAINER_ROOT}`);
  return mapped;
}

/**
 * Rewrites every `/opt/ml/...` occurrence inside an argument (also `--out=/opt/ml/x` or
 * comma-joined lists) into root. `/opt/mlx` is left alone.
 */
export function rewriteArgument(arg: string, root: string): string {
  return arg.replace(
    /(^|[^A-Za-z0-9_./-])\/opt\/ml(?=\/|$|[^A-Za-z0-9_.-])/g,
    (_m, pre: string) => `${pre}${root}`,
  );
}

/** SM_* variables of the SageMaker training toolkit, pointing into root. */
export function trainingEnvironment(opts: {
  root: string;
  channels: string[];
  hyperparameters: Record<string, string>;
  userHyperparameters: Record<string, unknown>;
  userArgs: string[];
  instanceType: string;
  program?: string;
  submitDir?: string;
  jobName: string;
}): Record<string, string> {
  const { root } = opts;
  const channels = [...opts.channels].sort();
  const env: Record<string, string> = {
    SM_LOCAL_ROOT: root,
    SM_MODEL_DIR: join(root, 'model'),
    SM_OUTPUT_DIR: join(root, 'output'),
    SM_OUTPUT_DATA_DIR: join(root, 'output', 'data'),
    SM_OUTPUT_INTERMEDIATE_DIR: join(root, 'output', 'intermediate'),
    SM_INPUT_DIR: join(root, 'input'),
    SM_INPUT_CONFIG_DIR: join(root, 'input', 'config'),
    SM_CHANNELS: JSON.stringify(channels),
    SM_HPS: JSON.stringify(opts.userHyperparameters),
    SM_CURRENT_HOST: 'algo-1',
    SM_HOSTS: JSON.stringify(['algo-1']),
    SM_CURRENT_INSTANCE_TYPE: opts.instanceType,
    SM_NUM_GPUS: '0',
    SM_NUM_CPUS: '1',
    SM_LOG_LEVEL: '20',
    SM_NETWORK_INTERFACE_NAME: 'eth0',
    SM_USER_ARGS: JSON.stringify(opts.userArgs),
    SM_RESOURCE_CONFIG: JSON.stringify({
      current_host: 'algo-1',
      hosts: ['algo-1'],
      network_interface_name: 'eth0',
      current_instance_type: opts.instanceType,
    }),
  };
  for (const c of channels) env[`SM_CHANNEL_${c.toUpperCase()}`] = join(root, 'input', 'data', c);
  for (const [k, v] of Object.entries(opts.hyperparameters)) {
    if (!k.startsWith('sagemaker_')) env[`SM_HP_${k.toUpperCase()}`] = v;
  }
  if (opts.program) {
    env['SM_USER_ENTRY_POINT'] = opts.program;
    env['SM_MODULE_NAME'] = opts.program.replace(/\.py$/, '');
  }
  if (opts.submitDir) env['SM_MODULE_DIR'] = opts.submitDir;
  env['SM_TRAINING_ENV'] = JSON.stringify({
    job_name: opts.jobName,
    channel_input_dirs: Object.fromEntries(channels.map((c) => [c, join(root, 'input', 'data', c)])),
    hyperparameters: opts.userHyperparameters,
    model_dir: join(root, 'model'),
    output_data_dir: join(root, 'output', 'data'),
    current_host: 'algo-1',
    hosts: ['algo-1'],
  });
  return env;
}

/** Hyperparameter values as the toolkit sees them: JSON-decoded where possible. */
export function decodeHyperparameter(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const SDK_INTERNAL = new Set([
  'sagemaker_program',
  'sagemaker_submit_directory',
  'sagemaker_enable_cloudwatch_metrics',
  'sagemaker_region',
  'sagemaker_container_log_level',
  'sagemaker_job_name',
  'default_user_module_name',
  '_tuning_objective_metric',
  'sagemaker_s3_output',
]);

export function userHyperparameters(hps: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(hps)
      .filter(([k]) => !SDK_INTERNAL.has(k))
      .map(([k, v]) => [k, decodeHyperparameter(v)]),
  );
}

/** `--key value` arguments the toolkit passes to a script-mode program. */
export function userArgs(hps: Record<string, unknown>): string[] {
  return Object.entries(hps).flatMap(([k, v]) => [`--${k}`, typeof v === 'string' ? v : JSON.stringify(v)]);
}
