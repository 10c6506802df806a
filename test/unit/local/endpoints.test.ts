import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  breaches,
  evaluateRule,
  validAlarmPeriod,
  validQueryPeriod,
  type AlarmRule,
} from '../../../local/services/cloudwatch-alarm-eval.js';
import { deploymentConfigProblems, trafficSteps } from '../../../local/endpoints/traffic.js';
import { captureKey, captureRecord, encodingFor, sampled } from '../../../local/endpoints/capture.js';
import { pickVariant, type Fleet } from '../../../local/endpoints/fleet.js';
import { invocationMetrics } from '../../../local/endpoints/invoke.js';

const rule = (over: Partial<AlarmRule> = {}): AlarmRule => ({
  statistic: 'Sum',
  periodSeconds: 60,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  threshold: 0,
  comparison: 'GreaterThanThreshold',
  treatMissingData: 'missing',
  ...over,
});
const NOW = Date.UTC(2026, 10, 30, 12, 0, 30);
const at = (periodsAgo: number, value: number) => ({ timestamp: NOW - periodsAgo * 60_000, values: [value] });

describe('alarm evaluation', () => {
  it('goes to ALARM when M of the last N periods breach', () => {
    expect(evaluateRule(rule(), [at(0, 1), at(1, 2)], NOW).state).toBe('ALARM');
    expect(evaluateRule(rule(), [at(0, 1), at(1, 0)], NOW).state).toBe('OK');
    expect(evaluateRule(rule(), [at(0, 1), at(3, 5)], NOW).state).toBe('OK');
  });
  it('names the datapoints and the threshold in the reason', () => {
    const ev = evaluateRule(rule({ datapointsToAlarm: 1 }), [at(0, 3)], NOW);
    expect(ev.reason).toMatch(
      /^Threshold Crossed: 1 out of the last 3 datapoints \[3\.0 \(30\/11\/26 12:00:00\)\] was greater than the threshold \(0\.0\)/,
    );
  });
  it('treats missing data as configured', () => {
    expect(evaluateRule(rule(), [], NOW).state).toBe('INSUFFICIENT_DATA');
    expect(evaluateRule(rule({ treatMissingData: 'notBreaching' }), [], NOW).state).toBe('OK');
    expect(evaluateRule(rule({ treatMissingData: 'breaching' }), [], NOW).state).toBe('ALARM');
    expect(evaluateRule(rule({ treatMissingData: 'ignore' }), [], NOW).state).toBeUndefined();
    expect(evaluateRule(rule({ treatMissingData: 'breaching' }), [at(0, 1)], NOW).state).toBe('ALARM');
  });
  it('uses the statistic (Average, Maximum, percentiles)', () => {
    const pts = [at(0, 1), at(0, 9)];
    expect(
      evaluateRule(rule({ statistic: 'Average', threshold: 4, datapointsToAlarm: 1 }), pts, NOW).state,
    ).toBe('ALARM');
    expect(
      evaluateRule(rule({ statistic: 'Minimum', threshold: 4, datapointsToAlarm: 1 }), pts, NOW).state,
    ).toBe('OK');
    expect(evaluateRule(rule({ statistic: 'p99', threshold: 8, datapointsToAlarm: 1 }), pts, NOW).state).toBe(
      'ALARM',
    );
  });
  it('property: ALARM iff at least M evaluated periods breach (no missing data)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        (values, m0, threshold) => {
          const n = values.length;
          const m = Math.min(m0, n);
          const pts = values.map((v, k) => at(k, v));
          const ev = evaluateRule(rule({ evaluationPeriods: n, datapointsToAlarm: m, threshold }), pts, NOW);
          const breaching = values.filter((v) => v > threshold).length;
          expect(ev.state).toBe(breaching >= m ? 'ALARM' : 'OK');
        },
      ),
    );
  });
  it('compares as each operator says', () => {
    expect(breaches(1, 1, 'GreaterThanOrEqualToThreshold')).toBe(true);
    expect(breaches(1, 1, 'GreaterThanThreshold')).toBe(false);
    expect(breaches(0, 1, 'LessThanThreshold')).toBe(true);
    expect(breaches(1, 1, 'LessThanOrEqualToThreshold')).toBe(true);
  });
  it('accepts the periods CloudWatch accepts', () => {
    expect([10, 30, 60, 120, 3600].every(validAlarmPeriod)).toBe(true);
    expect([1, 5, 45, 90].some(validAlarmPeriod)).toBe(false);
    expect([1, 5, 10, 30, 60, 300].every(validQueryPeriod)).toBe(true);
    expect([2, 45, 61].some(validQueryPeriod)).toBe(false);
  });
});

describe('traffic steps', () => {
  it('canary, linear and all-at-once as SageMaker describes them', () => {
    expect(
      trafficSteps(
        { Type: 'CANARY', WaitIntervalInSeconds: 5, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } },
        4,
      ),
    ).toEqual([
      { share: 0.1, instances: 1, bakeSeconds: 5 },
      { share: 1, instances: 4, bakeSeconds: 5 },
    ]);
    expect(
      trafficSteps(
        { Type: 'CANARY', WaitIntervalInSeconds: 0, CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 } },
        4,
      )[0],
    ).toMatchObject({ share: 0.25 });
    expect(
      trafficSteps(
        { Type: 'LINEAR', WaitIntervalInSeconds: 1, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 } },
        2,
      ).map((s) => s.share),
    ).toEqual([0.25, 0.5, 0.75, 1]);
    expect(trafficSteps({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3 }, 1)).toEqual([
      { share: 1, instances: 1, bakeSeconds: 3 },
    ]);
  });
  it('property: shares increase strictly and end at 1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('CANARY', 'LINEAR', 'ALL_AT_ONCE'),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 8 }),
        (type, value, instances) => {
          const steps = trafficSteps(
            {
              Type: type,
              WaitIntervalInSeconds: 1,
              CanarySize: { Type: 'CAPACITY_PERCENT', Value: value },
              LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: value },
            },
            instances,
          );
          expect(steps[steps.length - 1]!.share).toBe(1);
          for (let i = 1; i < steps.length; i++) expect(steps[i]!.share).toBeGreaterThan(steps[i - 1]!.share);
        },
      ),
    );
  });
  it('refuses what UpdateEndpoint refuses', () => {
    expect(deploymentConfigProblems({ RollingUpdatePolicy: {} })[0]).toMatch(/BlueGreenUpdatePolicy only/);
    expect(
      deploymentConfigProblems({
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 10,
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 80 },
          },
          MaximumExecutionTimeoutInSeconds: 300,
        },
        AutoRollbackConfiguration: { Alarms: [] },
      }),
    ).toEqual([
      'CanarySize.Value 80 must be from 1 to 50 percent of the fleet',
      'BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds must be an integer from 600 to 28800',
      'AutoRollbackConfiguration.Alarms must list 1 to 10 alarms',
    ]);
    expect(
      deploymentConfigProblems({
        BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 1 } },
      }),
    ).toEqual(['TrafficRoutingConfiguration.LinearStepSize is required for LINEAR']);
  });
});

describe('data capture records', () => {
  const config = {
    CaptureOptions: [{ CaptureMode: 'InputAndOutput' }],
    CaptureContentTypeHeader: { JsonContentTypes: ['application/json'] },
  };
  it('writes AWS JSON Lines records with encodings by content type', () => {
    const rec = captureRecord(
      {
        endpointName: 'e',
        variantName: 'v',
        time: Date.UTC(2022, 1, 14, 17, 25, 49, 123),
        inferenceId: 'abc',
        input: { contentType: 'text/csv', body: Buffer.from('1,2\n') },
        output: { contentType: 'application/octet-stream', body: Buffer.from([255]) },
      },
      config,
      'id-1',
    );
    expect(rec).toEqual({
      captureData: {
        endpointInput: { observedContentType: 'text/csv', mode: 'INPUT', data: '1,2\n', encoding: 'CSV' },
        endpointOutput: {
          observedContentType: 'application/octet-stream',
          mode: 'OUTPUT',
          data: '/w==',
          encoding: 'BASE64',
        },
      },
      eventMetadata: { eventId: 'id-1', inferenceId: 'abc', inferenceTime: '2022-02-14T17:25:49Z' },
      eventVersion: '0',
    });
    expect(encodingFor('application/json; charset=utf-8', config)).toBe('JSON');
  });
  it('captures only the modes asked for', () => {
    const rec = captureRecord(
      {
        endpointName: 'e',
        variantName: 'v',
        time: 0,
        input: { contentType: 'text/csv', body: Buffer.from('x') },
      },
      { CaptureOptions: [{ CaptureMode: 'Output' }] },
      'i',
    ) as { captureData: Record<string, unknown>; eventMetadata: Record<string, unknown> };
    expect(rec.captureData).toEqual({});
    expect(rec.eventMetadata['inferenceId']).toBeUndefined();
  });
  it('lays files out as <prefix>/<endpoint>/<variant>/yyyy/mm/dd/hh/mm-ss-mmm-<uuid>.jsonl', () => {
    expect(captureKey('capture', 'ep', 'AllTraffic', Date.UTC(2020, 2, 11, 12, 32, 18, 648), 'u')).toBe(
      'capture/ep/AllTraffic/2020/03/11/12/32-18-648-u.jsonl',
    );
  });
  it('samples by percentage', () => {
    expect(sampled(0, 0)).toBe(false);
    expect(sampled(100, 0.999)).toBe(true);
    expect(sampled(20, 0.19)).toBe(true);
    expect(sampled(20, 0.2)).toBe(false);
  });
});

describe('routing and metrics', () => {
  const fleet = (weights: number[]): Fleet => ({
    configName: 'c',
    dataCapture: undefined,
    startedAt: 0,
    variants: new Map(
      weights.map((w, i) => [
        `v${i}`,
        { spec: {}, weight: w, instanceCount: 1, server: { variantName: `v${i}` } as never },
      ]),
    ),
  });
  it('picks variants in proportion to their weights', () => {
    const f = fleet([1, 3]);
    expect(pickVariant(f, 0.2)?.server.variantName).toBe('v0');
    expect(pickVariant(f, 0.3)?.server.variantName).toBe('v1');
    expect(pickVariant(fleet([0, 0]), 0.5)).toBeUndefined();
    expect(pickVariant(fleet([0, 2]), 0)?.server.variantName).toBe('v1');
  });
  it('emits the five AWS/SageMaker invocation metrics with EndpointName and VariantName', () => {
    const pts = invocationMetrics('ep', 'AllTraffic', 5, 503, 1200, 30);
    expect(pts.map((p) => [p.metricName, p.values[0]])).toEqual([
      ['Invocations', 1],
      ['Invocation4XXErrors', 0],
      ['Invocation5XXErrors', 1],
      ['ModelLatency', 1200],
      ['OverheadLatency', 30],
    ]);
    expect(pts[0]!.dimensions).toEqual([
      { Name: 'EndpointName', Value: 'ep' },
      { Name: 'VariantName', Value: 'AllTraffic' },
    ]);
  });
});
