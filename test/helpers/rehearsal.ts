/**
 * Shared checks of rehearsed workflows (local/rehearse): every step of a run, and that the run left
 * nothing behind (its sagemaker-local stopped by setup-local's post step).
 */
import { expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RehearsalResult } from '../../local/rehearse/rehearse.js';
import type { JobRecord } from '../../local/rehearse/types.js';

/** Every step of the jobs, called workflows' jobs included. */
export function allSteps(jobs: JobRecord[]): JobRecord['steps'] {
  return jobs.flatMap((j) => [...j.steps, ...allSteps(j.children ?? [])]);
}

async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Command lines of the processes on this machine that mention `text`. */
function processesMentioning(text: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((l) => l.includes(text) && !l.includes('ps -eo'));
}

/**
 * Each sagemaker-local the run started (setup-local) was stopped by its post step, nothing still
 * runs from its data folder, and no serving process of the named endpoints (names unique to the
 * test: other runs on this machine may serve theirs) is left.
 */
export async function expectNothingRunning(r: RehearsalResult, endpoints: string[] = []): Promise<void> {
  for (const e of endpoints) expect(processesMentioning(`sagemaker-local-endpoint-${e}-`)).toEqual([]);
  const setups = allSteps(r.jobs).filter((s) => s.outputs['endpoint-url']);
  expect(setups.length).toBeGreaterThan(0);
  for (const setup of setups) {
    expect(await isListening(setup.outputs['endpoint-url']!)).toBe(false);
    expect(processesMentioning(setup.outputs['data-dir']!)).toEqual([]);
  }
  const post = allSteps(r.jobs).filter((s) => s.phase === 'post' && s.name === 'Post sagemaker-local');
  expect(post.map((s) => s.outcome)).toEqual(setups.map(() => 'success'));
}

/**
 * A user's repository for a starter template: the template as `.github/workflows/<name>`, the
 * given config at the root, the kit (node_modules, templates) resolved from this checkout.
 */
export function userRepo(
  root: string,
  ws: string,
  template: string,
  name: string,
  writeConfig: (to: string) => void,
): void {
  mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(ws, '.github', 'workflows', name), readFileSync(join(root, template)));
  writeConfig(join(ws, 'sagemaker-actions.yml'));
  symlinkSync(join(root, 'node_modules'), join(ws, 'node_modules'));
  symlinkSync(join(root, 'templates'), join(ws, 'templates'));
}
