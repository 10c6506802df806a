/** Status bookkeeping: SecondaryStatusTransitions the way DescribeTrainingJob shows them. */
export interface Transition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage: string;
}

export const TERMINAL_SECONDARY = new Set([
  'Completed',
  'Failed',
  'Stopped',
  'MaxRuntimeExceeded',
  'MaxWaitTimeExceeded',
]);

/** Closes the open transition and opens the next one (terminal ones are closed at once). Pure. */
export function addTransition(
  list: Transition[],
  status: string,
  message: string,
  now: number,
): Transition[] {
  const out = list.map((t) => (t.EndTime === undefined ? { ...t, EndTime: now } : t));
  const next: Transition = { Status: status, StartTime: now, StatusMessage: message };
  if (TERMINAL_SECONDARY.has(status)) next.EndTime = now;
  return [...out, next];
}

export const TRAINING_MESSAGES: Record<string, string> = {
  Starting: 'Preparing the instances for training',
  Downloading: 'Downloading input data',
  Training: 'Training image download completed. Training in progress.',
  Uploading: 'Uploading generated training model',
  Completed: 'Training job completed',
  Failed: 'Training job failed',
  Stopping: 'Stopping the training job',
  Stopped: 'Training job stopped',
  MaxRuntimeExceeded: 'Training job stopped: MaxRuntimeInSeconds exceeded',
};

export const isTerminal = (status: unknown): boolean =>
  status === 'Completed' || status === 'Failed' || status === 'Stopped';
