import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  IN_PROGRESS_STATUSES,
  alarmNamedIn,
  decideRollout,
  outcomeMessage,
  settle,
  type EndpointView,
  type RolloutExpectation,
} from '../../../../src/stages/deploy/decide.js';
import { planFor, deploymentConfig } from '../../../../src/stages/deploy/run-endpoint.js';
import { progressLine } from '../../../../src/stages/deploy/wait-rollout.js';

const EXP: RolloutExpectation = {
  endpointName: 'ep',
  requestedConfig: 'new-cfg',
  previousConfig: 'old-cfg',
  rollbackAlarms: ['ep-5xx', 'ep-5xx-latency'],
};
const view = (status: string, configName: string | undefined, failureReason?: string): EndpointView => ({
  status,
  configName,
  failureReason,
  variants: [],
  pendingVariants: [],
});

const ALL_STATUSES = [
  'OutOfService',
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
  'InService',
  'Deleting',
  'Failed',
  'UpdateRollbackFailed',
] as const;
const CONFIGS = ['new-cfg', 'old-cfg', 'other-cfg', undefined] as const;

describe('decideRollout', () => {
  it('succeeds only on InService with the requested config', () => {
    expect(decideRollout(view('InService', 'new-cfg'), EXP)).toEqual({
      kind: 'succeeded',
      serving: 'new-cfg',
    });
  });
  it('reports a rollback with the alarm named in the FailureReason', () => {
    const o = decideRollout(
      view('InService', 'old-cfg', 'rolled back because CloudWatch alarm ep-5xx-latency entered ALARM'),
      EXP,
    );
    expect(o).toMatchObject({ kind: 'rolled-back', serving: 'old-cfg', alarm: 'ep-5xx-latency' });
    expect(outcomeMessage(o, EXP)).toMatch(
      /^endpoint ep ROLLED BACK: alarm ep-5xx-latency fired; it serves the previous config old-cfg, not new-cfg/,
    );
  });
  it('falls back to the alarm seen in ALARM while waiting, and says when none is known', () => {
    expect(decideRollout(view('InService', 'old-cfg'), EXP, ['ep-5xx'])).toMatchObject({ alarm: 'ep-5xx' });
    const o = decideRollout(view('InService', 'old-cfg'), EXP, ['unrelated']);
    expect(o).toMatchObject({ kind: 'rolled-back', alarm: undefined });
    expect(outcomeMessage(o, EXP)).toMatch(/no rollback alarm was identified/);
  });
  it('a config nobody asked for is wrong-config, not success', () => {
    const o = decideRollout(view('InService', 'other-cfg'), EXP);
    expect(o.kind).toBe('wrong-config');
    expect(outcomeMessage(o, EXP)).toMatch(/neither the requested new-cfg nor the previous old-cfg/);
  });
  it('Failed says nothing serves; unknown statuses fail', () => {
    const f = decideRollout(view('Failed', 'new-cfg', 'ping health check'), EXP);
    expect(outcomeMessage(f, EXP)).toMatch(/ended Failed: ping health check; it serves nothing/);
    expect(decideRollout(view('Deleting', 'old-cfg'), EXP)).toMatchObject({
      kind: 'failed',
      status: 'Deleting',
    });
    expect(decideRollout(view('Weird', 'new-cfg'), EXP)).toMatchObject({
      kind: 'failed',
      reason: 'unexpected endpoint status Weird',
    });
  });
  it('a new endpoint (no previous config) never reads as rolled back', () => {
    const exp = { ...EXP, previousConfig: undefined };
    expect(decideRollout(view('InService', undefined), exp).kind).toBe('wrong-config');
  });

  it('property: over every status sequence, the first end state decides, and success needs InService on the requested config', () => {
    const obs = fc.record({
      status: fc.constantFrom(...ALL_STATUSES),
      config: fc.constantFrom(...CONFIGS),
      reason: fc.option(fc.constantFrom('alarm ep-5xx fired', 'something', 'ep-5xx-latency'), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(fc.array(obs, { maxLength: 12 }), fc.subarray([...EXP.rollbackAlarms]), (seq, seen) => {
        const views = seq.map((o) => view(o.status, o.config, o.reason));
        const outcome = settle(views, EXP, seen);
        const firstEnd = views.find((v) => !IN_PROGRESS_STATUSES.includes(v.status));
        if (!firstEnd) {
          expect(outcome.kind).toBe('in-progress');
          return;
        }
        const ok = firstEnd.status === 'InService' && firstEnd.configName === 'new-cfg';
        expect(outcome.kind === 'succeeded').toBe(ok);
        if (firstEnd.status === 'InService' && firstEnd.configName === 'old-cfg') {
          expect(outcome.kind).toBe('rolled-back');
          // The message always says what serves now and never claims success.
          const msg = outcomeMessage(outcome, EXP);
          expect(msg).toContain('ROLLED BACK');
          expect(msg).toContain('old-cfg');
          if (
            outcome.kind === 'rolled-back' &&
            (alarmNamedIn(firstEnd.failureReason, EXP.rollbackAlarms) || seen.length)
          )
            expect(outcome.alarm).toBeDefined();
        }
        if (firstEnd.status !== 'InService') expect(outcome.kind).toBe('failed');
      }),
    );
  });
  it('alarmNamedIn prefers the longest matching name', () => {
    expect(alarmNamedIn('alarm ep-5xx-latency entered ALARM', EXP.rollbackAlarms)).toBe('ep-5xx-latency');
    expect(alarmNamedIn(undefined, EXP.rollbackAlarms)).toBeUndefined();
  });
});

describe('planFor', () => {
  it('creates, updates, attaches, recognises its own config, refuses busy or Failed endpoints', () => {
    expect(planFor(undefined, 'c')).toEqual({ plan: 'create', previous: undefined });
    expect(planFor(view('InService', 'old'), 'c')).toEqual({ plan: 'update', previous: 'old' });
    expect(planFor(view('InService', 'c'), 'c')).toEqual({ plan: 'already-serving', previous: undefined });
    expect(planFor({ ...view('Updating', 'old'), pendingConfigName: 'c' }, 'c')).toEqual({
      plan: 'attach',
      previous: 'old',
    });
    expect(planFor(view('Creating', 'c'), 'c')).toEqual({ plan: 'attach', previous: undefined });
    expect(planFor({ ...view('Updating', 'old'), pendingConfigName: 'x' }, 'c')).toMatchObject({
      refuse: expect.stringMatching(/another deployment is in progress/),
    });
    expect(planFor(view('Failed', 'old', 'boom'), 'c')).toMatchObject({
      refuse: expect.stringMatching(/can only be deleted/),
    });
  });
});

describe('deploymentConfig', () => {
  const s = {
    strategy: 'canary',
    canaryPercent: 10,
    linearStepPercent: 20,
    waitIntervalS: 60,
    bakeTimeS: 30,
    maxTimeS: 900,
  } as Parameters<typeof deploymentConfig>[0];
  it('asks SageMaker for blue/green with the rollback alarms', () => {
    expect(deploymentConfig(s, ['a'])).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          WaitIntervalInSeconds: 60,
          CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 },
        },
        TerminationWaitInSeconds: 30,
        MaximumExecutionTimeoutInSeconds: 900,
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'a' }] },
    });
    expect(
      deploymentConfig({ ...s, strategy: 'linear' }, []).BlueGreenUpdatePolicy?.TrafficRoutingConfiguration,
    ).toMatchObject({ Type: 'LINEAR', LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 } });
    expect(deploymentConfig({ ...s, strategy: 'all-at-once' }, []).AutoRollbackConfiguration).toBeUndefined();
  });
});

describe('progressLine', () => {
  it('shows status, what serves, the traffic step, alarm states and time left', () => {
    const line = progressLine(
      {
        ...view('Updating', 'old'),
        pendingConfigName: 'new',
        variants: [{ name: 'AllTraffic', currentWeight: 1, desiredWeight: 1, currentInstances: 1 }],
        pendingVariants: [
          {
            name: 'AllTraffic',
            currentWeight: 1,
            desiredWeight: 1,
            currentInstances: 1,
            status: 'Baking',
            statusMessage: 'Baking for 60 seconds',
          },
        ],
      },
      [{ name: 'ep-5xx', state: 'OK', reason: undefined }],
      65_000,
      600_000,
    );
    expect(line).toBe(
      '[1m 05s] Updating | serving old (AllTraffic weight 1 × 1) | new new [AllTraffic Baking: Baking for 60 seconds] | alarms: ep-5xx=OK | 10m 00s left',
    );
  });
});
