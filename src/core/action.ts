// The light runner-protocol module (same semantics as @actions/core, without its start-up cost).
import * as core from './runner.js';
import { ConfigurationError, StageFailure, errorMessage } from './errors.js';
import { Inputs } from './inputs.js';
import { loadConfigDefaults } from './config.js';

/**
 * The one top-level wrapper: runs an action body and calls setFailed exactly once, prefixed with
 * the action's name, for any thrown value. Configuration errors and stage failures are shown
 * without a stack trace; unexpected errors get their stack in the debug log only.
 */
export async function runAction(actionName: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    reportFailure(actionName, err);
  }
}

export function reportFailure(actionName: string, err: unknown): void {
  const msg = errorMessage(err);
  if (err instanceof ConfigurationError) {
    core.setFailed(`${actionName}: configuration error: ${msg}`);
  } else if (err instanceof StageFailure) {
    core.setFailed(`${actionName}: ${msg}`);
  } else {
    if (err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(`${actionName}: ${msg}`);
  }
}

/** Reads inputs with config-file defaults applied (the `config` input names the file). */
export async function readInputs(actionName: string): Promise<Inputs> {
  const raw = (name: string): string => core.getInput(name);
  const defaults = await loadConfigDefaults(raw('config'), actionName);
  return new Inputs(raw, defaults);
}
