import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError, errorMessage } from './errors.js';
import { isPlainObject, type ConfigValue } from './inputs.js';

/**
 * The kit config file (e.g. sagemaker-actions.yml):
 *
 *   defaults:          # inputs shared by every action
 *     region: us-east-1
 *   train:             # the section for actions/train
 *     instance-type: ml.m5.xlarge
 *   preprocess:        # any other section, chosen with `config: file.yml#preprocess`
 *     mode: processing-job
 *
 * `config: path` uses the section named after the action; `config: path#name` uses `name`.
 * A section may say `extends: other` to start from another section. Explicit inputs always win.
 *
 * `{run}` in any value is the run key, so every run writes under its own prefix and two runs at
 * once never collide: `SAGEMAKER_ACTIONS_RUN` when set, else `<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>`.
 */
export interface ConfigRef {
  path: string;
  section: string;
}

export function parseConfigRef(value: string, actionName: string): ConfigRef {
  const v = value.trim();
  const hash = v.lastIndexOf('#');
  if (hash === -1) return { path: v, section: actionName };
  const path = v.slice(0, hash);
  const section = v.slice(hash + 1);
  if (!path || !section) {
    throw new ConfigurationError(
      `input 'config': ${JSON.stringify(value)} should be a file path, optionally followed by #section`,
    );
  }
  return { path, section };
}

export function resolveSection(
  doc: unknown,
  ref: ConfigRef,
  requireSection: boolean,
): Record<string, ConfigValue> {
  if (doc === null || doc === undefined) return {};
  if (!isPlainObject(doc)) {
    throw new ConfigurationError(
      `config file ${ref.path}: expected a YAML map of sections (defaults, train, ...)`,
    );
  }
  const defaults = doc['defaults'];
  if (defaults !== undefined && !isPlainObject(defaults)) {
    throw new ConfigurationError(`config file ${ref.path}: 'defaults' must be a map of input: value`);
  }
  const chain: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let name: string | undefined = ref.section;
  while (name !== undefined) {
    if (seen.has(name))
      throw new ConfigurationError(`config file ${ref.path}: 'extends' loops through section '${name}'`);
    seen.add(name);
    const section: unknown = doc[name];
    if (section === undefined) {
      if (name === ref.section && !requireSection) break;
      const known = Object.keys(doc).filter((k) => k !== 'defaults');
      throw new ConfigurationError(
        `config file ${ref.path}: no section '${name}'; sections are: ${known.join(', ') || '(none)'}`,
      );
    }
    if (!isPlainObject(section))
      throw new ConfigurationError(
        `config file ${ref.path}: section '${name}' must be a map of input: value`,
      );
    chain.unshift(section);
    const ext: unknown = section['extends'];
    if (ext !== undefined && typeof ext !== 'string') {
      throw new ConfigurationError(
        `config file ${ref.path}: 'extends' in section '${name}' must be a section name`,
      );
    }
    name = ext;
  }
  const merged: Record<string, ConfigValue> = { ...(defaults ?? {}) };
  for (const s of chain) Object.assign(merged, s);
  delete merged['extends'];
  return merged;
}

export const RUN_PLACEHOLDER = '{run}';

/** The run key `{run}` stands for (see the file comment); undefined outside a workflow run. */
export function runKey(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env['SAGEMAKER_ACTIONS_RUN']?.trim();
  if (explicit) return explicit;
  const id = env['GITHUB_RUN_ID']?.trim();
  return id ? `${id}-${env['GITHUB_RUN_ATTEMPT']?.trim() || '1'}` : undefined;
}

/** Replaces `{run}` in every string of a config value (deeply). Pure. */
export function substituteRun(value: ConfigValue, key: string | undefined, where: string): ConfigValue {
  if (typeof value === 'string') {
    if (!value.includes(RUN_PLACEHOLDER)) return value;
    if (key === undefined)
      throw new ConfigurationError(
        `${where}: uses ${RUN_PLACEHOLDER} but neither SAGEMAKER_ACTIONS_RUN nor GITHUB_RUN_ID is set; set SAGEMAKER_ACTIONS_RUN to a name for this run`,
      );
    return value.split(RUN_PLACEHOLDER).join(key);
  }
  if (Array.isArray(value)) return value.map((v) => substituteRun(v, key, where));
  if (isPlainObject(value)) {
    const out: Record<string, ConfigValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteRun(v, key, `${where}.${k}`);
    return out;
  }
  return value;
}

/** Loads the section for `actionName` from the config file named by the `config` input. */
export async function loadConfigDefaults(
  configInput: string | undefined,
  actionName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, ConfigValue>> {
  if (!configInput || configInput.trim() === '') return {};
  const ref = parseConfigRef(configInput, actionName);
  let text: string;
  try {
    text = await readFile(ref.path, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `input 'config': cannot read ${JSON.stringify(ref.path)} (${errorMessage(err)}); check the path is relative to the workspace`,
    );
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new ConfigurationError(
      `config file ${ref.path}: not valid YAML (${errorMessage(err).split('\n')[0]})`,
    );
  }
  // An explicit #section must exist; the action's own section is optional.
  const section = resolveSection(doc, ref, ref.section !== actionName);
  return substituteRun(section, runKey(env), `config file ${ref.path}#${ref.section}`) as Record<
    string,
    ConfigValue
  >;
}
