#!/usr/bin/env node
// Type-checks, then bundles every actions/<name>/ with @vercel/ncc: one loop over the folders.
// For each action.yml, runs.main (and runs.post, when present) name the bundle to build from
// src/entries/<name>.ts (and src/entries/<name>-post.ts).
// `--check` builds into a temporary folder and fails when a committed bundle differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const check = process.argv.includes('--check');
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

function sh(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p).map((f) => join(e.name, f)));
    else out.push(e.name);
  }
  return out.sort();
}

if (!check)
  sh(process.execPath, [
    join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '--noEmit',
    '-p',
    'tsconfig.json',
  ]);

const actionsDir = join(root, 'actions');
const problems = [];
for (const name of readdirSync(actionsDir).sort()) {
  const ymlPath = join(actionsDir, name, 'action.yml');
  if (!existsSync(ymlPath)) continue;
  const runs = parse(readFileSync(ymlPath, 'utf8')).runs ?? {};
  const targets = [['main', `${name}.ts`]];
  if (runs.post) targets.push(['post', `${name}-post.ts`]);
  const finalDist = join(actionsDir, name, 'dist');
  const outRoot = check ? mkdtempSync(join(tmpdir(), `dist-${name}-`)) : finalDist;
  if (!check) rmSync(finalDist, { recursive: true, force: true });
  for (const [key, entryFile] of targets) {
    const rel = runs[key]; // e.g. dist/index.js or dist/post/index.js
    if (!rel?.startsWith('dist/') || !rel.endsWith('index.js')) {
      throw new Error(`${relative(root, ymlPath)}: runs.${key} must be dist/[sub/]index.js, got ${rel}`);
    }
    const entry = join(root, 'src', 'entries', entryFile);
    if (!existsSync(entry))
      throw new Error(`${relative(root, ymlPath)}: runs.${key} needs ${relative(root, entry)}`);
    const outDir = join(outRoot, dirname(rel.slice('dist/'.length)));
    mkdirSync(outDir, { recursive: true });
    console.log(`ncc: ${relative(root, entry)} -> actions/${name}/${rel}`);
    sh(process.execPath, [
      ncc,
      'build',
      entry,
      '-o',
      outDir,
      '--minify',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '-q',
      '--target',
      'es2022',
    ]);
  }
  if (check) {
    const fresh = listFiles(outRoot);
    const committed = listFiles(finalDist);
    if (fresh.join('\n') !== committed.join('\n')) {
      problems.push(
        `actions/${name}/dist: files differ (fresh: ${fresh.join(', ')}; committed: ${committed.join(', ')})`,
      );
    } else {
      for (const f of fresh) {
        if (!readFileSync(join(outRoot, f)).equals(readFileSync(join(finalDist, f))))
          problems.push(`actions/${name}/dist/${f} differs from a fresh build`);
      }
    }
    rmSync(outRoot, { recursive: true, force: true });
  }
}
if (problems.length) {
  console.error(
    `Committed bundles are out of date; run \`npm run build\` and commit actions/*/dist:\n- ${problems.join('\n- ')}`,
  );
  process.exit(1);
}
console.log(check ? 'bundles match a fresh build' : 'build complete');
