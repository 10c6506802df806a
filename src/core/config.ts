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

/** The keys a section (and the sections it extends) sets itself, not through `defaults:`. */
function sectionKeys(doc: unknown, ref: ConfigRef): Set<string> {
  const keys = new Set<string>();
  if (!isPlainObject(doc)) return keys;
  let name: unknown = ref.section;
  const seen = new Set<string>();
  while (typeof name === 'string' && !seen.has(name) && isPlainObject(doc[name])) {
    seen.add(name);
    const section = doc[name] as Record<string, unknown>;
    for (const k of Object.keys(section)) if (k !== 'extends') keys.add(k);
    name = section['extends'];
  }
  return keys;
}

export interface LoadedConfig {
  /** Input name -> value: `defaults:` overlaid by the section chain. */
  values: Record<string, ConfigValue>;
  /** Keys that came only from `defaults:` (shared by every action). */
  shared: Set<string>;
}

/**
 * Loads the config-file values for one action and checks them against the action's inputs: a key
 * of the action's section that is no input of the action is a configuration error listing the
 * valid keys (a typo such as `instance_type:` must not be ignored). Keys of the shared
 * `defaults:` section that the action does not have are meant for other actions and are dropped.
 */
export async function loadConfig(
  configInput: string | undefined,
  actionName: string,
  validInputs: readonly string[],
): Promise<LoadedConfig> {
  if (!configInput || configInput.trim() === '') return { values: {}, shared: new Set() };
  const ref = parseConfigRef(configInput, actionName);
  const doc = await readConfigFile(ref);
  const values = resolveSection(doc, ref, ref.section !== actionName);
  const own = sectionKeys(doc, ref);
  const valid = new Set(validInputs);
  const unknown = [...own].filter((k) => !valid.has(k));
  if (unknown.length) {
    throw new ConfigurationError(
      `config file ${ref.path}, section '${ref.section}': ${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length === 1 ? 'is not an input' : 'are not inputs'} of the ${actionName} action; valid keys: ${[
        ...validInputs,
      ]
        .filter((k) => k !== 'config')
        .sort()
        .join(', ')}`,
    );
  }
  const shared = new Set<string>();
  for (const k of Object.keys(values)) {
    if (!valid.has(k)) delete values[k];
    else if (!own.has(k)) shared.add(k);
  }
  return { values, shared };
}

async function readConfigFile(ref: ConfigRef): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(ref.path, 'utf8');
  } catch (err) {
    throw new ConfigurationError(
      `input 'config': cannot read ${JSON.stringify(ref.path)} (${errorMessage(err)}); check the path is relative to the workspace`,
    );
  }
  try {
    return parseYaml(text);
  } catch (err) {
    throw new ConfigurationError(
      `config file ${ref.path}: not valid YAML (${errorMessage(err).split('\n')[0]})`,
    );
  }
}

/** Loads the section for `actionName` from the config file named by the `config` input. */
export async function loadConfigDefaults(
  configInput: string | undefined,
  actionName: string,
): Promise<Record<string, ConfigValue>> {
  if (!configInput || configInput.trim() === '') return {};
  const ref = parseConfigRef(configInput, actionName);
  const doc = await readConfigFile(ref);
  // An explicit #section must exist; the action's own section is optional.
  return resolveSection(doc, ref, ref.section !== actionName);
}
