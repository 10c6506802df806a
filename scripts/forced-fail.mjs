#!/usr/bin/env node
// Helpers of the forced-fail workflow's deploy and monitor cases (.github/workflows/forced-fail.yml),
// against the AWS the environment names (AWS_ENDPOINT_URL: sagemaker-local in local mode). Each
// prints `key=value` lines for $GITHUB_OUTPUT.
//   requests <endpoint> <test.csv S3 URI> <rows> <ground-truth S3 prefix>
//       sends the first <rows> rows of the test split (label first, no header) with InferenceId
//       row-<n>, and writes their true labels as Model Monitor ground truth (JSON Lines joined by
//       inferenceId). Prints payload=<the first row's features> for a smoke test.
//   tripped-alarm <alarm> <endpoint>
//       creates an alarm on the endpoint's average ModelLatency above 0 µs over the last 5 minutes
//       (real traffic trips it), and waits until it is in ALARM.
//   blind-alarm <alarm> <endpoint>
//       creates an alarm on a metric nobody publishes (the endpoint name with a typo): no data.
//   serving <endpoint>     prints config=<the config it serves> and reason=<its FailureReason>
//   cleanup <endpoint> <alarm>...   deletes the endpoint and the alarms (missing ones are fine)
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteEndpointCommand, DescribeEndpointCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';

const [command, ...args] = process.argv.slice(2);
const s3 = new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL) });
const sm = new SageMakerClient({});
const cw = new CloudWatchClient({});
const rt = new SageMakerRuntimeClient({});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** One line for $GITHUB_OUTPUT: newlines in AWS text would start a new key. */
const output = (key, value) => console.log(`${key}=${String(value).replace(/[\r\n]+/g, ' ')}`);

function s3Uri(uri) {
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri ?? '');
  if (!m) throw new Error(`expected an s3:// URI, got '${uri}'`);
  return { Bucket: m[1], Key: m[2] };
}

function usage(text) {
  console.error(`forced-fail: ${text}`);
  process.exit(2);
}

const latencyAlarm = (alarm, endpoint, period) => ({
  AlarmName: alarm,
  Namespace: 'AWS/SageMaker',
  MetricName: 'ModelLatency',
  Dimensions: [
    { Name: 'EndpointName', Value: endpoint },
    { Name: 'VariantName', Value: 'AllTraffic' },
  ],
  Statistic: 'Average',
  Period: period,
  EvaluationPeriods: 5,
  DatapointsToAlarm: 1,
  Threshold: 0,
  ComparisonOperator: 'GreaterThanThreshold',
  TreatMissingData: 'notBreaching',
});

async function alarmState(alarm) {
  const r = await cw.send(new DescribeAlarmsCommand({ AlarmNames: [alarm] }));
  return r.MetricAlarms?.[0]?.StateValue;
}

const commands = {
  async requests(endpoint, testUri, rows, truthPrefix) {
    const n = Number(rows);
    if (!endpoint || !Number.isInteger(n) || n < 1 || !truthPrefix)
      usage('requests <endpoint> <test.csv URI> <rows> <ground-truth prefix>');
    const body = await (await s3.send(new GetObjectCommand(s3Uri(testUri)))).Body.transformToString();
    const lines = body.split('\n').filter(Boolean).slice(0, n);
    if (lines.length < n) throw new Error(`${testUri} has ${lines.length} row(s), fewer than ${n}`);
    const truth = [];
    for (const [i, line] of lines.entries()) {
      const comma = line.indexOf(',');
      const id = `row-${i}`;
      await rt.send(
        new InvokeEndpointCommand({
          EndpointName: endpoint,
          Body: Buffer.from(line.slice(comma + 1)),
          ContentType: 'text/csv',
          InferenceId: id,
        }),
      );
      truth.push(
        JSON.stringify({
          groundTruthData: { data: line.slice(0, comma), encoding: 'CSV' },
          eventMetadata: { eventId: id },
          eventVersion: '0',
        }),
      );
    }
    const dest = s3Uri(truthPrefix.replace(/\/?$/, '/labels.jsonl'));
    await s3.send(new PutObjectCommand({ ...dest, Body: `${truth.join('\n')}\n` }));
    console.error(
      `${lines.length} request(s) sent to ${endpoint}; ground truth in s3://${dest.Bucket}/${dest.Key}`,
    );
    output('payload', lines[0].slice(lines[0].indexOf(',') + 1));
  },

  async 'tripped-alarm'(alarm, endpoint) {
    if (!alarm || !endpoint) usage('tripped-alarm <alarm> <endpoint>');
    await cw.send(new PutMetricAlarmCommand(latencyAlarm(alarm, endpoint, 60)));
    for (let i = 0; i < 120; i++) {
      const state = await alarmState(alarm);
      if (state === 'ALARM') return output('alarm', alarm);
      await sleep(500);
    }
    throw new Error(`alarm ${alarm} did not enter ALARM within 60 s (no recent traffic on ${endpoint}?)`);
  },

  async 'blind-alarm'(alarm, endpoint) {
    if (!alarm || !endpoint) usage('blind-alarm <alarm> <endpoint>');
    await cw.send(new PutMetricAlarmCommand(latencyAlarm(alarm, `${endpoint}-typo`, 60)));
    output('alarm', alarm);
  },

  async serving(endpoint) {
    if (!endpoint) usage('serving <endpoint>');
    const d = await sm.send(new DescribeEndpointCommand({ EndpointName: endpoint }));
    output('config', d.EndpointConfigName ?? '');
    output('status', d.EndpointStatus ?? '');
    output('reason', d.FailureReason ?? '');
  },

  async cleanup(endpoint, ...alarms) {
    if (!endpoint) usage('cleanup <endpoint> [alarm...]');
    try {
      await sm.send(new DeleteEndpointCommand({ EndpointName: endpoint }));
      console.error(`endpoint ${endpoint} deleted`);
    } catch (err) {
      if (!/Could not find|ValidationException/.test(`${err.name} ${err.message}`)) throw err;
    }
    if (alarms.length) await cw.send(new DeleteAlarmsCommand({ AlarmNames: alarms }));
  },
};

try {
  if (!commands[command]) usage(`unknown command '${command}' (${Object.keys(commands).join(', ')})`);
  await commands[command](...args);
} catch (err) {
  console.error(`::error::forced-fail ${command}: ${String(err.message).replace(/[\r\n]+/g, ' ')}`);
  process.exitCode = 1;
} finally {
  for (const c of [s3, sm, cw, rt]) c.destroy();
}
