/**
 * GitHub Deployments for an endpoint rollout: a deployment for the commit in `environment`, its
 * status moved in_progress → success | failure, the endpoint's console page as the environment
 * URL, and the deployment it replaced marked inactive. Failures to talk to GitHub are warnings:
 * they never change whether the rollout itself succeeded.
 */
import { errorMessage } from '../../core/errors.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive';

/** The REST calls used (Octokit's request signature), injectable for tests. */
export type GitHubRequest = (route: string, params: Record<string, unknown>) => Promise<{ data: unknown }>;

export interface GitHubDeploymentContext {
  owner: string;
  repo: string;
  ref: string;
  environment: string;
  environmentUrl: string;
  logUrl: string | undefined;
  description: string;
}

export async function githubRequest(token: string, apiUrl: string | undefined): Promise<GitHubRequest> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: apiUrl || 'https://api.github.com' });
  return (route, params) => octokit.request(route, params) as Promise<{ data: unknown }>;
}

export function deploymentContext(
  env: NodeJS.ProcessEnv,
  environment: string,
  environmentUrl: string,
  description: string,
): GitHubDeploymentContext | undefined {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  const ref = env['GITHUB_SHA'];
  if (!owner || !repo || !ref) return undefined;
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  return {
    owner,
    repo,
    ref,
    environment,
    environmentUrl,
    logUrl: env['GITHUB_RUN_ID']
      ? `${server}/${owner}/${repo}/actions/runs/${env['GITHUB_RUN_ID']}`
      : undefined,
    description: description.slice(0, 140),
  };
}

export class GitHubDeployment {
  id: number | undefined;
  constructor(
    private readonly request: GitHubRequest,
    private readonly ctx: GitHubDeploymentContext,
    private readonly warn: (line: string) => void,
  ) {}

  /** Creates the deployment and sets it in_progress. Returns its id (undefined on failure). */
  async start(): Promise<number | undefined> {
    try {
      const { data } = await this.request('POST /repos/{owner}/{repo}/deployments', {
        owner: this.ctx.owner,
        repo: this.ctx.repo,
        ref: this.ctx.ref,
        environment: this.ctx.environment,
        description: this.ctx.description,
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        payload: { tool: 'sagemaker-actions/deploy' },
      });
      const id = (data as { id?: unknown }).id;
      if (typeof id !== 'number') {
        this.warn(`GitHub deployment: not created (${JSON.stringify(data).slice(0, 200)})`);
        return undefined;
      }
      this.id = id;
      await this.status('in_progress', 'rollout started');
      return id;
    } catch (err) {
      this.warn(`GitHub deployment: could not create it (${errorMessage(err)}); the rollout goes on`);
      return undefined;
    }
  }

  async status(state: DeploymentState, description: string, id = this.id): Promise<void> {
    if (id === undefined) return;
    try {
      await this.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: this.ctx.owner,
        repo: this.ctx.repo,
        deployment_id: id,
        state,
        description: description.slice(0, 140),
        environment_url: this.ctx.environmentUrl,
        ...(this.ctx.logUrl ? { log_url: this.ctx.logUrl } : {}),
        auto_inactive: false,
      });
    } catch (err) {
      this.warn(`GitHub deployment ${id}: could not set ${state} (${errorMessage(err)})`);
    }
  }

  /** After a success: the environment's earlier successful deployments become inactive. */
  async retirePrevious(): Promise<number[]> {
    const retired: number[] = [];
    try {
      const { data } = await this.request('GET /repos/{owner}/{repo}/deployments', {
        owner: this.ctx.owner,
        repo: this.ctx.repo,
        environment: this.ctx.environment,
        per_page: 30,
      });
      for (const d of (data as { id: number }[]).filter((x) => x.id !== this.id)) {
        const { data: statuses } = await this.request(
          'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
          { owner: this.ctx.owner, repo: this.ctx.repo, deployment_id: d.id, per_page: 1 },
        );
        if ((statuses as { state?: string }[])[0]?.state === 'success') {
          await this.status('inactive', 'replaced by a newer deployment', d.id);
          retired.push(d.id);
        }
      }
    } catch (err) {
      this.warn(`GitHub deployment: could not mark the replaced deployment inactive (${errorMessage(err)})`);
    }
    return retired;
  }
}
