import { Readable } from 'node:stream';
import { mockClient } from 'aws-sdk-client-mock';
import {
  S3Client,
  PutObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import {
  SageMakerClient,
  CreateModelCommand,
  DescribeModelCommand,
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  StopTransformJobCommand,
  ListModelPackagesCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  CreateModelPackageGroupCommand,
  CreateModelPackageCommand,
  type CreateTransformJobCommandInput,
} from '@aws-sdk/client-sagemaker';
import type { AwsClients } from '../../src/aws/clients.js';

export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

export function body(text: string): never {
  const r = Readable.from([Buffer.from(text)]);
  return Object.assign(r, {
    transformToString: async () => text,
    transformToByteArray: async () => new Uint8Array(Buffer.from(text)),
  }) as never;
}

async function readBody(b: unknown): Promise<string> {
  if (typeof b === 'string') return b;
  if (b instanceof Uint8Array) return Buffer.from(b).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const c of b as AsyncIterable<Buffer | string>)
    chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}

export interface FakePackage {
  arn: string;
  approval: string;
  image?: string;
  modelDataUrl?: string;
  reportUri?: string;
}

/**
 * In-memory S3 and a SageMaker that "runs" transform jobs by applying `predict` to each input line.
 * `predict(modelDataUrl, featureLines)` returns the `.out` text.
 */
export function fakeAws(opts: {
  predict: (modelDataUrl: string, lines: string[]) => string;
  /** Describe calls that answer InProgress before Completed. */
  inProgressPolls?: number;
  /** Final status override (e.g. 'Failed' or never ending: 'InProgress'). */
  finalStatus?: string;
  packages?: FakePackage[];
  groupExists?: boolean;
}) {
  const objects = new Map<string, string>();
  const s3 = mockClient(S3Client);
  const sm = mockClient(SageMakerClient);
  const models = new Map<string, { image: string; url: string }>();
  const jobs = new Map<string, { input: CreateTransformJobCommandInput; polls: number; status: string }>();
  const packages = [...(opts.packages ?? [])];
  let groupExists = opts.groupExists ?? false;

  s3.on(PutObjectCommand).callsFake(async (i: { Bucket: string; Key: string; Body: unknown }) => {
    objects.set(`${i.Bucket}/${i.Key}`, await readBody(i.Body));
    return {};
  });
  s3.on(HeadObjectCommand).callsFake(async (i: { Bucket: string; Key: string }) => {
    if (!objects.has(`${i.Bucket}/${i.Key}`)) throw awsError('NotFound', 'Not Found');
    return {};
  });
  s3.on(GetObjectCommand).callsFake(async (i: { Bucket: string; Key: string }) => {
    const v = objects.get(`${i.Bucket}/${i.Key}`);
    if (v === undefined) throw awsError('NoSuchKey', 'The specified key does not exist.');
    return { Body: body(v) };
  });
  s3.on(ListObjectsV2Command).callsFake(async (i: { Bucket: string; Prefix?: string }) => ({
    Contents: [...objects.keys()]
      .filter((k) => k.startsWith(`${i.Bucket}/${i.Prefix ?? ''}`))
      .sort()
      .map((k) => ({ Key: k.slice(i.Bucket.length + 1), Size: objects.get(k)!.length })),
    IsTruncated: false,
  }));

  sm.on(DescribeModelCommand).callsFake(async (i: { ModelName: string }) => {
    const m = models.get(i.ModelName);
    if (!m) throw awsError('ValidationException', `Could not find model "${i.ModelName}".`);
    return {
      ModelName: i.ModelName,
      ModelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/${i.ModelName}`,
      PrimaryContainer: { Image: m.image, ModelDataUrl: m.url },
    };
  });
  sm.on(CreateModelCommand).callsFake(
    async (i: { ModelName: string; PrimaryContainer: { Image: string; ModelDataUrl: string } }) => {
      models.set(i.ModelName, { image: i.PrimaryContainer.Image, url: i.PrimaryContainer.ModelDataUrl });
      return { ModelArn: `arn:aws:sagemaker:us-east-1:123456789012:model/${i.ModelName}` };
    },
  );
  sm.on(CreateTransformJobCommand).callsFake(async (i: CreateTransformJobCommandInput) => {
    jobs.set(i.TransformJobName!, { input: i, polls: 0, status: 'InProgress' });
    return {
      TransformJobArn: `arn:aws:sagemaker:us-east-1:123456789012:transform-job/${i.TransformJobName}`,
    };
  });
  sm.on(DescribeTransformJobCommand).callsFake(async (i: { TransformJobName: string }) => {
    const job = jobs.get(i.TransformJobName);
    if (!job)
      throw awsError('ValidationException', `Could not find requested job with name ${i.TransformJobName}`);
    job.polls++;
    if (job.status === 'InProgress' && job.polls > (opts.inProgressPolls ?? 1)) {
      job.status = opts.finalStatus ?? 'Completed';
      if (job.status === 'Completed') {
        // Run it: every object under the input prefix → <output>/<name>.out
        const src = job.input.TransformInput!.DataSource!.S3DataSource!.S3Uri!.slice(5);
        const out = job.input.TransformOutput!.S3OutputPath!.slice(5);
        const model = models.get(job.input.ModelName!)!;
        for (const [k, v] of [...objects]) {
          if (!k.startsWith(src)) continue;
          const lines = v.split('\n').filter((l) => l !== '');
          objects.set(`${out.replace(/\/$/, '')}/${k.split('/').pop()}.out`, opts.predict(model.url, lines));
        }
      }
    }
    return {
      TransformJobName: i.TransformJobName,
      TransformJobStatus: job.status,
      ModelName: job.input.ModelName,
      TransformInput: job.input.TransformInput,
      ...(job.status === 'Failed' ? { FailureReason: 'ClientError: bad input' } : {}),
    };
  });
  sm.on(StopTransformJobCommand).callsFake(async (i: { TransformJobName: string }) => {
    const job = jobs.get(i.TransformJobName);
    if (job) job.status = 'Stopped';
    return {};
  });
  sm.on(ListModelPackagesCommand).callsFake(async (i: { ModelApprovalStatus?: string }) => {
    if (!groupExists && packages.length === 0)
      throw awsError('ValidationException', 'Model Package Group does not exist.');
    const approved = packages.filter((p) => !i.ModelApprovalStatus || p.approval === i.ModelApprovalStatus);
    const last = approved[approved.length - 1];
    return {
      ModelPackageSummaryList: last
        ? [
            {
              ModelPackageArn: last.arn,
              ModelApprovalStatus: last.approval,
              ModelPackageVersion: packages.indexOf(last) + 1,
              CreationTime: new Date(),
              ModelPackageStatus: 'Completed',
            },
          ]
        : [],
    };
  });
  sm.on(DescribeModelPackageCommand).callsFake(async (i: { ModelPackageName: string }) => {
    const p = packages.find((x) => x.arn === i.ModelPackageName);
    if (!p) throw awsError('ValidationException', 'ModelPackage does not exist.');
    return {
      ModelPackageArn: p.arn,
      ModelApprovalStatus: p.approval,
      InferenceSpecification: {
        Containers: [
          { Image: p.image ?? 'img', ...(p.modelDataUrl ? { ModelDataUrl: p.modelDataUrl } : {}) },
        ],
      },
      ...(p.reportUri
        ? {
            ModelMetrics: {
              ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: p.reportUri } },
            },
          }
        : {}),
    };
  });
  sm.on(DescribeModelPackageGroupCommand).callsFake(async () => {
    if (!groupExists) throw awsError('ValidationException', 'ModelPackageGroup arn:... does not exist.');
    return {};
  });
  sm.on(CreateModelPackageGroupCommand).callsFake(async () => {
    groupExists = true;
    return { ModelPackageGroupArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g' };
  });
  sm.on(CreateModelPackageCommand).callsFake(
    async (i: {
      ModelPackageGroupName: string;
      ModelApprovalStatus: string;
      InferenceSpecification: { Containers: { Image: string; ModelDataUrl: string }[] };
      ModelMetrics: { ModelQuality: { Statistics: { S3Uri: string } } };
    }) => {
      const arn = `arn:aws:sagemaker:us-east-1:123456789012:model-package/${i.ModelPackageGroupName}/${packages.length + 1}`;
      packages.push({
        arn,
        approval: i.ModelApprovalStatus,
        image: i.InferenceSpecification.Containers[0]!.Image,
        modelDataUrl: i.InferenceSpecification.Containers[0]!.ModelDataUrl,
        reportUri: i.ModelMetrics.ModelQuality.Statistics.S3Uri,
      });
      return { ModelPackageArn: arn };
    },
  );

  const clients: AwsClients = {
    region: 'us-east-1',
    sagemaker: async () => new SageMakerClient({ region: 'us-east-1' }),
    s3: async () => new S3Client({ region: 'us-east-1' }),
    logs: async () => {
      throw new Error('not used');
    },
    cloudwatch: async () => {
      throw new Error('not used');
    },
    runtime: async () => {
      throw new Error('not used');
    },
  };
  return {
    s3,
    sm,
    objects,
    jobs,
    packages,
    clients,
    restore: () => {
      s3.restore();
      sm.restore();
    },
  };
}
