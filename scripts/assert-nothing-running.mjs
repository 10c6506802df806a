#!/usr/bin/env node
// Fails (exit 1) when any SageMaker training, processing or transform job is still InProgress or
// Stopping on the endpoint of the environment (AWS_ENDPOINT_URL: sagemaker-local in the forced-fail
// workflow). Used after deliberate failures to check they left nothing running (and billing).
import {
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';

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
sm.destroy();
if (running.length) {
  console.log(`::error::still running after the forced failures: ${running.join('; ')}`);
  process.exit(1);
}
console.log(`nothing running (${total} job(s) checked, all ended)`);
