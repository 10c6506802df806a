/**
 * Typed settings of actions/setup-local: its inputs, and what the config file's `local:` section
 * says to seed (buckets to create, commands to run, workspace folders to upload).
 *
 *   local:
 *     buckets: [my-bucket]
 *     run: ["node seed.mjs --raw s3://my-bucket/raw/"]
 *     upload: { code/: s3://my-bucket/runs/{run}/code/ }
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseConfigRef, runKey, substituteRun } from '../../core/config.js';
import { ConfigurationError, errorMessage } from '../../core/errors.js';
import { isPlainObject, parseS3Uri, show, type Inputs } from '../../core/inputs.js';

/** The action's input, output and state names (checked against actions/setup-local/action.yml). */
export const SETUP_LOCAL_NAMES = {
  action: 'setup-local',
  inputs: [
    'config',
    'install-python',
    'port',
    'startup-timeout-seconds',
    'region',
    'cache-dir',
    'force-fail',
  ],
  outputs: ['endpoint-url', 'data-dir', 'cache-dir', 'cache-key'],
  state: ['pid'],
} as const;

export interface SeedPlan {
  buckets: string[];
  run: string[];
  upload: { from: string; to: string }[];
}

export interface SetupLocalSettings {
  installPython: boolean;
  port: number;
  startupTimeoutMs: number;
  region: string;
  /** Absolute folder the seed commands may cache data in (exported as CACHE_DIR_ENV). */
  cacheDir: string;
  forceFail: boolean;
  seed: SeedPlan;
}

/** The variable that tells seed commands where to cache (templates/olist/seed.ts reads it). */
export const CACHE_DIR_ENV = 'SAGEMAKER_ACTIONS_CACHE_DIR';

/**
 * The cache folder (pure): the `cache-dir` input (a leading `~/` is the home folder; relative to
 * the workspace), else CACHE_DIR_ENV, else $XDG_CACHE_HOME/sagemaker-actions (when absolute), else
 * ~/.cache/sagemaker-actions.
 */
export function resolveCacheDir(
  input: string | undefined,
  env: NodeJS.ProcessEnv,
  home: string,
  cwd: string,
): string {
  const given = input?.trim() || env[CACHE_DIR_ENV]?.trim();
  if (given) return resolve(cwd, given === '~' ? home : given.replace(/^~\//, `${home}/`));
  const xdg = env['XDG_CACHE_HOME']?.trim();
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'sagemaker-actions');
}

const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The `local:` section (already loaded, `{run}` substituted) → a seed plan. Pure. */
export function parseSeedPlan(section: Record<string, unknown>, where: string): SeedPlan {
  const known = new Set(['buckets', 'run', 'upload']);
  const extra = Object.keys(section).filter((k) => !known.has(k));
  if (extra.length)
    throw new ConfigurationError(
      `${where}: unknown key(s) ${extra.join(', ')}; the local: section takes buckets, run, upload`,
    );
  const list = (key: string): string[] => {
    const v = section[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== ''))
      throw new ConfigurationError(`${where}.${key}: expected a list of strings, got ${show(v)}`);
    return v.map((x: string) => x.trim());
  };
  const buckets = list('buckets');
  for (const b of buckets)
    if (!BUCKET_RE.test(b))
      throw new ConfigurationError(`${where}.buckets: ${show(b)} is not a valid S3 bucket name`);
  const uploadRaw = section['upload'] ?? {};
  if (!isPlainObject(uploadRaw))
    throw new ConfigurationError(
      `${where}.upload: expected a map of workspace folder: s3://bucket/prefix/, got ${show(uploadRaw)}`,
    );
  const upload = Object.entries(uploadRaw).map(([from, to]) => {
    if (typeof to !== 'string')
      throw new ConfigurationError(`${where}.upload.${from}: expected an s3:// URI, got ${show(to)}`);
    if (from.includes('..'))
      throw new ConfigurationError(`${where}.upload: ${show(from)} must stay inside the workspace (no ..)`);
    parseS3Uri(`${where}.upload.${from}`, to);
    return { from, to: to.endsWith('/') ? to : `${to}/` };
  });
  return { buckets, run: list('run'), upload };
}

export function parseSetupLocalSettings(
  inputs: Inputs,
  section: Record<string, unknown>,
  where: string,
  place: { env: NodeJS.ProcessEnv; home: string; cwd: string },
): SetupLocalSettings {
  return {
    cacheDir: resolveCacheDir(inputs.optional('cache-dir'), place.env, place.home, place.cwd),
    installPython: inputs.boolean('install-python', true),
    port: inputs.integer('port', 0, { min: 0, max: 65535 }),
    startupTimeoutMs: inputs.integer('startup-timeout-seconds', 60, { min: 1, max: 600 }) * 1000,
    region: inputs.string('region', 'us-east-1'),
    forceFail: inputs.boolean('force-fail', false),
    seed: parseSeedPlan(section, where),
  };
}

/** Reads the `local:` section (or `file.yml#section`) of the config file, `{run}` substituted. */
export async function loadLocalSection(
  configInput: string,
  env: NodeJS.ProcessEnv,
): Promise<{ section: Record<string, unknown>; where: string }> {
  if (configInput.trim() === '') return { section: {}, where: 'local' };
  const ref = parseConfigRef(configInput, 'local');
  let doc: unknown;
  try {
    doc = parseYaml(await readFile(ref.path, 'utf8'));
  } catch (err) {
    throw new ConfigurationError(
      `input 'config': cannot read ${show(ref.path)} (${errorMessage(err).split('\n')[0]})`,
    );
  }
  const where = `config file ${ref.path}#${ref.section}`;
  const section = isPlainObject(doc) ? doc[ref.section] : undefined;
  if (section === undefined || section === null) return { section: {}, where };
  if (!isPlainObject(section))
    throw new ConfigurationError(`${where}: expected a map (buckets, run, upload)`);
  return { section: substituteRun(section, runKey(env), where) as Record<string, unknown>, where };
}
