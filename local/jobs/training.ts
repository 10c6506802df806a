/**
 * A training job, run for real: the /opt/ml tree in a temp root, channels downloaded from S3,
 * the image's command (XGBoost runtime, script mode, or a configured mapping), logs to
 * CloudWatch Logs, metrics through MetricDefinitions, model.tar.gz uploaded back.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalContext, Rec } from '../context.js';
import { joinS3, parseS3Uri } from '../s3store.js';
import { packDirectory } from './archive.js';
import { LOG_GROUPS, algorithmFailure, baseJobEnv, jobLog, logJobEnd, makeJobRoot } from './common.js';
import { JobFailure, downloadS3Input, isBuiltinXgboost } from './inputs.js';
import { jobLifecycle, maxRuntimeMs, type TerminalStatus } from './lifecycle.js';
import { trainingCommand } from './training-command.js';
import {
  MetricCollector,
  XGBOOST_METRIC_DEFINITIONS,
  compileMetricDefinitions,
  type MetricDefinition,
} from './metrics.js';
import { MetricEvaluator, MetricRegexTimeout } from './metric-worker.js';
import { decodeHyperparameter, trainingEnvironment, userArgs, userHyperparameters } from './paths.js';
import { TRAINING_MESSAGES, addTransition, type Transition } from './status.js';

type Obj = Record<string, unknown>;

// Training ends through its secondary status (and times), so it brings its own terminal write.
const TRAINING = jobLifecycle(
  {
    kind: 'training',
    table: (state) => state.trainingJobs,
    statusField: 'TrainingJobStatus',
    endTimeField: 'TrainingEndTime',
  },
  (ctx, name, status, patch) => finish(ctx, name, status, status, patch),
);
const { stopRequested } = TRAINING;

export function startTrainingJob(ctx: LocalContext, name: string): void {
  TRAINING.start(ctx, name, runTraining);
}

function update(ctx: LocalContext, name: string, patch: Obj): Rec | undefined {
  if (ctx.closing) return undefined;
  const rec = ctx.state.trainingJobs.get(name);
  if (!rec) return undefined;
  const next = { ...rec, ...patch, LastModifiedTime: ctx.now() } as Rec;
  ctx.state.trainingJobs.put(name, next);
  return next;
}

function secondary(ctx: LocalContext, name: string, status: string, patch: Obj = {}): void {
  const rec = ctx.state.trainingJobs.get(name);
  if (!rec) return;
  // a stop request wins over progress: no Downloading/Training after Stopping
  if (
    rec['TrainingJobStatus'] === 'Stopping' &&
    !['Stopped', 'MaxRuntimeExceeded', 'Failed', 'Completed'].includes(status)
  )
    return;
  const transitions = addTransition(
    (rec['SecondaryStatusTransitions'] as Transition[]) ?? [],
    status,
    TRAINING_MESSAGES[status] ?? status,
    ctx.now(),
  );
  update(ctx, name, { SecondaryStatus: status, SecondaryStatusTransitions: transitions, ...patch });
}

function finish(
  ctx: LocalContext,
  name: string,
  status: TerminalStatus,
  secondaryStatus: string,
  patch: Obj,
): void {
  const rec = ctx.state.trainingJobs.get(name);
  if (!rec) return;
  const now = ctx.now();
  const start = rec['TrainingStartTime'] as number | undefined;
  const times: Obj = {};
  if (start !== undefined) {
    const seconds = Math.max(1, Math.round((now - start) / 1000));
    Object.assign(times, {
      TrainingEndTime: now,
      TrainingTimeInSeconds: seconds,
      BillableTimeInSeconds: seconds,
    });
  }
  secondary(ctx, name, secondaryStatus, { TrainingJobStatus: status, ...times, ...patch });
  if (!ctx.closing) logJobEnd(ctx, 'training', name, status, patch);
}

async function runTraining(ctx: LocalContext, name: string): Promise<void> {
  const rec = ctx.state.trainingJobs.get(name)!;
  const req = rec['request'] as Obj;
  const hps = (req['HyperParameters'] ?? {}) as Record<string, string>;
  const algo = (req['AlgorithmSpecification'] ?? {}) as Obj;
  const resource = (req['ResourceConfig'] ?? {}) as Obj;
  const instanceType = (resource['InstanceType'] as string | undefined) ?? 'ml.m5.large';
  const channels = (req['InputDataConfig'] as Obj[] | undefined) ?? [];
  const root = makeJobRoot('training', name, ctx);
  const log = jobLog(ctx, LOG_GROUPS.training, name);
  let evaluator: MetricEvaluator | undefined;
  try {
    for (const d of [
      'input/config',
      'input/data',
      'model',
      'output/data',
      'output/intermediate',
      'code',
      'checkpoints',
    ]) {
      mkdirSync(join(root, d), { recursive: true });
    }
    const inputConfig = Object.fromEntries(
      channels.map((c) => [
        c['ChannelName'],
        {
          ...(c['ContentType'] ? { ContentType: c['ContentType'] } : {}),
          TrainingInputMode: (c['InputMode'] as string | undefined) ?? algo['TrainingInputMode'] ?? 'File',
          S3DistributionType:
            ((c['DataSource'] as Obj)?.['S3DataSource'] as Obj | undefined)?.['S3DataDistributionType'] ??
            'FullyReplicated',
          RecordWrapperType: (c['RecordWrapperType'] as string | undefined) ?? 'None',
        },
      ]),
    );
    const resourceConfig = {
      current_host: 'algo-1',
      hosts: ['algo-1'],
      network_interface_name: 'eth0',
      current_instance_type: instanceType,
      current_group_name: 'homogeneousCluster',
      instance_groups: [
        { instance_group_name: 'homogeneousCluster', instance_type: instanceType, hosts: ['algo-1'] },
      ],
    };
    writeFileSync(join(root, 'input/config/hyperparameters.json'), JSON.stringify(hps));
    writeFileSync(join(root, 'input/config/inputdataconfig.json'), JSON.stringify(inputConfig));
    writeFileSync(join(root, 'input/config/resourceconfig.json'), JSON.stringify(resourceConfig));

    secondary(ctx, name, 'Downloading');
    for (const c of channels) {
      const s3 = ((c['DataSource'] as Obj | undefined)?.['S3DataSource'] ?? undefined) as Obj | undefined;
      if (!s3)
        throw new JobFailure(
          `ClientError: channel '${String(c['ChannelName'])}': sagemaker-local supports only S3DataSource`,
        );
      await downloadS3Input(
        ctx,
        String(s3['S3Uri']),
        join(root, 'input/data', String(c['ChannelName'])),
        String(s3['S3DataType'] ?? 'S3Prefix'),
      );
    }
    const metricDefs = (algo['MetricDefinitions'] as MetricDefinition[] | undefined)?.length
      ? (algo['MetricDefinitions'] as MetricDefinition[])
      : isBuiltinXgboost(algo['TrainingImage'] as string | undefined) && !hps['sagemaker_program']
        ? XGBOOST_METRIC_DEFINITIONS
        : [];
    let collector: MetricCollector;
    try {
      collector = new MetricCollector(compileMetricDefinitions(metricDefs));
    } catch (err) {
      throw new JobFailure(`ClientError: ${(err as Error).message}`);
    }
    const cmd = await trainingCommand(ctx, req, root, hps);
    if (stopRequested(ctx, name)) {
      finish(ctx, name, 'Stopped', 'Stopped', {});
      return;
    }
    const hpsUser = userHyperparameters(hps);
    const env = baseJobEnv(
      ctx,
      {
        ...trainingEnvironment({
          root,
          channels: channels.map((c) => String(c['ChannelName'])),
          hyperparameters: hps,
          userHyperparameters: hpsUser,
          userArgs: userArgs(hpsUser),
          instanceType,
          jobName: name,
          ...(hps['sagemaker_program']
            ? { program: String(decodeHyperparameter(hps['sagemaker_program'])) }
            : {}),
          ...(hps['sagemaker_submit_directory']
            ? { submitDir: String(decodeHyperparameter(hps['sagemaker_submit_directory'])) }
            : {}),
        }),
        TRAINING_JOB_NAME: name,
        TRAINING_JOB_ARN: String(rec['TrainingJobArn']),
      },
      (req['Environment'] ?? {}) as Record<string, string>,
    );
    // User regexes run off the event loop, with a time limit (metric-worker.ts).
    const ev = new MetricEvaluator(
      metricDefs,
      (m) => {
        collector.record(m.name, m.value, m.timestamp);
        ctx.metrics.put({
          namespace: '/aws/sagemaker/TrainingJobs',
          metricName: m.name,
          dimensions: [{ Name: 'TrainingJobName', Value: name }],
          timestamp: m.timestamp,
          values: [m.value],
        });
      },
      ctx.metricRegexTimeoutMs,
    );
    evaluator = ev;
    secondary(ctx, name, 'Training', { TrainingStartTime: ctx.now() });
    const run = await TRAINING.runProcess(ctx, name, {
      cmd,
      env,
      maxRuntimeMs: maxRuntimeMs(req),
      onLine: (line) => ev.observe(log.write(line), ctx.now()),
    });
    if (!run) return;
    try {
      await ev.drain();
    } catch (err) {
      if (!(err instanceof MetricRegexTimeout)) throw err;
      finish(ctx, name, 'Failed', 'Failed', { FailureReason: `ClientError: ${err.message}` });
      return;
    }
    const { result, stderrTail } = run;
    const metrics = { FinalMetricDataList: collector.final() };
    if (result.stopReason) {
      await uploadArtifacts(ctx, name, req, root).catch(() => undefined);
      finish(
        ctx,
        name,
        'Stopped',
        result.stopReason === 'timeout' ? 'MaxRuntimeExceeded' : 'Stopped',
        metrics,
      );
      return;
    }
    if (result.code !== 0) {
      finish(ctx, name, 'Failed', 'Failed', {
        ...metrics,
        FailureReason: algorithmFailure(root, result.code, result.signal, stderrTail),
      });
      return;
    }
    secondary(ctx, name, 'Uploading', metrics);
    await uploadArtifacts(ctx, name, req, root);
    finish(ctx, name, 'Completed', 'Completed', metrics);
  } catch (err) {
    TRAINING.settle(ctx, name, err);
  } finally {
    evaluator?.close();
    TRAINING.cleanup(ctx, name, root);
  }
}

async function uploadArtifacts(ctx: LocalContext, name: string, req: Obj, root: string): Promise<void> {
  const outputPath = String((req['OutputDataConfig'] as Obj)['S3OutputPath']);
  const modelUri = joinS3(outputPath, name, 'output', 'model.tar.gz');
  const modelTar = join(root, 'model.tar.gz');
  await packDirectory(join(root, 'model'), modelTar);
  try {
    const m = parseS3Uri(modelUri);
    await ctx.s3.putFile(m.bucket, m.key, modelTar, 'application/x-tar');
    const dataDir = join(root, 'output', 'data');
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      const outTar = join(root, 'output.tar.gz');
      await packDirectory(dataDir, outTar);
      const o = parseS3Uri(joinS3(outputPath, name, 'output', 'output.tar.gz'));
      await ctx.s3.putFile(o.bucket, o.key, outTar, 'application/x-tar');
    }
  } catch (err) {
    throw new JobFailure(`ClientError: cannot upload the model to ${modelUri}: ${(err as Error).message}`);
  }
}
