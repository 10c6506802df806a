/**
 * Waits for an endpoint rollout through the shared poller: DescribeEndpoint on an adaptive
 * schedule (1-5 s), the rollback alarms read every second in between, and the next describe
 * hurried as soon as one of them is in ALARM, so the end of a rollback is noticed within seconds
 * (the SDK's endpoint waiter polls every 30 s). Prints a progress line whenever something
 * changes (status, traffic step, alarm states) and keeps them as the rollout timeline.
 */
import { pollUntil, systemClock, type Clock, type Sleep } from '../../aws/poller.js';
import { formatDuration } from '../../core/render.js';
import type { AlarmState } from '../../sagemaker/alarms.js';
import { decideRollout, type EndpointView, type RolloutExpectation, type RolloutOutcome } from './decide.js';

export interface TimelineEntry {
  elapsedMs: number;
  text: string;
}

export interface WaitDeps {
  describe: () => Promise<EndpointView | undefined>;
  alarms: () => Promise<AlarmState[]>;
  /** Untrusted text (AWS messages) is in the line: the caller prints it safely. */
  progress: (line: string) => void;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
  /** Poll bounds (tests shorten them). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export type WaitResult = {
  outcome: RolloutOutcome | { kind: 'timeout' } | { kind: 'cancelled' } | { kind: 'gone' };
  last: EndpointView | undefined;
  timeline: TimelineEntry[];
  alarmsSeenInAlarm: string[];
  /** Clock time at which a rollback alarm was first seen in ALARM. */
  firstAlarmAt: number | undefined;
  alarmStates: AlarmState[];
};

/** One progress line. Pure. */
export function progressLine(
  view: EndpointView,
  alarms: readonly AlarmState[],
  elapsedMs: number,
  timeLeftMs: number,
): string {
  const serving = view.variants
    .map((v) => `${v.name} weight ${v.currentWeight ?? '?'} × ${v.currentInstances ?? '?'}`)
    .join(', ');
  const parts = [`[${formatDuration(elapsedMs)}] ${view.status}`];
  if (view.configName) parts.push(`serving ${view.configName}${serving ? ` (${serving})` : ''}`);
  if (view.pendingConfigName) {
    const steps = view.pendingVariants
      .map((v) => `${v.name} ${v.status ?? 'pending'}${v.statusMessage ? `: ${v.statusMessage}` : ''}`)
      .join('; ');
    parts.push(`new ${view.pendingConfigName}${steps ? ` [${steps}]` : ''}`);
  }
  if (alarms.length) parts.push(`alarms: ${alarms.map((a) => `${a.name}=${a.state}`).join(', ')}`);
  parts.push(`${formatDuration(Math.max(0, timeLeftMs))} left`);
  return parts.join(' | ');
}

const changeKey = (view: EndpointView, alarms: readonly AlarmState[]): string =>
  JSON.stringify([
    view.status,
    view.configName,
    view.pendingConfigName,
    view.pendingVariants.map((v) => [v.status, v.statusMessage]),
    view.variants.map((v) => [v.currentWeight, v.currentInstances]),
    alarms.map((a) => [a.name, a.state]),
  ]);

export async function waitForRollout(
  exp: RolloutExpectation,
  timeoutMs: number,
  deps: WaitDeps,
): Promise<WaitResult> {
  const clock = deps.clock ?? systemClock;
  const timeline: TimelineEntry[] = [];
  const seen = new Set<string>();
  let firstAlarmAt: number | undefined;
  let alarmStates: AlarmState[] = [];
  let lastKey = '';
  let gone = false;
  const readAlarms = async (): Promise<void> => {
    if (exp.rollbackAlarms.length === 0) return;
    alarmStates = await deps.alarms();
    for (const a of alarmStates)
      if (a.state === 'ALARM') {
        if (!seen.has(a.name)) seen.add(a.name);
        firstAlarmAt ??= clock.now();
      }
  };
  const start = clock.now();
  const result = await pollUntil<EndpointView | undefined>({
    describe: async () => {
      await readAlarms();
      const v = await deps.describe();
      if (!v) gone = true;
      return v;
    },
    isDone: (v) => !v || decideRollout(v, exp, [...seen]).kind !== 'in-progress',
    onUpdate: (v, elapsed) => {
      if (!v) return;
      const key = changeKey(v, alarmStates);
      if (key === lastKey) return;
      lastKey = key;
      const line = progressLine(v, alarmStates, elapsed, timeoutMs - (clock.now() - start));
      timeline.push({ elapsedMs: elapsed, text: line });
      deps.progress(line);
    },
    onTick: async () => {
      await readAlarms();
    },
    hurry: () => alarmStates.some((a) => a.state === 'ALARM'),
    timeoutMs,
    minDelayMs: deps.minDelayMs ?? 1_000,
    maxDelayMs: deps.maxDelayMs ?? 5_000,
    budgetIntervalMs: deps.minDelayMs ?? 1_000,
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const last = result.value;
  const base = { last, timeline, alarmsSeenInAlarm: [...seen], firstAlarmAt, alarmStates };
  if (gone) return { ...base, outcome: { kind: 'gone' } };
  if (result.state === 'aborted') return { ...base, outcome: { kind: 'cancelled' } };
  if (result.state === 'timeout' || !last) return { ...base, outcome: { kind: 'timeout' } };
  return { ...base, outcome: decideRollout(last, exp, [...seen]) };
}
