import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getIDToken, platform } from '@actions/core';
import { afterEach, describe, expect, it } from '@jest/globals';

/**
 * What each action loads before its first line runs. @actions/core imports its OIDC client, and
 * with it @actions/http-client and undici (about 1 MB of bundle), at the top of the module, so
 * every action paid about 70 ms at start to compile and evaluate an HTTP client it never uses
 * (actions/toolkit#1697). Its `platform` export likewise imports @actions/exec (with @actions/io,
 * node:child_process and node:assert: about 10 ms more) for getDetails alone.
 * patches/@actions+core+*.patch (applied by `npm ci`'s postinstall, patch-package) makes getIDToken
 * and getDetails load them when called; these tests pin that down in the committed bundles and in
 * node_modules.
 */
const DIST = process.env['SAGEMAKER_ACTIONS_DIST'] ?? resolve('dist');

/** The chunk files each entry of dist/index.js loads at start (its `Promise.all([...e(N)...])`). */
function startChunks(): Map<string, string[]> {
  const index = readFileSync(join(DIST, 'index.js'), 'utf8');
  const out = new Map<string, string[]>();
  for (const m of index.matchAll(/"?([a-z][a-z-]*)"?:\(\)=>Promise\.all\(\[([^\]]*)\]\)/g))
    out.set(
      m[1]!,
      [...m[2]!.matchAll(/\.e\((\d+)\)/g)].map((c) => `${c[1]}.index.js`),
    );
  return out;
}

/** A chunk that holds undici: its HTTP parser (llhttp) is in no other dependency. */
const holdsUndici = (file: string): boolean => readFileSync(join(DIST, file), 'utf8').includes('llhttp');
/** A chunk that holds @actions/exec: its ToolRunner class is in no other dependency. */
const holdsExec = (file: string): boolean => readFileSync(join(DIST, file), 'utf8').includes('ToolRunner');

describe('the chunks each action loads at start', () => {
  const entries = startChunks();
  const actions = readdirSync('src/entries')
    .filter((f) => f.endsWith('.ts') && !f.startsWith('.'))
    .map((f) => f.slice(0, -3));

  it('are listed for every entry (the dispatch format this test reads is still the one ncc writes)', () => {
    expect([...entries.keys()].sort()).toEqual(actions.sort());
    for (const chunks of entries.values()) expect(chunks.length).toBeGreaterThan(0);
  });

  it('hold no HTTP client (undici): it stays in a chunk of its own, loaded only by the code that sends requests with it', () => {
    const withUndici = readdirSync(DIST).filter((f) => /^\d+\.index\.js$/.test(f) && holdsUndici(f));
    expect(withUndici.length).toBeGreaterThan(0); // @actions/github still bundles it
    for (const [action, chunks] of entries)
      expect({ action, undici: chunks.filter(holdsUndici) }).toEqual({ action, undici: [] });
  });

  it('hold no process runner (@actions/exec): it is in a chunk of its own, loaded by platform.getDetails', () => {
    const withExec = readdirSync(DIST).filter((f) => /^\d+\.index\.js$/.test(f) && holdsExec(f));
    expect(withExec.length).toBeGreaterThan(0);
    for (const [action, chunks] of entries)
      expect({ action, exec: chunks.filter(holdsExec) }).toEqual({ action, exec: [] });
  });
});

describe('@actions/core as installed (patches/@actions+core+*.patch)', () => {
  const core = readFileSync(resolve('node_modules/@actions/core/lib/core.js'), 'utf8');

  it('does not import its OIDC client at the top of the module', () => {
    expect(core).not.toMatch(/^import\s[^;]*from\s+'\.\/oidc-utils\.js'/m);
  });

  it('loads it in getIDToken', () => {
    expect(core).toMatch(
      /function getIDToken[\s\S]*?import\('\.\/oidc-utils\.js'\)[\s\S]*?OidcClient\.getIDToken/,
    );
  });

  const platformJs = readFileSync(resolve('node_modules/@actions/core/lib/platform.js'), 'utf8');

  it('does not import @actions/exec at the top of its platform module, and getDetails loads it', () => {
    expect(platformJs).not.toMatch(/^import\s[^;]*from\s+'@actions\/exec'/m);
    expect(platformJs).toMatch(/import\('@actions\/exec'\)/);
  });

  it('still answers platform.getDetails (the lazily loaded runner runs the OS query)', async () => {
    expect(platform.platform).toBe(process.platform);
    // lsb_release may be missing on a minimal machine: then the runner's own error says so
    await platform.getDetails().then(
      (d) => expect([d.platform, d.arch]).toEqual([process.platform, process.arch]),
      (err: unknown) => expect(String(err)).toMatch(/lsb_release/),
    );
  });

  const VARS = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  const saved = VARS.map((v) => process.env[v]);
  afterEach(() =>
    VARS.forEach((v, i) => {
      if (saved[i] === undefined) delete process.env[v];
      else process.env[v] = saved[i];
    }),
  );

  it('still runs getIDToken (the lazily loaded client answers; outside a runner it says what is missing)', async () => {
    for (const v of VARS) delete process.env[v];
    await expect(getIDToken('sts.amazonaws.com')).rejects.toThrow(/Unable to get ACTIONS_ID_TOKEN_REQUEST_/);
  });
});
