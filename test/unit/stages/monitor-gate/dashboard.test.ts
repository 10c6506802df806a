/** monitor-gate's dashboard body (pure): widgets per real variant, naming only existing metrics. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dashboardBody, ENDPOINT_METRICS } from '../../../../src/stages/monitor-gate/dashboard.js';

type Body = { widgets: { properties: { title: string; metrics: string[][] } }[] };

const variantName = fc.stringMatching(/^[a-zA-Z0-9](-?[a-zA-Z0-9]){0,10}$/);

describe('dashboardBody', () => {
  it('names every existing metric of every variant exactly once, nothing else, no empty widget', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(variantName, { maxLength: 4 }),
        fc.array(fc.subarray([...ENDPOINT_METRICS]), { minLength: 4, maxLength: 4 }),
        fc.subarray(['feature_baseline_drift_a', 'feature_non_null_a', 'violations_total']),
        (variants, metricSets, monitor) => {
          const input = variants.map((variant, i) => ({ variant, metrics: metricSets[i]! }));
          const body = dashboardBody('us-east-1', 'ep', 'sched', input, monitor) as Body;
          expect(body.widgets.every((w) => w.properties.metrics.length > 0)).toBe(true);
          const named = body.widgets.flatMap((w) => w.properties.metrics);
          const endpoint = named.filter((m) => m[0] === 'AWS/SageMaker');
          expect(endpoint.map((m) => `${m[5]}/${m[1]}`).sort()).toEqual(
            input.flatMap((v) => v.metrics.map((m) => `${v.variant}/${m}`)).sort(),
          );
          for (const m of endpoint) expect(m.slice(2, 4)).toEqual(['EndpointName', 'ep']);
          const monitorNamed = named.filter((m) => m[0] !== 'AWS/SageMaker').map((m) => m[1]);
          expect(monitorNamed.sort()).toEqual(monitor.filter((m) => m !== 'feature_non_null_a').sort());
        },
      ),
    );
  });

  it('titles the widgets with the variant, e.g. one not called AllTraffic', () => {
    const body = dashboardBody(
      'eu-west-1',
      'ep',
      'sched',
      [{ variant: 'blue', metrics: ['Invocations', 'ModelLatency'] }],
      [],
    ) as Body;
    expect(body.widgets.map((w) => w.properties.title)).toEqual([
      'Invocations and errors: blue',
      'Latency: blue',
    ]);
    expect(body.widgets[0]!.properties.metrics).toEqual([
      ['AWS/SageMaker', 'Invocations', 'EndpointName', 'ep', 'VariantName', 'blue'],
    ]);
  });
});
