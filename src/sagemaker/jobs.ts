/**
 * What the train action needs to know about a SageMaker job, whatever its kind: the specs it is
 * created from (plain data, validated by the settings parser) and one normalized view of the
 * Describe* answer. training.ts and processing.ts map these to and from the SDK shapes.
 */
export type JobKind = 'training' | 'processing';

export interface ResourceSpec {
  instanceType: string;
  instanceCount: number;
  volumeSizeGb: number;
  maxRuntimeSeconds: number;
}

export interface ChannelSpec {
  name: string;
  uri: string;
  contentType?: string | undefined;
  distribution: 'FullyReplicated' | 'ShardedByS3Key';
  inputMode?: 'File' | 'Pipe' | 'FastFile' | undefined;
}

export interface MetricDefinition {
  Name: string;
  Regex: string;
}

export interface TrainingJobSpec {
  kind: 'training';
  image: string;
  roleArn: string;
  resources: ResourceSpec;
  hyperparameters: Record<string, string>;
  channels: ChannelSpec[];
  outputPath: string;
  metricDefinitions: MetricDefinition[];
  environment: Record<string, string>;
  tags: Record<string, string>;
}

export interface ProcessingInputSpec {
  name: string;
  uri: string;
  localPath: string;
  distribution: 'FullyReplicated' | 'ShardedByS3Key';
  inputMode: 'File' | 'Pipe';
}

export interface ProcessingOutputSpec {
  name: string;
  uri: string;
  localPath: string;
  uploadMode: 'EndOfJob' | 'Continuous';
}

export interface ProcessingJobSpec {
  kind: 'processing';
  image: string;
  roleArn: string;
  resources: ResourceSpec;
  entrypoint?: string[] | undefined;
  arguments?: string[] | undefined;
  inputs: ProcessingInputSpec[];
  outputs: ProcessingOutputSpec[];
  environment: Record<string, string>;
  tags: Record<string, string>;
}

export type JobSpec = TrainingJobSpec | ProcessingJobSpec;

export type JobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

export interface StatusTransition {
  status: string;
  message?: string | undefined;
  startTime?: Date | undefined;
}

/** A Describe* answer, normalized. */
export interface JobView {
  kind: JobKind;
  name: string;
  arn: string;
  status: JobStatus | string;
  /** Training: SecondaryStatus. Processing: the status itself. */
  secondaryStatus?: string | undefined;
  transitions: StatusTransition[];
  failureReason?: string | undefined;
  exitMessage?: string | undefined;
  creationTime?: Date | undefined;
  startTime?: Date | undefined;
  endTime?: Date | undefined;
  billableSeconds?: number | undefined;
  instanceType?: string | undefined;
  instanceCount?: number | undefined;
  modelArtifact?: string | undefined;
  /** FinalMetricDataList as name → value. */
  metrics: Record<string, number>;
  /** Output S3 URIs: processing outputs by name; training {model, output}. */
  outputs: Record<string, string>;
}

/** The SDK operations for one kind of job, over plain data. */
export interface JobApi {
  kind: JobKind;
  /** CloudWatch Logs group of this kind of job. */
  logGroup: string;
  /** undefined when no job has this name. */
  describe(name: string): Promise<JobView | undefined>;
  /** Creates the job; returns its ARN. */
  create(name: string, spec: JobSpec): Promise<string>;
  /** The spec digest a job created from `spec` carries (spec-digest.ts). */
  digestOf(spec: JobSpec): string;
  /** The spec digest tag of an existing job (ListTags); undefined when it has none. */
  readDigest(arn: string): Promise<string | undefined>;
  stop(name: string): Promise<void>;
}

export const TERMINAL_STATUSES: readonly string[] = ['Completed', 'Failed', 'Stopped'];

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.includes(status);
}

// Not-found / already-exists / not-stoppable classification lives in src/aws/errors.ts.
export { isAlreadyExists, isNotFound, isNotStoppable } from '../aws/errors.js';

export function consoleJobUrl(region: string, kind: JobKind, name: string): string {
  const path = kind === 'training' ? 'jobs' : 'processing-jobs';
  return `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/${path}/${encodeURIComponent(name)}`;
}

export function logGroupOf(kind: JobKind): string {
  return kind === 'training' ? '/aws/sagemaker/TrainingJobs' : '/aws/sagemaker/ProcessingJobs';
}
