import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';

// nock 15's interceptors call Promise.withResolvers (Node >= 22); the tests also run on Node 20.
const P = Promise as unknown as { withResolvers?: unknown };
if (!P.withResolvers) {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}
const { default: nock } = await import('nock');
const { GitHubDeployment, deploymentContext, githubRequest } =
  await import('../../../../src/stages/deploy/github-deployment.js');
const { resolveModel } = await import('../../../../src/stages/deploy/model-source.js');

const API = 'http://github.api.test';
const REPO = '/repos/octo/churn';
const ENV = {
  GITHUB_REPOSITORY: 'octo/churn',
  GITHUB_SHA: 'abc123',
  GITHUB_RUN_ID: '42',
  GITHUB_SERVER_URL: 'https://github.com',
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('GitHub deployments', () => {
  const ctx = deploymentContext(ENV, 'production', 'https://console/ep', 'SageMaker endpoint ep')!;
  it('creates the deployment, moves it in_progress → success and retires the replaced one', async () => {
    const statuses: unknown[] = [];
    nock(API)
      .post(
        `${REPO}/deployments`,
        (b) => b.ref === 'abc123' && b.environment === 'production' && b.auto_merge === false,
      )
      .reply(201, { id: 7 })
      .post(`${REPO}/deployments/7/statuses`, (b) => statuses.push(b) > 0)
      .times(2)
      .reply(201, {})
      .get(`${REPO}/deployments`)
      .query({ environment: 'production', per_page: 30 })
      .reply(200, [{ id: 7 }, { id: 5 }, { id: 3 }])
      .get(`${REPO}/deployments/5/statuses`)
      .query({ per_page: 1 })
      .reply(200, [{ state: 'success' }])
      .get(`${REPO}/deployments/3/statuses`)
      .query({ per_page: 1 })
      .reply(200, [{ state: 'inactive' }])
      .post(`${REPO}/deployments/5/statuses`, (b) => b.state === 'inactive')
      .reply(201, {});
    const warnings: string[] = [];
    const d = new GitHubDeployment(await githubRequest('tok', API), ctx, (w) => warnings.push(w));
    expect(await d.start()).toBe(7);
    await d.status('success', 'endpoint ep is InService on c');
    expect(await d.retirePrevious()).toEqual([5]);
    expect(statuses).toEqual([
      expect.objectContaining({
        state: 'in_progress',
        environment_url: 'https://console/ep',
        log_url: 'https://github.com/octo/churn/actions/runs/42',
      }),
      expect.objectContaining({ state: 'success' }),
    ]);
    expect(warnings).toEqual([]);
  });
  it('a GitHub failure is a warning, never a failed rollout', async () => {
    nock(API).post(`${REPO}/deployments`).reply(403, { message: 'Resource not accessible by integration' });
    const warnings: string[] = [];
    const d = new GitHubDeployment(await githubRequest('tok', API), ctx, (w) => warnings.push(w));
    expect(await d.start()).toBeUndefined();
    await d.status('failure', 'x');
    expect(warnings[0]).toMatch(/could not create it .*not accessible/);
  });
  it('needs the repository and commit', () => {
    expect(deploymentContext({}, 'production', 'u', 'd')).toBeUndefined();
  });
});

describe('model source', () => {
  const sm = mockClient(SageMakerClient);
  afterEach(() => {
    sm.reset();
  });
  const pkg = (arn: string, status: 'Approved' | 'Rejected') => ({
    ModelPackageArn: arn,
    ModelApprovalStatus: status,
    ModelPackageVersion: 3,
    InferenceSpecification: {
      Containers: [
        { Image: 'img', ModelDataUrl: 's3://b/m.tar.gz', Environment: { SAGEMAKER_PROGRAM: 'i.py' } },
      ],
    },
    CustomerMetadataProperties: { commit: 'abc' },
  });
  it('pages through every result for the latest Approved version (an empty first page is not the end)', async () => {
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 't1' })
      .resolvesOnce({
        ModelPackageSummaryList: [
          {
            ModelPackageArn: 'arn:v2',
            ModelPackageVersion: 2,
            CreationTime: new Date(2000),
            ModelPackageStatus: 'Completed',
            ModelPackageGroupName: 'g',
          },
        ],
        NextToken: 't2',
      })
      .resolvesOnce({
        ModelPackageSummaryList: [
          {
            ModelPackageArn: 'arn:v3',
            ModelPackageVersion: 3,
            CreationTime: new Date(3000),
            ModelPackageStatus: 'Completed',
            ModelPackageGroupName: 'g',
          },
        ],
      });
    sm.on(DescribeModelPackageCommand, { ModelPackageName: 'arn:v3' }).resolves(pkg('arn:v3', 'Approved'));
    const m = await resolveModel(
      sm as unknown as SageMakerClient,
      { kind: 'group', group: 'g' },
      false,
      () => {},
    );
    expect(m).toMatchObject({
      packageArn: 'arn:v3',
      image: 'img',
      environment: { SAGEMAKER_PROGRAM: 'i.py' },
    });
    expect(sm.commandCalls(ListModelPackagesCommand).map((c) => c.args[0].input.NextToken)).toEqual([
      undefined,
      't1',
      't2',
    ]);
  });
  it('refuses an unapproved package unless allowed', async () => {
    sm.on(DescribeModelPackageCommand).resolves(pkg('arn:p', 'Rejected'));
    await expect(
      resolveModel(sm as unknown as SageMakerClient, { kind: 'package', arn: 'arn:p' }, false, () => {}),
    ).rejects.toThrow(/is Rejected, not Approved: .*allow-unapproved: true/);
    await expect(
      resolveModel(sm as unknown as SageMakerClient, { kind: 'package', arn: 'arn:p' }, true, () => {}),
    ).resolves.toMatchObject({ approval: 'Rejected' });
  });
});
