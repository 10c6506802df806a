import type { AwsClients } from '../../aws/clients.js';
import type { Clock, Sleep } from '../../aws/poller.js';
import type { Logger } from '../../core/log.js';
import type { PollSchedule } from '../../sagemaker/transform.js';

/** What the evaluate stage receives besides its settings: parts of the action context and test seams. */
export interface EvaluateDeps {
  env: NodeJS.ProcessEnv;
  /** Builds the AWS clients; called only when an AWS call is needed. */
  aws: () => AwsClients;
  workDir: string;
  log: Pick<Logger, 'info' | 'warning' | 'untrusted' | 'untrustedBlock'>;
  clock?: Clock;
  sleep?: Sleep;
  signal?: AbortSignal | undefined;
  /** Transform poll schedule (tests shorten it). */
  poll?: PollSchedule;
  activeJobs?: Set<string>;
  /** Paired-bootstrap iterations (default 1000) and seed. */
  bootstrap?: { iterations?: number; seed?: number };
}
