/** Query-protocol translation, SDK shape reading, S3 copy helpers, paging-before-filtering, dashboards. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import * as cloudwatchSdk from '@aws-sdk/client-cloudwatch';
import { operationShapes, shapeOf, type Shape } from '../../../local/sdk-shapes.js';
import {
  decodeQueryRequest,
  encodeQueryResponse,
  queryErrorResponse,
} from '../../../local/query-protocol.js';
import { AwsError } from '../../../local/protocol.js';
import { routeRequest } from '../../../local/router.js';
import { parseCopyRange, parseCopySource } from '../../../local/s3-extras.js';
import { decodeToken, pageThenFilter } from '../../../local/pagination.js';
import { validateDashboardBody } from '../../../local/services/dashboards.js';
import { INSTANCE_TYPES } from '../../../local/services/sagemaker/instance-types.js';

const sdk = cloudwatchSdk as unknown as Record<string, unknown>;
const op = (name: string) => {
  const shapes = operationShapes(sdk, name);
  if (!shapes) throw new Error(`no shapes for ${name}`);
  return shapes;
};
const member = (s: Shape, name: string): Shape => {
  if (s.kind !== 'structure') throw new Error(`${name}: not a structure`);
  return s.members[name]!();
};

describe('SDK shapes', () => {
  it('reads member types of CloudWatch operations from the installed client', () => {
    const alarm = op('PutMetricAlarm').input;
    expect(member(alarm, 'Period').kind).toBe('number');
    expect(member(alarm, 'ActionsEnabled').kind).toBe('boolean');
    expect(member(alarm, 'AlarmActions').kind).toBe('list');
    const dims = member(alarm, 'Dimensions');
    expect(dims.kind).toBe('list');
    if (dims.kind === 'list') expect(member(dims.member(), 'Value').kind).toBe('string');
    const datapoints = member(op('GetMetricStatistics').output, 'Datapoints');
    if (datapoints.kind !== 'list') throw new Error('Datapoints is not a list');
    expect(member(datapoints.member(), 'Timestamp').kind).toBe('timestamp');
    expect(member(datapoints.member(), 'ExtendedStatistics').kind).toBe('map');
    expect(op('PutMetricData').output).toEqual({ kind: 'structure', name: 'Unit', members: {} });
    // every operation the alarms work adds is known to the SDK, so the translation serves it
    for (const name of [
      'DescribeAlarms',
      'DescribeAlarmsForMetric',
      'SetAlarmState',
      'DeleteAlarms',
      'DescribeAlarmHistory',
      'GetMetricData',
      'ListMetrics',
      'PutDashboard',
      'ListDashboards',
    ])
      expect(operationShapes(sdk, name)?.name).toBe(name);
    expect(operationShapes(sdk, 'NoSuchOperation')).toBeUndefined();
  });

  it('fails loudly on a schema format it does not know', () => {
    expect(() => shapeOf(33)).toThrow(/unknown SDK schema code 33/);
    expect(() => shapeOf(64 | 33)).toThrow(/unknown SDK schema code 33/);
    expect(() => shapeOf([77, 'ns', 'X', 0, [], []])).toThrow(/unknown SDK schema tuple 77/);
  });
});

describe('query protocol translation', () => {
  it('decodes members.N lists, nested structures, numbers, booleans and timestamps by the operation', () => {
    const form = new Map(
      Object.entries({
        Action: 'PutMetricData',
        Version: '2010-08-01',
        Namespace: 'App',
        'MetricData.member.1.MetricName': 'Latency',
        'MetricData.member.1.Value': '12.5',
        'MetricData.member.1.Timestamp': '2024-01-02T03:04:05Z',
        'MetricData.member.1.Dimensions.member.1.Name': 'Endpoint',
        'MetricData.member.1.Dimensions.member.1.Value': 'ep',
        'MetricData.member.2.MetricName': 'Errors',
        'MetricData.member.2.Values.member.1': '1',
        'MetricData.member.2.Values.member.2': '2',
        'MetricData.member.2.Counts.member.1': '3',
        'MetricData.member.2.Counts.member.2': '4',
        'MetricData.member.2.StatisticValues.SampleCount': '2',
        StrictEntityValidation: 'true',
      }),
    );
    expect(decodeQueryRequest(form, op('PutMetricData').input)).toEqual({
      Namespace: 'App',
      StrictEntityValidation: true,
      MetricData: [
        {
          MetricName: 'Latency',
          Value: 12.5,
          Timestamp: Date.parse('2024-01-02T03:04:05Z') / 1000,
          Dimensions: [{ Name: 'Endpoint', Value: 'ep' }],
        },
        { MetricName: 'Errors', Values: [1, 2], Counts: [3, 4], StatisticValues: { SampleCount: 2 } },
      ],
    });
  });

  it('decodes an empty list (`X=`) and leaves unparsable numbers for the handler to refuse', () => {
    const form = new Map(
      Object.entries({
        AlarmName: 'a',
        AlarmActions: '',
        Period: 'sixty',
        'Tags.member.1.Key': 'k',
        'Tags.member.1.Value': 'v',
      }),
    );
    expect(decodeQueryRequest(form, op('PutMetricAlarm').input)).toEqual({
      AlarmName: 'a',
      AlarmActions: [],
      Period: 'sixty',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
  });

  it('encodes results as the XML botocore parses: Result wrapper, <member>, <entry>, ISO timestamps', () => {
    const xml = encodeQueryResponse(
      'GetMetricStatistics',
      'http://monitoring.amazonaws.com/doc/2010-08-01/',
      {
        Label: 'L<1>',
        Datapoints: [{ Timestamp: 1704164645, Sum: 3, Unit: 'None', ExtendedStatistics: { p50: 1.5 } }],
        NotInTheModel: 'dropped',
      },
      op('GetMetricStatistics').output,
      'rid',
    );
    expect(xml).toContain(
      '<GetMetricStatisticsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricStatisticsResult>',
    );
    expect(xml).toContain('<Label>L&lt;1&gt;</Label>');
    expect(xml).toContain(
      '<Datapoints><member><Timestamp>2024-01-02T03:04:05.000Z</Timestamp><Sum>3</Sum><Unit>None</Unit>' +
        '<ExtendedStatistics><entry><key>p50</key><value>1.5</value></entry></ExtendedStatistics></member></Datapoints>',
    );
    expect(xml).not.toContain('NotInTheModel');
    expect(xml).toContain('<ResponseMetadata><RequestId>rid</RequestId></ResponseMetadata>');
    const empty = encodeQueryResponse('PutMetricData', 'ns', {}, op('PutMetricData').output, 'r2');
    expect(empty).not.toContain('PutMetricDataResult');
  });

  it('writes errors as <ErrorResponse> with Type, Code, Message and RequestId', () => {
    const wire = queryErrorResponse(new AwsError('InvalidParameterValue', 'bad & worse'), 'rid', 'ns');
    expect(wire.status).toBe(400);
    expect(wire.body).toContain(
      '<ErrorResponse xmlns="ns"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code><Message>bad &amp; worse</Message></Error><RequestId>rid</RequestId></ErrorResponse>',
    );
    expect(queryErrorResponse(new AwsError('InternalFailure', 'x', 500), 'r').body).toContain(
      '<Type>Receiver</Type>',
    );
  });

  it('routes form-encoded POSTs and Action+Version GETs on / to the query layer, never to S3', () => {
    expect(routeRequest('POST', '/', undefined, 'application/x-www-form-urlencoded; charset=utf-8')).toEqual({
      service: 'query',
    });
    expect(
      routeRequest(
        'GET',
        '/',
        undefined,
        undefined,
        new URLSearchParams('Action=ListMetrics&Version=2010-08-01'),
      ),
    ).toEqual({
      service: 'query',
    });
    expect(routeRequest('POST', '/bucket/key', undefined, 'application/x-www-form-urlencoded')).toEqual({
      service: 's3',
    });
    expect(routeRequest('POST', '/', 'AWSCognitoIdentityService.ListPools')).toEqual({
      service: 'unknown-target',
      target: 'AWSCognitoIdentityService.ListPools',
    });
  });
});

describe('S3 copy helpers', () => {
  it('parses x-amz-copy-source in its forms', () => {
    expect(parseCopySource('src-bucket/a/b%20c.bin')).toEqual({ bucket: 'src-bucket', key: 'a/b c.bin' });
    expect(parseCopySource('/src-bucket/k?versionId=3')).toEqual({ bucket: 'src-bucket', key: 'k' });
    expect(parseCopySource('only-bucket')).toBeUndefined();
    expect(parseCopySource('b/')).toBeUndefined();
  });

  it('checks x-amz-copy-source-range against the source size', () => {
    expect(parseCopyRange(undefined, 10)).toEqual({ start: 0, end: 9 });
    expect(parseCopyRange('bytes=2-5', 10)).toEqual({ start: 2, end: 5 });
    expect(parseCopyRange('bytes=2-10', 10)).toEqual({
      error: 'Range specified is not valid for source object of size: 10',
    });
    expect(parseCopyRange('bytes=5-2', 10)).toHaveProperty('error');
    expect(parseCopyRange('bytes=-5', 10)).toHaveProperty('error');
  });
});

describe('pageThenFilter (List* apply MaxResults before filtering)', () => {
  it('windows the unfiltered listing, filters each window, and returns NextToken on short or empty pages', () => {
    const all = [1, 2, 3, 4, 5];
    const even = (n: number) => n % 2 === 0;
    const first = pageThenFilter(all, (n) => n === 5, 2, undefined, 's');
    expect(first.items).toEqual([]);
    expect(first.nextToken).toBeDefined();
    const second = pageThenFilter(all, even, 2, first.nextToken, 's');
    expect(second.items).toEqual([4]);
    const third = pageThenFilter(all, even, 2, second.nextToken, 's');
    expect(third).toEqual({ items: [] });
    expect(() => pageThenFilter(all, even, 2, first.nextToken, 'other')).toThrow(/NextToken is not valid/);
  });

  it('property: following NextToken yields exactly the filtered listing, each page at most MaxResults', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (all, limit) => {
          const keep = (n: number) => n % 3 === 0;
          const seen: number[] = [];
          let token: string | undefined;
          let pages = 0;
          do {
            const page = pageThenFilter(all, keep, limit, token, 'p');
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items);
            token = page.nextToken;
            if (token) expect(decodeToken(token, 'p')).toBeLessThan(all.length);
            pages++;
          } while (token);
          expect(seen).toEqual(all.filter(keep));
          expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
        },
      ),
    );
  });
});

describe('dashboard body validation', () => {
  const widget = (w: Record<string, unknown>) => JSON.stringify({ widgets: [w] });
  it('accepts the documented widget shapes', () => {
    expect(
      validateDashboardBody(
        JSON.stringify({
          widgets: [
            {
              type: 'metric',
              x: 0,
              y: 0,
              width: 12,
              height: 6,
              properties: {
                region: 'us-east-1',
                metrics: [
                  ['AWS/SageMaker', 'Invocations', 'EndpointName', 'ep', { stat: 'Sum' }],
                  ['..', 'ModelLatency'],
                ],
              },
            },
            { type: 'text', properties: { markdown: '# hi' } },
            { type: 'alarm', properties: { alarms: ['arn:aws:cloudwatch:us-east-1:0:alarm:a'] } },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('reports problems with CloudWatch data paths and JSON-schema wording', () => {
    expect(validateDashboardBody('{')[0]!.Message).toMatch(/^Invalid JSON/);
    expect(validateDashboardBody('[]')).toEqual([{ DataPath: '', Message: 'Should be object' }]);
    expect(validateDashboardBody('{}')).toEqual([
      { DataPath: '', Message: "Should have required property 'widgets'" },
    ]);
    expect(validateDashboardBody(widget({ type: 'graph', properties: {} }))).toEqual([
      { DataPath: '/widgets/0/type', Message: 'Should be equal to one of the allowed values' },
    ]);
    expect(
      validateDashboardBody(widget({ type: 'metric', width: 30, properties: { metrics: [['A', 1]] } })),
    ).toEqual([
      { DataPath: '/widgets/0/width', Message: 'Should be <= 24' },
      {
        DataPath: '/widgets/0/properties/metrics/0/1',
        Message: "Invalid metric field type, only 'String' type is allowed",
      },
      { DataPath: '/widgets/0/properties', Message: "Should have required property 'region'" },
    ]);
    expect(validateDashboardBody(widget({ type: 'text' }))).toEqual([
      { DataPath: '/widgets/0', Message: "Should have required property 'properties'" },
    ]);
  });
});

describe('instance types per job kind come from the SDK enums', () => {
  it('differ per kind as the service model says', () => {
    expect(INSTANCE_TYPES.training).toContain('ml.m5.xlarge');
    expect(INSTANCE_TYPES.training).not.toContain('ml.t2.medium');
    expect(INSTANCE_TYPES.productionVariant).toContain('ml.t2.medium');
    expect(INSTANCE_TYPES.transform).not.toContain('ml.inf1.xlarge');
    expect(INSTANCE_TYPES.productionVariant).toContain('ml.inf1.xlarge');
  });
});
