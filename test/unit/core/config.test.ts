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
