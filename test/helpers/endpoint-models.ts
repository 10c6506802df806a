/**
 * Models for endpoint tests on sagemaker-local: a script-mode inference script
 * (test/integration/local/fixtures/endpoint/inference.py) whose behaviour (answer a value, fail
 * every request with a 500, crash before /ping) is read from model_dir/behaviour.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';

export const SCRIPT_IMAGE =
  '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';
export const ROLE_ARN = 'arn:aws:iam::000000000000:role/SageMakerRole';
const INFERENCE = new URL('../integration/local/fixtures/endpoint/inference.py', import.meta.url).pathname;

export type Behaviour = { mode: 'ok'; value: number } | { mode: 'fail' } | { mode: 'crash' };

/** model.tar.gz bytes: behaviour.json + code/inference.py. */
export function scriptModelTar(behaviour: Behaviour): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ep-model-'));
  try {
    mkdirSync(join(dir, 'm', 'code'), { recursive: true });
    writeFileSync(join(dir, 'm', 'behaviour.json'), JSON.stringify(behaviour));
    copyFileSync(INFERENCE, join(dir, 'm', 'code', 'inference.py'));
    execFileSync('tar', ['-czf', join(dir, 'model.tar.gz'), '-C', join(dir, 'm'), 'behaviour.json', 'code']);
    return readFileSync(join(dir, 'model.tar.gz'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((e: { name?: string }) => {
    if (e.name !== 'BucketAlreadyOwnedByYou' && e.name !== 'BucketAlreadyExists') throw e;
  });
}

/** Uploads the artifact and returns its S3 URI. */
export async function uploadScriptModel(
  s3: S3Client,
  bucket: string,
  key: string,
  behaviour: Behaviour,
): Promise<string> {
  await ensureBucket(s3, bucket);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: scriptModelTar(behaviour) }));
  return `s3://${bucket}/${key}`;
}

/** The container definition of a script-mode model (SAGEMAKER_PROGRAM in the model's code/). */
export const scriptContainer = (modelDataUrl: string) => ({
  Image: SCRIPT_IMAGE,
  ModelDataUrl: modelDataUrl,
  Environment: { SAGEMAKER_PROGRAM: 'inference.py' },
});

export async function createScriptModel(
  sm: SageMakerClient,
  s3: S3Client,
  bucket: string,
  name: string,
  behaviour: Behaviour,
): Promise<string> {
  const uri = await uploadScriptModel(s3, bucket, `models/${name}/model.tar.gz`, behaviour);
  await sm.send(
    new CreateModelCommand({
      ModelName: name,
      ExecutionRoleArn: ROLE_ARN,
      PrimaryContainer: scriptContainer(uri),
    }),
  );
  return uri;
}

/**
 * A one-variant endpoint (AllTraffic) serving `model` that captures every request and response
 * under `destination`; resolves when InService. `csv`: CaptureContentTypeHeader for text/csv
 * (else payloads are captured base64-encoded, as AWS does).
 */
export async function createCaptureEndpoint(
  sm: SageMakerClient,
  o: { endpoint: string; model: string; destination: string; csv: boolean },
): Promise<void> {
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${o.endpoint}-cfg`,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: o.model,
          InitialInstanceCount: 1,
          InstanceType: 'ml.m5.large',
        },
      ],
      DataCaptureConfig: {
        InitialSamplingPercentage: 100,
        DestinationS3Uri: o.destination,
        CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
        ...(o.csv ? { CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'] } } : {}),
      },
    }),
  );
  await sm.send(
    new CreateEndpointCommand({ EndpointName: o.endpoint, EndpointConfigName: `${o.endpoint}-cfg` }),
  );
  for (let i = 0; i < 1200; i++) {
    const d = await sm.send(new DescribeEndpointCommand({ EndpointName: o.endpoint }));
    if (d.EndpointStatus === 'InService') return;
    if (d.EndpointStatus === 'Failed') throw new Error(`endpoint ${o.endpoint} failed: ${d.FailureReason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`endpoint ${o.endpoint} did not come InService`);
}
