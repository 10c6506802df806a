/**
 * The processing job a monitoring execution runs (pure): the schedule's MonitoringJobDefinition
 * turned into a CreateProcessingJob request with Model Monitor's container contract
 * (sagemaker.md §7, DG model-monitor-byoc-contract-inputs): the window's capture hour folders as
 * inputs under the EndpointInput's LocalPath in the `<endpoint>/<variant>/yyyy/mm/dd/hh` layout,
 * the baseline files as inputs, the report written to `<S3Uri>/<endpoint>/<schedule>/yyyy/mm/dd/hh`,
 * and the environment variables the container reads.
 */
import { randomBytes } from 'node:crypto';
import { hourPath, type AnalysisWindow } from './schedule-expression.js';

type Obj = Record<string, unknown>;

/** One capture hour folder of one variant that holds objects. */
export interface CaptureFolder {
  /** s3://bucket/<dest>/<endpoint>/<variant>/yyyy/mm/dd/hh */
  s3Uri: string;
  variant: string;
  hour: number;
}

export interface MonitoringJobInput {
  scheduleName: string;
  scheduleArn: string;
  endpointName: string;
  /** the job definition stored with the schedule */
  definition: Obj;
  scheduledTime: number;
  window: AnalysisWindow;
  folders: CaptureFolder[];
  /** DestinationS3Uri of the endpoint's data capture */
  captureDestination: string;
}

const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * `model-monitoring-<yyyyMMddHHmm>-<24 hex>`: the shape of the processing jobs Model Monitor
 * starts as remembered from real accounts (unverified; sagemaker.md has no sample).
 */
export function monitoringJobName(scheduledTime: number, random = randomBytes(12).toString('hex')): string {
  const stamp = iso(scheduledTime).replace(/[-:T]/g, '').slice(0, 12);
  return `model-monitoring-${stamp}-${random}`;
}

/** Where an execution's reports go: `<S3Uri>/<endpoint>/<schedule>/yyyy/mm/dd/hh` (sagemaker.md §7, unverified sub-path). */
export function reportUri(
  outputUri: string,
  endpoint: string,
  schedule: string,
  scheduledTime: number,
): string {
  return `${outputUri.replace(/\/+$/, '')}/${endpoint}/${schedule}/${hourPath(scheduledTime)}`;
}

const baseName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

export function monitoringJobRequest(i: MonitoringJobInput, jobName: string): Obj {
  const d = i.definition;
  const endpointInput = ((d['MonitoringInputs'] as Obj[])[0]!['EndpointInput'] ?? {}) as Obj;
  const datasetSource = String(endpointInput['LocalPath']).replace(/\/+$/, '');
  const s3Output =
    (((d['MonitoringOutputConfig'] as Obj)['MonitoringOutputs'] as Obj[])[0]!['S3Output'] as Obj) ?? {};
  const outputPath = String(s3Output['LocalPath']).replace(/\/+$/, '');
  const baseline = (d['BaselineConfig'] ?? {}) as Obj;
  const statistics = (baseline['StatisticsResource'] as Obj | undefined)?.['S3Uri'] as string | undefined;
  const constraints = (baseline['ConstraintsResource'] as Obj | undefined)?.['S3Uri'] as string | undefined;
  const app = (d['MonitoringAppSpecification'] ?? {}) as Obj;

  const inputs: Obj[] = i.folders.map((f, n) => ({
    // Input names as remembered from real monitoring jobs (input_1, ..., baseline, constraints): unverified.
    InputName: `input_${n + 1}`,
    S3Input: {
      S3Uri: f.s3Uri,
      LocalPath: `${datasetSource}/${i.endpointName}/${f.variant}/${hourPath(f.hour)}`,
      S3DataType: 'S3Prefix',
      S3InputMode: String(endpointInput['S3InputMode'] ?? 'File'),
      S3DataDistributionType: String(endpointInput['S3DataDistributionType'] ?? 'FullyReplicated'),
    },
  }));
  const env: Record<string, string> = {
    dataset_format: JSON.stringify({
      sagemakerCaptureJson: { captureIndexNames: ['endpointInput', 'endpointOutput'] },
    }),
    dataset_source: datasetSource,
    output_path: outputPath,
    sagemaker_endpoint_name: i.endpointName,
    sagemaker_monitoring_schedule_name: i.scheduleName,
    sagemaker_endpoint_datacapture_prefix: `${i.captureDestination.replace(/^s3:\/\/[^/]+\/?/, '').replace(/\/+$/, '')}/${i.endpointName}`,
    start_time: iso(i.window.startMs),
    end_time: iso(i.window.endMs),
    // The CloudWatch timestamp of the run's metrics (remembered from real jobs, unverified).
    metric_time: iso(i.scheduledTime),
  };
  if (statistics) {
    inputs.push({
      InputName: 'baseline',
      S3Input: {
        S3Uri: statistics,
        LocalPath: '/opt/ml/processing/baseline/stats',
        S3DataType: 'S3Prefix',
        S3InputMode: 'File',
      },
    });
    env['baseline_statistics'] = `/opt/ml/processing/baseline/stats/${baseName(statistics)}`;
  }
  if (constraints) {
    inputs.push({
      InputName: 'constraints',
      S3Input: {
        S3Uri: constraints,
        LocalPath: '/opt/ml/processing/baseline/constraints',
        S3DataType: 'S3Prefix',
        S3InputMode: 'File',
      },
    });
    env['baseline_constraints'] = `/opt/ml/processing/baseline/constraints/${baseName(constraints)}`;
  }
  for (const [k, key] of [
    ['RecordPreprocessorSourceUri', 'record_preprocessor_script'],
    ['PostAnalyticsProcessorSourceUri', 'post_analytics_processor_script'],
  ] as const) {
    if (typeof app[k] === 'string') env[key] = String(app[k]);
  }
  const userEnv = (d['Environment'] ?? {}) as Record<string, string>;
  return {
    ProcessingJobName: jobName,
    RoleArn: d['RoleArn'],
    AppSpecification: {
      ImageUri: app['ImageUri'],
      ...(app['ContainerEntrypoint'] ? { ContainerEntrypoint: app['ContainerEntrypoint'] } : {}),
      ...(app['ContainerArguments'] ? { ContainerArguments: app['ContainerArguments'] } : {}),
    },
    ProcessingResources: d['MonitoringResources'],
    ...(d['StoppingCondition'] ? { StoppingCondition: d['StoppingCondition'] } : {}),
    ProcessingInputs: inputs,
    ProcessingOutputConfig: {
      Outputs: [
        {
          OutputName: 'result',
          S3Output: {
            S3Uri: reportUri(String(s3Output['S3Uri']), i.endpointName, i.scheduleName, i.scheduledTime),
            LocalPath: outputPath,
            S3UploadMode: String(s3Output['S3UploadMode'] ?? 'EndOfJob'),
          },
        },
      ],
    },
    // publish_cloudwatch_metrics is Enabled for scheduled runs (DG); a schedule's own Environment
    // may say otherwise. Guess: the contract's other variables win over the schedule's.
    Environment: { publish_cloudwatch_metrics: 'Enabled', ...userEnv, ...env },
    ...(d['NetworkConfig'] ? { NetworkConfig: d['NetworkConfig'] } : {}),
  };
}
