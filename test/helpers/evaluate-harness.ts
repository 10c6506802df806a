import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { setupActionEnv } from './action-env.js';
import { captureStdout } from './capture.js';

/** The result of one in-process run of an action (built on the shared test/helpers). */
export interface ActionRun {
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  failed: boolean;
  failure: string | undefined;
  /** The locally saved report ($RUNNER_TEMP/evaluation/evaluation.json), if written. */
  report: string | undefined;
  /** Scratch folders the action left in $RUNNER_TEMP (it removes its own whatever happens). */
  scratchLeft: string[];
}

export async function runWithInputs(
  inputs: Record<string, string>,
  body: () => Promise<void>,
  extraEnv: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  const env = setupActionEnv(inputs, extraEnv);
  process.env['RUNNER_TEMP'] = env.dir;
  process.exitCode = undefined;
  const out = captureStdout();
  try {
    await body();
    const stdout = out.text();
    const reportFile = join(env.dir, 'evaluation', 'evaluation.json');
    return {
      outputs: env.outputs(),
      summary: env.summary(),
      stdout,
      failed: process.exitCode === 1,
      failure: /::error::(.*)/.exec(stdout)?.[1],
      report: existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : undefined,
      scratchLeft: readdirSync(env.dir).filter((f) => /^sagemaker-(evaluate|monitor-gate)-/.test(f)),
    };
  } finally {
    jest.restoreAllMocks();
    env.restore();
  }
}
