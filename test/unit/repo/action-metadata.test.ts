import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Docs are part of the feature: every action's metadata and README stay complete and in step. */
const root = process.cwd();
const actions = readdirSync(join(root, 'actions')).filter((d) =>
  existsSync(join(root, 'actions', d, 'action.yml')),
);

interface ActionYml {
  name?: string;
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string; post?: string; 'post-if'?: string };
}

const load = (name: string): ActionYml =>
  parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as ActionYml;

describe.each(actions)('actions/%s', (name) => {
  const meta = load(name);
  const readme = existsSync(join(root, 'actions', name, 'README.md'))
    ? readFileSync(join(root, 'actions', name, 'README.md'), 'utf8')
    : '';

  it('runs on node24 from a committed bundle', () => {
    expect(meta.runs?.using).toBe('node24');
    // One dist/ at the repository root; the runner resolves runs.main relative to the action folder.
    expect(meta.runs?.main).toBe(`../../dist/${name}.js`);
    expect(existsSync(join(root, 'actions', name, meta.runs!.main!))).toBe(true);
    expect(existsSync(join(root, 'actions', name, 'dist'))).toBe(false);
    if (meta.runs?.post) {
      expect(meta.runs.post).toBe(`../../dist/${name}-post.js`);
      expect(existsSync(join(root, 'actions', name, meta.runs.post))).toBe(true);
      expect(meta.runs['post-if']).toBe('always()');
    }
  });

  it('documents every input and output in action.yml', () => {
    for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
      expect([input, (spec.description ?? '').trim().length > 10]).toEqual([input, true]);
      // Defaults live in code so that the config file can supply them; the runner would always set them.
      expect([input, spec.default]).toEqual([input, undefined]);
    }
    for (const [output, spec] of Object.entries(meta.outputs ?? {})) {
      expect([output, (spec.description ?? '').trim().length > 10]).toEqual([output, true]);
    }
  });

  it('has a README that lists every input and output', () => {
    expect(readme.length).toBeGreaterThan(500);
    const missing = [...Object.keys(meta.inputs ?? {}), ...Object.keys(meta.outputs ?? {})].filter(
      (n) => !readme.includes(`\`${n}\``),
    );
    expect(missing).toEqual([]);
  });

  it('accepts the inputs every action shares', () => {
    for (const shared of ['config', 'region', 'force-fail'])
      expect(Object.keys(meta.inputs ?? {})).toContain(shared);
  });
});

describe('stage name constants equal action.yml', () => {
  it.each(actions)('actions/%s: inputs, outputs', async (name) => {
    const meta = load(name);
    const mod = (await import(`../../../src/stages/${name}/settings.js`)) as Record<string, unknown>;
    const names = Object.values(mod).find(
      (v): v is { action: string; inputs: string[]; outputs: string[] } =>
        typeof v === 'object' && v !== null && (v as { action?: unknown }).action === name,
    );
    expect(names).toBeDefined();
    expect([...names!.inputs].sort()).toEqual(Object.keys(meta.inputs ?? {}).sort());
    expect([...names!.outputs].sort()).toEqual(Object.keys(meta.outputs ?? {}).sort());
  });
});
