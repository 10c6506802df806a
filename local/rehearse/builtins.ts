/**
 * Local equivalents of the third-party actions a kit workflow uses. Each documents what it does
 * instead of the real action and which inputs the real action declares (so an input the real
 * action does not accept fails the rehearsal as it would fail on GitHub). Any other third-party
 * action is "not rehearsable": its step fails with a message that says so. actions/cache and its
 * restore/save halves: builtins-cache.ts.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { CACHE_BUILTINS } from './builtins-cache.js';
import { RehearsalError } from './errors.js';

export interface BuiltinContext {
  inputs: Record<string, string>;
  workspace: string;
  /** github.repository of the rehearsal. */
  repository: string;
  /** Paths where a checkout put the kit (sagemaker-actions) itself; actions under them resolve to the kit. */
  kitPaths: Set<string>;
  artifactsDir: string;
  log: (line: string) => void;
}

export interface BuiltinResult {
  outputs?: Record<string, string>;
  /** Variables exported to later steps (as GITHUB_ENV would). */
  env?: Record<string, string>;
  /** Values to mask in later logs. */
  secrets?: string[];
}

export interface BuiltinAction {
  /** What the rehearsal does instead, shown next to the step. */
  equivalent: string;
  inputs: string[];
  outputs: string[];
  required?: string[];
  run(ctx: BuiltinContext): BuiltinResult;
}

const DUMMY_KEY = 'sagemaker-local';

function resolvePath(workspace: string, p: string): string {
  return isAbsolute(p) ? p : join(workspace, p);
}

function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export const BUILTINS: Record<string, BuiltinAction> = {
  'actions/checkout': {
    equivalent: 'the working tree is the workspace (uncommitted changes included)',
    inputs: [
      'repository',
      'ref',
      'token',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'persist-credentials',
      'path',
      'clean',
      'filter',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'fetch-depth',
      'fetch-tags',
      'show-progress',
      'lfs',
      'submodules',
      'set-safe-directory',
      'github-server-url',
    ],
    outputs: ['ref', 'commit'],
    run({ inputs, workspace, repository, kitPaths, log }) {
      const repo = inputs['repository'] || repository;
      const isKit = repo === repository || /\/sagemaker-actions$/i.test(repo);
      if (inputs['path']) {
        if (!isKit)
          throw new RehearsalError(
            `actions/checkout of ${repo} into ${inputs['path']} is not rehearsable (only the kit itself or this repository)`,
          );
        kitPaths.add(inputs['path']);
        log(`${repo} at ${inputs['path']}: actions under ${inputs['path']}/ are this machine's kit checkout`);
        return {};
      }
      if (repo !== repository)
        throw new RehearsalError(`actions/checkout of another repository (${repo}) is not rehearsable`);
      if (inputs['ref']) log(`ref ${inputs['ref']} requested: the rehearsal uses the working tree as it is`);
      log(`workspace: ${workspace}`);
      return {};
    },
  },
  'aws-actions/configure-aws-credentials': {
    equivalent: 'dummy credentials for sagemaker-local; the role is not assumed',
    inputs: [
      'audience',
      'aws-access-key-id',
      'aws-secret-access-key',
      'aws-session-token',
      'aws-region',
      'mask-aws-account-id',
      'role-to-assume',
      'web-identity-token-file',
      'role-duration-seconds',
      'role-session-name',
      'role-external-id',
      'role-skip-session-tagging',
      'inline-session-policy',
      'managed-session-policies',
      'output-credentials',
      'output-env-credentials',
      'unset-current-credentials',
      'disable-retry',
      'retry-max-attempts',
      'special-characters-workaround',
      'use-existing-credentials',
      'role-chaining',
      'http-proxy',
      'no-proxy',
      'force-skip-oidc',
      'action-timeout-s',
    ],
    outputs: [
      'aws-account-id',
      'aws-access-key-id',
      'aws-secret-access-key',
      'aws-session-token',
      'authenticated-arn',
      'aws-expiration',
    ],
    required: ['aws-region'],
    run({ inputs, log }) {
      const region = inputs['aws-region']!;
      const role = inputs['role-to-assume'] ?? '';
      const account = /^arn:aws[\w-]*:iam::(\d{12}):role\//.exec(role)?.[1] ?? '000000000000';
      if (role && !/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role))
        throw new RehearsalError(
          `role-to-assume ${JSON.stringify(role)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
        );
      log(
        role
          ? `would assume ${role} in ${region}; using dummy credentials`
          : `dummy credentials in ${region}`,
      );
      return {
        env: {
          AWS_REGION: region,
          AWS_DEFAULT_REGION: region,
          AWS_ACCESS_KEY_ID: DUMMY_KEY,
          AWS_SECRET_ACCESS_KEY: DUMMY_KEY,
        },
        outputs: { 'aws-account-id': account, 'authenticated-arn': role },
      };
    },
  },
  'actions/upload-artifact': {
    equivalent: "copies the files into the rehearsal's artifact folder",
    inputs: [
      'name',
      'path',
      'if-no-files-found',
      'retention-days',
      'compression-level',
      'overwrite',
      'include-hidden-files',
    ],
    outputs: ['artifact-id', 'artifact-url', 'artifact-digest'],
    required: ['path'],
    run({ inputs, workspace, artifactsDir, log }) {
      const name = inputs['name'] || 'artifact';
      const dest = join(artifactsDir, name);
      if (existsSync(dest) && inputs['overwrite'] !== 'true')
        throw new RehearsalError(
          `an artifact named '${name}' already exists in this run (set overwrite: true to replace it)`,
        );
      mkdirSync(dest, { recursive: true });
      let copied = 0;
      for (const p of lines(inputs['path'])) {
        if (/[*?[\]!]/.test(p))
          throw new RehearsalError(
            `upload-artifact path ${p}: glob patterns are not rehearsable; list files or folders`,
          );
        const src = resolvePath(workspace, p);
        if (!existsSync(src)) continue;
        if (statSync(src).isDirectory()) cpSync(src, dest, { recursive: true });
        else cpSync(src, join(dest, basename(src)));
        copied++;
      }
      const missing = inputs['if-no-files-found'] || 'warn';
      if (copied === 0) {
        if (missing === 'error')
          throw new RehearsalError(`upload-artifact: no files found at ${inputs['path']}`);
        log(
          `${missing === 'ignore' ? 'note' : 'warning'}: no files found at ${inputs['path']}; nothing uploaded`,
        );
      } else log(`artifact '${name}': ${readdirSync(dest).length} entries in ${dest}`);
      return { outputs: { 'artifact-id': String(Date.now()), 'artifact-url': `file://${dest}` } };
    },
  },
  'actions/download-artifact': {
    equivalent: "copies from the rehearsal's artifact folder",
    inputs: [
      'name',
      'artifact-ids',
      'path',
      'pattern',
      'merge-multiple',
      'github-token',
      'repository',
      'run-id',
    ],
    outputs: ['download-path'],
    run({ inputs, workspace, artifactsDir, log }) {
      if (inputs['run-id'] || inputs['repository'])
        throw new RehearsalError('download-artifact from another run or repository is not rehearsable');
      const dest = resolvePath(workspace, inputs['path'] || '.');
      const names = inputs['name']
        ? [inputs['name']]
        : existsSync(artifactsDir)
          ? readdirSync(artifactsDir)
          : [];
      for (const name of names) {
        const src = join(artifactsDir, name);
        if (!existsSync(src))
          throw new RehearsalError(`download-artifact: no artifact named '${name}' in this run`);
        cpSync(src, inputs['name'] ? dest : join(dest, name), { recursive: true });
      }
      log(`downloaded ${names.length} artifact(s) to ${dest}`);
      return { outputs: { 'download-path': dest } };
    },
  },
  'actions/setup-node': {
    equivalent: `uses this machine's Node.js ${process.version}`,
    inputs: [
      'always-auth',
      'node-version',
      'node-version-file',
      'architecture',
      'check-latest',
      'registry-url',
      'scope',
      'token',
      'cache',
      'package-manager-cache',
      'cache-dependency-path',
      'mirror',
      'mirror-token',
    ],
    outputs: ['cache-hit', 'node-version'],
    run({ inputs, log }) {
      const wanted = inputs['node-version'] ?? '';
      const major = process.versions.node.split('.')[0];
      if (wanted && !wanted.startsWith(major!) && !/^(lts|latest|node)/.test(wanted))
        log(`warning: the workflow asks for Node.js ${wanted}; the rehearsal runs ${process.version}`);
      return { outputs: { 'node-version': process.version, 'cache-hit': 'false' } };
    },
  },
  ...CACHE_BUILTINS,
};

/** `owner/repo[/path]@ref` → `owner/repo[/path]` (lower-cased) for lookup. */
export function actionKey(uses: string): string {
  const at = uses.indexOf('@');
  return (at === -1 ? uses : uses.slice(0, at)).replace(/\/+$/, '').toLowerCase();
}
