/**
 * What a `uses:` refers to in a rehearsal:
 *   ./path                          an action (or reusable workflow) in the workspace
 *   <owner>/sagemaker-actions/path@ref   the kit itself: resolved to the kit's own checkout, so a
 *                                   user's caller workflow rehearses against the kit they installed
 *   actions/checkout@… and friends  a local equivalent (builtins.ts)
 *   anything else                   not rehearsable (the step fails and says so)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { actionKey, BUILTINS, type BuiltinAction } from './builtins.js';
import { RehearsalError } from './errors.js';

export interface ActionMeta {
  name?: string;
  inputs?: Record<string, { default?: unknown; required?: boolean } | null>;
  outputs?: Record<string, unknown>;
  runs?: {
    using?: string;
    main?: string;
    post?: string;
    'post-if'?: string;
    pre?: string;
    'pre-if'?: string;
  };
}

export type ResolvedAction =
  | { kind: 'node'; dir: string; meta: ActionMeta; label: string }
  | { kind: 'builtin'; action: BuiltinAction; label: string }
  | { kind: 'unsupported'; reason: string; label: string };

const KIT_REPO = /^[^/]+\/sagemaker-actions\/(.+)@[^@]+$/;

/** The path inside the kit for `owner/sagemaker-actions/<path>@ref`, else undefined. */
export function kitPath(uses: string): string | undefined {
  return KIT_REPO.exec(uses)?.[1];
}

export function readActionMeta(dir: string): ActionMeta {
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new RehearsalError(`${dir} has no action.yml`);
  return (parse(readFileSync(file, 'utf8')) ?? {}) as ActionMeta;
}

/**
 * `./<path>/rest` where an earlier checkout put the kit at <path> → the kit's own checkout.
 * (A workflow that checks out sagemaker-actions next to the caller's code and uses its actions.)
 */
export function inKitCheckout(uses: string, kitPaths: ReadonlySet<string>): string | undefined {
  const rel = uses.replace(/^\.\//, '');
  for (const p of kitPaths) {
    const prefix = `${p.replace(/^\.\//, '').replace(/\/$/, '')}/`;
    if (rel.startsWith(prefix)) return rel.slice(prefix.length);
  }
  return undefined;
}

export function resolveAction(
  uses: string,
  workspace: string,
  kitRoot: string,
  kitPaths: ReadonlySet<string> = new Set(),
): ResolvedAction {
  if (uses.startsWith('docker://'))
    return { kind: 'unsupported', reason: `${uses}: container actions are not rehearsable`, label: uses };
  let dir: string | undefined;
  const viaCheckout = uses.startsWith('./') ? inKitCheckout(uses, kitPaths) : undefined;
  if (viaCheckout !== undefined) dir = resolve(kitRoot, viaCheckout);
  else if (uses.startsWith('./')) dir = resolve(workspace, uses);
  else if (kitPath(uses) !== undefined) dir = resolve(kitRoot, kitPath(uses)!);
  if (dir) {
    const meta = readActionMeta(dir);
    const using = meta.runs?.using ?? '';
    if (!/^node\d+$/.test(using) || !meta.runs?.main)
      return {
        kind: 'unsupported',
        reason: `${uses}: runs.using '${using}' is not rehearsable (JavaScript actions only)`,
        label: uses,
      };
    return { kind: 'node', dir, meta, label: uses.startsWith('./') ? uses : `${uses} → ${dir}` };
  }
  const builtin = BUILTINS[actionKey(uses)];
  if (builtin)
    return { kind: 'builtin', action: builtin, label: `${uses.split('@')[0]} → ${builtin.equivalent}` };
  return {
    kind: 'unsupported',
    reason: `${uses} is not rehearsable: the rehearsal replaces only ${Object.keys(BUILTINS).join(', ')} and runs the kit's own actions`,
    label: uses,
  };
}

/** The workflow file a reusable-workflow `uses:` names (local or the kit's own). */
export function resolveWorkflowRef(uses: string, workspace: string, kitRoot: string): string {
  if (uses.startsWith('./')) return resolve(workspace, uses);
  const inKit = kitPath(uses);
  if (inKit !== undefined) return resolve(kitRoot, inKit);
  throw new RehearsalError(`${uses}: reusable workflows of other repositories are not rehearsable`);
}

/** Inputs a `with:` passes that the action does not declare (the runner warns; the rehearsal fails). */
export function undeclaredInputs(given: string[], declared: string[]): string[] {
  const known = new Set(declared.map((d) => d.toLowerCase()));
  return given.filter((g) => !known.has(g.toLowerCase()));
}

/** `role-arn` → `INPUT_ROLE-ARN`: upper-cased, spaces to underscores, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
