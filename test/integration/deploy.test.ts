/**
 * actions/deploy against sagemaker-local: run() in-process with the real SDK over real HTTP,
 * real serving processes, real alarms. Models are script-mode fixtures mapped to a serve command
 * in the emulator's config (answer a value, answer 500s, never start).
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeEndpointCommand,
  ListEndpointConfigsCommand,
  ListModelsCommand,
} from '@aws-sdk/client-sagemaker';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { run, type DeployOverrides } from '../../src/actions/deploy.js';
// @ts-expect-error: plain ESM helper without type declarations
import { runActionBundle } from '../../scripts/lib/run-action.mjs';
import { SCRIPT_SERVER } from '../../local/endpoints/fleet.js';
import { removeDir, startEnv, eventually, type Env } from './local/helpers.js';
import { setupActionEnv, type ActionEnv } from '../helpers/action-env.js';
import { captureStdout } from '../helpers/capture.js';
import { uploadScriptModel, type Behaviour } from '../helpers/endpoint-models.js';

jest.setTimeout(120_000);

const BUCKET = 'deploy-it';
const IMAGE = '000000000000.dkr.ecr.us-east-1.amazonaws.com/deploy-test:1';
const ROLE = 'arn:aws:iam::000000000000:role/SageMakerRole';
let env: Env;
let rt: SageMakerRuntimeClient;
let actionEnv: ActionEnv | undefined;
const artifacts: Record<string, string> = {};
let runId = 1000;

const awsEnv = (run: string): Record<string, string> => ({
  AWS_ENDPOINT_URL: env.local.url,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'secret',
  GITHUB_REPOSITORY: 'octo/deploy-it',
  GITHUB_SHA: 'abcdef1234567890',
  GITHUB_RUN_ID: run,
});
const FAST = { poll: { minDelayMs: 100, maxDelayMs: 300 } };

async function deploy(
  inputs: Record<string, string>,
  opts: { run?: string; signals?: EventEmitter; github?: DeployOverrides['github'] } = {},
): Promise<{ ok: boolean; outputs: Record<string, string>; log: string; summary: string; result: unknown }> {
  const out = captureStdout();
  actionEnv = setupActionEnv({ 'role-arn': ROLE, ...inputs }, awsEnv(opts.run ?? String(runId++)));
  let result: unknown;
  await run({
    ...FAST,
    exit: () => {},
    ...(opts.signals ? { signals: opts.signals } : {}),
    ...(opts.github ? { github: opts.github } : {}),
    onResult: (r) => (result = r),
  });
  const ok = process.exitCode !== 1;
  const res = { ok, outputs: actionEnv.outputs(), log: out.text(), summary: actionEnv.summary(), result };
  actionEnv.restore();
  actionEnv = undefined;
  jest.restoreAllMocks();
  return res;
}

async function invoke(endpoint: string): Promise<string> {
  const o = await rt.send(
    new InvokeEndpointCommand({
      EndpointName: endpoint,
      Body: Buffer.from('1,2\n'),
      ContentType: 'text/csv',
    }),
  );
  return Buffer.from(o.Body!).toString('utf8').trim();
}

const describeEp = (name: string) => env.sm.send(new DescribeEndpointCommand({ EndpointName: name }));

beforeAll(async () => {
  env = await startEnv({
    alarmEvaluationIntervalMs: 200,
    config: {
      images: [
        {
          match: '*/deploy-test:*',
          serve: [
            '/usr/bin/python3',
            SCRIPT_SERVER,
            '--code-dir',
            '{model_dir}/code',
            '--program',
            'inference.py',
            '--model-dir',
            '{model_dir}',
            '--port',
            '{port}',
          ],
        },
      ],
    },
  });
  rt = new SageMakerRuntimeClient(env.clientConfig);
  const models: Record<string, Behaviour> = {
    a: { mode: 'ok', value: 0.25 },
    b: { mode: 'ok', value: 0.75 },
    c: { mode: 'ok', value: 0.5 },
    bad: { mode: 'fail' },
  };
  for (const [k, b] of Object.entries(models))
    artifacts[k] = await uploadScriptModel(env.s3, BUCKET, `models/${k}/model.tar.gz`, b);
});

afterEach(() => {
  actionEnv?.restore();
  actionEnv = undefined;
});

afterAll(async () => {
  rt?.destroy();
  await env?.close();
  removeDir(env.dataDir);
});

describe('deploy to an endpoint', () => {
  test('creates, re-run attaches, canary to a good model keeps every request answered', async () => {
    const first = await deploy(
      {
        'endpoint-name': 'ep-main',
        'model-artifact': artifacts['a']!,
        image: IMAGE,
        'smoke-test-payload': '1,2',
        'smoke-test-expect': '0.25',
      },
      { run: '500' },
    );
    expect(first.log).not.toMatch(/::error::/);
    expect(first.ok).toBe(true);
    expect(first.outputs['endpoint-name']).toBe('ep-main');
    expect(first.outputs['endpoint-config-name']).toMatch(/^ep-main-abcdef1-500-[0-9a-f]{6}$/);
    expect(first.outputs['previous-endpoint-config-name']).toBe('');
    expect(first.outputs['rolled-back']).toBe('false');
    expect(first.summary).toMatch(/deployed/);
    expect(await invoke('ep-main')).toBe('0.25');

    // A re-run of the same run attaches: no new model or config.
    const count = async () => [
      (await env.sm.send(new ListEndpointConfigsCommand({ MaxResults: 100 }))).EndpointConfigs!.length,
      (await env.sm.send(new ListModelsCommand({ MaxResults: 100 }))).Models!.length,
    ];
    const before = await count();
    const again = await deploy(
      { 'endpoint-name': 'ep-main', 'model-artifact': artifacts['a']!, image: IMAGE },
      { run: '500' },
    );
    expect(again.ok).toBe(true);
    expect(again.log).toMatch(/already serves/);
    expect(await count()).toEqual(before);

    // Canary to model b while a client keeps calling.
    let failures = 0;
    let calls = 0;
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        calls += 1;
        await invoke('ep-main').catch(() => (failures += 1));
      }
    })();
    const canary = await deploy({
      'endpoint-name': 'ep-main',
      'model-artifact': artifacts['b']!,
      image: IMAGE,
      strategy: 'canary',
      'canary-percent': '50',
      'wait-interval': '1s',
      'create-default-alarms': 'true',
    });
    stop = true;
    await loop;
    expect(canary.ok).toBe(true);
    expect(canary.outputs['previous-endpoint-config-name']).toBe(first.outputs['endpoint-config-name']);
    expect(canary.log).toMatch(/Baking/);
    expect(canary.log).toMatch(/::stop-commands::[0-9a-f]{32}/);
    expect(canary.summary).toMatch(/Rollout timeline/);
    expect(calls).toBeGreaterThan(5);
    expect(failures).toBe(0);
    expect(await invoke('ep-main')).toBe('0.75');
  });

  test('an update to a model answering 500s is rolled back; the step fails naming the alarm', async () => {
    const base = await deploy({ 'endpoint-name': 'ep-bad', 'model-artifact': artifacts['a']!, image: IMAGE });
    expect(base.ok).toBe(true);
    let stop = false;
    const loop = (async () => {
      while (!stop) await invoke('ep-bad').catch(() => undefined);
    })();
    const r = await deploy({
      'endpoint-name': 'ep-bad',
      'model-artifact': artifacts['bad']!,
      image: IMAGE,
      strategy: 'all-at-once',
      'wait-interval': '10m',
      'create-default-alarms': 'true',
    });
    stop = true;
    await loop;
    expect(r.ok).toBe(false);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.log).toMatch(
      /::error::deploy: endpoint ep-bad ROLLED BACK: alarm ep-bad-deploy-5xx fired; it serves the previous config/,
    );
    expect(r.log).toContain(base.outputs['endpoint-config-name']!);
    expect(r.summary).toMatch(/rolled back/);
    expect((await describeEp('ep-bad')).EndpointConfigName).toBe(base.outputs['endpoint-config-name']);
    expect(await invoke('ep-bad')).toBe('0.25');
  });

  test('a failed smoke test rolls back to the previous config and fails the step', async () => {
    const base = await deploy({
      'endpoint-name': 'ep-smoke',
      'model-artifact': artifacts['a']!,
      image: IMAGE,
    });
    expect(base.ok).toBe(true);
    const r = await deploy({
      'endpoint-name': 'ep-smoke',
      'model-artifact': artifacts['c']!,
      image: IMAGE,
      strategy: 'all-at-once',
      'wait-interval': '0',
      'smoke-test-payload': '1,2',
      'smoke-test-expect': '/^0\\.25$/',
    });
    expect(r.ok).toBe(false);
    expect(r.log).toMatch(/smoke test failed .*rolled back: .* serves again/);
    expect(r.outputs['rolled-back']).toBe('true');
    expect((await describeEp('ep-smoke')).EndpointConfigName).toBe(base.outputs['endpoint-config-name']);
    expect(await invoke('ep-smoke')).toBe('0.25');
  });

  test('cancel mid-rollout leaves the endpoint serving a healthy config and says so', async () => {
    const base = await deploy({
      'endpoint-name': 'ep-cancel',
      'model-artifact': artifacts['a']!,
      image: IMAGE,
    });
    const signals = new EventEmitter();
    const cancelled = deploy(
      {
        'endpoint-name': 'ep-cancel',
        'model-artifact': artifacts['b']!,
        image: IMAGE,
        'wait-interval': '5m',
      },
      { signals },
    );
    await eventually(async () =>
      (await describeEp('ep-cancel')).EndpointStatus === 'Updating' ? true : undefined,
    );
    signals.emit('SIGINT');
    const r = await cancelled;
    expect(r.ok).toBe(false);
    expect(r.log).toMatch(
      /cancelled: endpoint ep-cancel is Updating, serving ep-cancel-.*\(healthy; .*Nothing was deleted/,
    );
    const d = await describeEp('ep-cancel');
    expect(d.EndpointConfigName).toBe(base.outputs['endpoint-config-name']);
    expect(await invoke('ep-cancel')).toBe('0.25');
  });

  test('an unapproved package is refused; allow-unapproved deploys it', async () => {
    await env.sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'deploy-group' }));
    const pkg = await env.sm.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'deploy-group',
        ModelApprovalStatus: 'PendingManualApproval',
        InferenceSpecification: {
          Containers: [{ Image: IMAGE, ModelDataUrl: artifacts['a']! }],
          SupportedContentTypes: ['text/csv'],
          SupportedResponseMIMETypes: ['text/csv'],
        },
      }),
    );
    const refused = await deploy({ 'endpoint-name': 'ep-pkg', 'model-package-arn': pkg.ModelPackageArn! });
    expect(refused.ok).toBe(false);
    expect(refused.log).toMatch(/is PendingManualApproval, not Approved/);
    const group = await deploy({ 'endpoint-name': 'ep-pkg', 'model-package-group': 'deploy-group' });
    expect(group.log).toMatch(/has no Approved version/);
    await expect(describeEp('ep-pkg')).rejects.toThrow(/Could not find endpoint/);
    const allowed = await deploy({
      'endpoint-name': 'ep-pkg',
      'model-package-group': 'deploy-group',
      'allow-unapproved': 'true',
    });
    expect(allowed.ok).toBe(true);
    expect(allowed.summary).toContain('PendingManualApproval');
  });
});

describe('batch transform', () => {
  test('transforms a local folder and validates one prediction per record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-in-'));
    try {
      mkdirSync(join(dir, 'part'));
      writeFileSync(join(dir, 'a.csv'), '1,2\n3,4\n5,6\n');
      writeFileSync(join(dir, 'part', 'b.csv'), '7,8\n');
      const r = await deploy({
        mode: 'batch-transform',
        'model-artifact': artifacts['a']!,
        image: IMAGE,
        'transform-input': dir,
        'transform-output': `s3://${BUCKET}/bt/`,
      });
      expect(r.log).not.toMatch(/::error::/);
      expect(r.ok).toBe(true);
      expect(r.outputs['output-uri']).toBe(`s3://${BUCKET}/bt/output/`);
      expect(r.log).toMatch(/transform output validated: 2 file\(s\), 4 prediction\(s\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GitHub deployment', () => {
  test('records in_progress then success, masks the token, outputs the deployment id', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const r = await deploy(
      {
        'endpoint-name': 'ep-gh',
        'model-artifact': artifacts['a']!,
        image: IMAGE,
        'github-token': 'ghs_secret123',
        environment: 'staging',
      },
      {
        github: async (token) => {
          expect(token).toBe('ghs_secret123');
          return async (route, params) => {
            calls.push([route, params]);
            if (route === 'POST /repos/{owner}/{repo}/deployments') return { data: { id: 91 } };
            if (route.startsWith('GET')) return { data: [] };
            return { data: {} };
          };
        },
      },
    );
    expect(r.ok).toBe(true);
    expect(r.outputs['deployment-id']).toBe('91');
    expect(r.log).toContain('::add-mask::ghs_secret123');
    expect(r.log.replace('::add-mask::ghs_secret123', '')).not.toContain('ghs_secret123');
    expect(calls.map(([route, p]) => `${route} ${String(p['state'] ?? p['environment'] ?? '')}`)).toEqual([
      'POST /repos/{owner}/{repo}/deployments staging',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses in_progress',
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses success',
      'GET /repos/{owner}/{repo}/deployments staging',
    ]);
    expect(calls[2]![1]['environment_url']).toMatch(/#\/endpoints\/ep-gh$/);
  });
});

describe('committed bundle', () => {
  test('force-fail fails the step on purpose before anything is deployed', async () => {
    const r = await runActionBundle('actions/deploy', {
      inputs: {
        'force-fail': 'true',
        'endpoint-name': 'ep-ff',
        'model-artifact': artifacts['a']!,
        image: IMAGE,
        'role-arn': ROLE,
      },
      env: awsEnv('77'),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::deploy: force-fail is set/);
    await expect(describeEp('ep-ff')).rejects.toThrow(/Could not find endpoint/);
  });
});

describe('bad input', () => {
  test('names the input and the fix', async () => {
    const r = await deploy({
      'endpoint-name': 'x',
      'model-artifact': 's3://bucket-x/model.bin',
      image: IMAGE,
    });
    expect(r.ok).toBe(false);
    expect(r.log).toMatch(
      /configuration error: input 'model-artifact': "s3:\/\/bucket-x\/model.bin" is not valid; expected the S3 URI of a model.tar.gz/,
    );
    const two = await deploy({
      'endpoint-name': 'x',
      'model-artifact': artifacts['a']!,
      'model-package-group': 'g',
      image: IMAGE,
    });
    expect(two.log).toMatch(/give exactly one model source/);
  });
});
