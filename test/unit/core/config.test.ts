import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigDefaults, parseConfigRef, resolveSection } from '../../../src/core/config.js';
import { ConfigurationError } from '../../../src/core/errors.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function file(text: string): string {
  const d = mkdtempSync(join(tmpdir(), 'cfg-'));
  dirs.push(d);
  const p = join(d, 'sagemaker-actions.yml');
  writeFileSync(p, text);
  return p;
}

describe('config file', () => {
  it('parses path and section references', () => {
    expect(parseConfigRef('kit.yml', 'train')).toEqual({ path: 'kit.yml', section: 'train' });
    expect(parseConfigRef('dir/kit.yml#preprocess', 'train')).toEqual({
      path: 'dir/kit.yml',
      section: 'preprocess',
    });
    expect(() => parseConfigRef('kit.yml#', 'train')).toThrow(ConfigurationError);
  });

  it('merges defaults, extended sections and the chosen section', () => {
    const doc = {
      defaults: { region: 'eu-west-1', 'role-arn': 'arn:aws:iam::111122223333:role/R' },
      train: { 'instance-type': 'ml.m5.xlarge', hyperparameters: { num_round: 50 } },
      quick: { extends: 'train', hyperparameters: { num_round: 5 } },
    };
    expect(resolveSection(doc, { path: 'k.yml', section: 'quick' }, true)).toEqual({
      region: 'eu-west-1',
      'role-arn': 'arn:aws:iam::111122223333:role/R',
      'instance-type': 'ml.m5.xlarge',
      hyperparameters: { num_round: 5 },
    });
  });

  it('fails clearly on unknown sections and loops', () => {
    expect(() => resolveSection({ train: {} }, { path: 'k.yml', section: 'nope' }, true)).toThrow(
      "config file k.yml: no section 'nope'; sections are: train",
    );
    expect(() =>
      resolveSection({ a: { extends: 'b' }, b: { extends: 'a' } }, { path: 'k.yml', section: 'a' }, true),
    ).toThrow(/loops/);
    expect(
      resolveSection({ defaults: { region: 'us-east-1' } }, { path: 'k.yml', section: 'train' }, false),
    ).toEqual({ region: 'us-east-1' });
  });

  it('loads from disk and reports unreadable or invalid files', async () => {
    const p = file('defaults:\n  region: us-east-2\ntrain:\n  wait: false\n');
    await expect(loadConfigDefaults(p, 'train')).resolves.toEqual({ region: 'us-east-2', wait: false });
    await expect(loadConfigDefaults(undefined, 'train')).resolves.toEqual({});
    await expect(loadConfigDefaults('/no/such/file.yml', 'train')).rejects.toThrow(
      /input 'config': cannot read "\/no\/such\/file.yml"/,
    );
    await expect(loadConfigDefaults(file('a: [1,'), 'train')).rejects.toThrow(/not valid YAML/);
    await expect(loadConfigDefaults(file('- 1\n- 2\n'), 'train')).rejects.toThrow(
      /expected a YAML map of sections/,
    );
  });
});

describe('{run}: per-run prefixes', () => {
  it('is SAGEMAKER_ACTIONS_RUN, else <run id>-<attempt>', async () => {
    const { runKey } = await import('../../../src/core/config.js');
    expect(runKey({ SAGEMAKER_ACTIONS_RUN: 'pr-7', GITHUB_RUN_ID: '1' })).toBe('pr-7');
    expect(runKey({ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '3' })).toBe('42-3');
    expect(runKey({ GITHUB_RUN_ID: '42' })).toBe('42-1');
    expect(runKey({})).toBeUndefined();
  });

  it('is replaced deeply in strings, and missing it is a ConfigurationError naming the value', async () => {
    const { substituteRun } = await import('../../../src/core/config.js');
    const { ConfigurationError } = await import('../../../src/core/errors.js');
    expect(
      substituteRun({ a: 's3://b/runs/{run}/x/', n: 3, l: ['{run}', { u: '{run}{run}' }] }, 'r1', 'f'),
    ).toEqual({
      a: 's3://b/runs/r1/x/',
      n: 3,
      l: ['r1', { u: 'r1r1' }],
    });
    expect(() => substituteRun({ a: 's3://b/{run}/' }, undefined, 'config file c.yml#train')).toThrow(
      ConfigurationError,
    );
    expect(() => substituteRun({ a: 's3://b/{run}/' }, undefined, 'config file c.yml#train')).toThrow(
      /c\.yml#train\.a: uses \{run\} but neither SAGEMAKER_ACTIONS_RUN nor GITHUB_RUN_ID is set/,
    );
    expect(substituteRun({ a: 'plain' }, undefined, 'f')).toEqual({ a: 'plain' });
  });
});
