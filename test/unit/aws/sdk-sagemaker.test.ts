import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as root from '@aws-sdk/client-sagemaker';
import * as sdk from '../../../src/aws/sdk-sagemaker.js';

/**
 * src/aws/sdk-sagemaker.ts re-exports SageMaker SDK pieces from the client's ESM modules (for the
 * bundle); its types come from a wildcard declaration and jest maps the paths to the package
 * root, so neither tsc nor the other tests would notice a name taken from the wrong module.
 * These checks do.
 */
const repo = process.cwd();
const source = readFileSync(join(repo, 'src', 'aws', 'sdk-sagemaker.ts'), 'utf8');
const reexports = [
  ...source.matchAll(/export \{ (\w+) \} from '(@aws-sdk\/client-sagemaker\/dist-es\/[\w/]+\.js)';/g),
].map((m) => ({ name: m[1] as string, spec: m[2] as string }));

describe('sdk-sagemaker (ESM deep imports)', () => {
  it('re-exports every name from its own dist-es module, which exports it', () => {
    expect(reexports.length).toBeGreaterThan(1);
    expect(reexports.map((r) => r.name)).toContain('SageMakerClient');
    for (const { name, spec } of reexports) {
      const file = join(repo, 'node_modules', spec);
      expect({ spec, exists: existsSync(file) }).toEqual({ spec, exists: true });
      expect({
        spec,
        exportsName: new RegExp(`^export class ${name}\\b`, 'm').test(readFileSync(file, 'utf8')),
      }).toEqual({
        spec,
        exportsName: true,
      });
    }
    // Every export statement of the module was matched above (none with another shape).
    expect(source.match(/^export /gm)?.length).toBe(reexports.length);
  });

  it('gives, under jest, the very classes of the package root (what aws-sdk-client-mock mocks)', () => {
    const names = Object.keys(sdk).sort();
    expect(names).toEqual(reexports.map((r) => r.name).sort());
    for (const name of names) {
      expect((sdk as Record<string, unknown>)[name]).toBe((root as Record<string, unknown>)[name]);
    }
  });

  it('is the only way src loads SageMaker SDK values (else the bundle holds two copies)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) {
          const text = readFileSync(p, 'utf8');
          const valueImport = /^import (?!type\b)[^;]*from '@aws-sdk\/client-sagemaker';/m.test(text);
          const code = text.replace(/typeof import\('@aws-sdk\/client-sagemaker'\)/g, ''); // types only
          const dynamicImport = code.includes("import('@aws-sdk/client-sagemaker')");
          if (valueImport || dynamicImport) offenders.push(p.slice(repo.length + 1));
        }
      }
    };
    walk(join(repo, 'src'));
    expect(offenders).toEqual([]);
  });
});
