import { KIT_VERSION, USER_AGENT_NAME } from '../core/version.js';

/**
 * What AWS sees of the kit, as aws-actions/configure-aws-credentials does for itself: the kit's
 * name and version in the SDK's custom user agent, plus run metadata (which action, which run),
 * and AWS_EXECUTION_ENV, which the SDK adds to every request's user agent as `exec-env/<value>`.
 * CloudTrail then tells the kit's calls apart from others made with the same role.
 */
export function userAgentPairs(env: NodeJS.ProcessEnv = process.env): [string, string][] {
  const pairs: [string, string][] = [[USER_AGENT_NAME, KIT_VERSION]];
  // The SDK escapes each part; only the values that identify the run are added.
  if (env['GITHUB_ACTION_REPOSITORY']) pairs.push(['md/gha-action', env['GITHUB_ACTION_REPOSITORY']]);
  if (env['GITHUB_RUN_ID'])
    pairs.push(['md/gha-run', `${env['GITHUB_RUN_ID']}-${env['GITHUB_RUN_ATTEMPT'] || '1'}`]);
  return pairs;
}

/** The execution environment the SDK reports; an existing value (set by the user) is kept. */
export const EXECUTION_ENV = `GitHubActions-${USER_AGENT_NAME}`;

export function setAwsExecutionEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (!env['AWS_EXECUTION_ENV']) env['AWS_EXECUTION_ENV'] = EXECUTION_ENV;
}
