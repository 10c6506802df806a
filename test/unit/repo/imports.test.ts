import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The layering rules of the top README's architecture section, checked over the import graph of
 * src/ (type-only imports included: a cycle of types is still a cycle for a reader).
 */
const SRC = resolve('src');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of walk(SRC)) {
    const text = readFileSync(file, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2])!;
      deps.push(relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
    g.set(relative(SRC, file), deps);
  }
  return g;
}

/** Every elementary cycle's smallest rotation, found by depth-first search. */
export function findCycles(g: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const done = new Set<string>();
  const visit = (n: string): void => {
    stack.push(n);
    onStack.add(n);
    for (const d of g.get(n) ?? []) {
      if (onStack.has(d)) {
        const cycle = stack.slice(stack.indexOf(d));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!done.has(d)) visit(d);
    }
    stack.pop();
    onStack.delete(n);
    done.add(n);
  };
  for (const n of g.keys()) if (!done.has(n)) visit(n);
  return [...cycles.values()];
}

describe('src/ import graph', () => {
  const g = graph();

  it('finds a cycle when there is one (the checker itself works)', () => {
    const fake = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(fake)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no import cycles', () => {
    expect(findCycles(g).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('keeps the pure layers (metrics, stats, gates, monitor) free of stages, actions, AWS and the runner', () => {
    const pure = /^(metrics|stats|gates|monitor)\//;
    const forbidden =
      /^(stages|actions|entries|aws|sagemaker|github)\/|^core\/(action|context|runner|log|signals)\.ts$/;
    const bad: string[] = [];
    for (const [file, deps] of g) {
      if (!pure.test(file)) continue;
      for (const d of deps) if (forbidden.test(d)) bad.push(`${file} imports ${d}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps src/sagemaker and src/aws free of stages and actions (SDK wrappers only)', () => {
    const bad: string[] = [];
    for (const [file, deps] of g) {
      if (!/^(sagemaker|aws)\//.test(file)) continue;
      for (const d of deps) if (/^(stages|actions|entries)\//.test(d)) bad.push(`${file} imports ${d}`);
    }
    expect(bad).toEqual([]);
  });

  it('reads inputs and sets outputs only in actions/ (stages receive typed settings and the context)', () => {
    const bad: string[] = [];
    for (const [file, deps] of g) {
      if (/^(actions|core)\//.test(file)) continue;
      if (deps.includes('core/action.ts')) bad.push(`${file} imports core/action.ts`);
    }
    expect(bad).toEqual([]);
  });
});
