#!/usr/bin/env node
// Fails (exit 1) when any SageMaker training, processing or transform job is still InProgress or
// Stopping on the endpoint of the environment (AWS_ENDPOINT_URL: sagemaker-local in the forced-fail
// workflow), or any endpoint is still rolling out (Creating, Updating, RollingBack, SystemUpdating).
// `--gone NAME` (repeatable): that endpoint must not exist any more (waits up to 60 s for a
// deletion to finish). Used after deliberate failures to check they left nothing running (and billing).
import { parseArgs } from 'node:util';
import {
  DescribeEndpointCommand,
  ListEndpointsCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';

const { gone } = parseArgs({ options: { gone: { type: 'string', multiple: true, default: [] } } }).values;
const sm = new SageMakerClient({});
const kinds = [
  ['training', ListTrainingJobsCommand, 'TrainingJobSummaries', 'TrainingJobName', 'TrainingJobStatus'],
  [
    'processing',
    ListProcessingJobsCommand,
    'ProcessingJobSummaries',
    'ProcessingJobName',
    'ProcessingJobStatus',
  ],
  ['transform', ListTransformJobsCommand, 'TransformJobSummaries', 'TransformJobName', 'TransformJobStatus'],
];
const running = [];
let total = 0;
for (const [kind, Command, list, nameKey, statusKey] of kinds) {
  let token;
  do {
    // No StatusEquals filter: AWS applies MaxResults before filtering, so page through everything.
    const page = await sm.send(new Command({ MaxResults: 100, NextToken: token }));
    for (const job of page[list] ?? []) {
      total++;
      if (job[statusKey] === 'InProgress' || job[statusKey] === 'Stopping')
        running.push(`${kind} job ${job[nameKey]}: ${job[statusKey]}`);
    }
    token = page.NextToken;
  } while (token);
}
const ROLLING = new Set(['Creating', 'Updating', 'RollingBack', 'SystemUpdating']);
let endpointToken;
do {
  const page = await sm.send(new ListEndpointsCommand({ MaxResults: 100, NextToken: endpointToken }));
  for (const e of page.Endpoints ?? []) {
    total++;
    if (ROLLING.has(e.EndpointStatus)) running.push(`endpoint ${e.EndpointName}: ${e.EndpointStatus}`);
  }
  endpointToken = page.NextToken;
} while (endpointToken);
for (const name of gone) {
  let status;
  for (let i = 0; i < 120; i++) {
    try {
      status = (await sm.send(new DescribeEndpointCommand({ EndpointName: name }))).EndpointStatus;
    } catch (err) {
      if (/Could not find/i.test(err.message)) {
        status = undefined;
        break;
      }
      throw err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (status) running.push(`endpoint ${name}: ${status} (it should have been deleted)`);
}
sm.destroy();
if (running.length) {
  console.log(`::error::still running after the forced failures: ${running.join('; ')}`);
  process.exit(1);
}
console.log(`nothing running (${total} job(s) and endpoint(s) checked)`);
