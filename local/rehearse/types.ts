/** What a rehearsal records, and the context every job runs in. */
import type { WorkflowModel } from './model.js';

export type Result = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepRecord {
  name: string;
  /** `main` or `post` (post steps run after the job's steps, in reverse). */
  phase: 'main' | 'post';
  outcome: Result;
  conclusion: Result;
  ms: number;
  /** Why it failed (or why it was skipped), one line. */
  detail?: string;
  summary?: string;
  outputs: Record<string, string>;
}

export interface JobRecord {
  id: string;
  label: string;
  result: Result;
  ms: number;
  steps: StepRecord[];
  outputs: Record<string, string>;
  /** Jobs of a called reusable workflow. */
  children?: JobRecord[];
  detail?: string;
}

export interface Printer {
  job(depth: number, label: string): void;
  step(depth: number, record: StepRecord, equivalent?: string): void;
  jobDone(depth: number, record: JobRecord): void;
  log(depth: number, line: string): void;
  note(depth: number, line: string): void;
}

/** Everything a job needs from the run around it. */
export interface RunContext {
  workspace: string;
  kitRoot: string;
  /** The rehearsal's own folder: RUNNER_TEMP, artifacts, the event file, summaries. */
  runDir: string;
  artifactsDir: string;
  workflow: WorkflowModel;
  github: Record<string, unknown>;
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  /** Environment every step starts from (host environment, endpoint, GITHUB_* variables). */
  baseEnv: Record<string, string>;
  masks: Set<string>;
  /** Where checkouts put the kit itself (shared by the jobs of one rehearsal). */
  kitPaths: Set<string>;
  printer: Printer;
  depth: number;
  /** Summaries collected from every step (job label → markdown). */
  summaries: { job: string; step: string; markdown: string }[];
}
