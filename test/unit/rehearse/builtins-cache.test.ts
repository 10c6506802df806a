/**
 * The rehearsal's local equivalents of actions/cache, actions/cache/restore and actions/cache/save
 * in a small workflow (no sagemaker-local needed): a miss that leaves the folders as they are, the
 * outputs a workflow reads, and the inputs the real actions refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse } from '../../../local/rehearse/rehearse.js';
import { actionKey } from '../../../local/rehearse/builtins.js';

const SHA = '5a3ec84eff668545956fd18022155c47e93e2684';
let ws: string;
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'rehearse-cache-'));
  mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

async function run(steps: string) {
  writeFileSync(
    join(ws, '.github', 'workflows', 'c.yml'),
    `on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`,
  );
  const printer = memoryPrinter();
  const r = await rehearse({
    workflow: '.github/workflows/c.yml',
    event: 'pull_request',
    workspace: ws,
    endpoint: 'http://127.0.0.1:9',
    printer,
    env: { PATH: process.env['PATH'] },
  });
  return { ...r, log: printer.lines.join('\n') };
}

describe('rehearse: actions/cache equivalents', () => {
  it('the lookup key keeps the sub-action path', () => {
    expect(actionKey(`actions/cache/restore@${SHA}`)).toBe('actions/cache/restore');
    expect(actionKey(`Actions/Cache@${SHA}`)).toBe('actions/cache');
    expect(actionKey('actions/checkout@v4')).toBe('actions/checkout');
  });

  it('restore reports a miss with the keys a workflow reads; save and cache run; later steps see the outputs', async () => {
    const r = await run(`      - id: restore
        uses: actions/cache/restore@${SHA} # v4.2.3
        with:
          path: ~/.cache/x
          key: k-\${{ runner.os }}-
          restore-keys: |
            k-
      - id: both
        uses: actions/cache@${SHA}
        with:
          path: ~/.cache/y
          key: y-1
      - uses: actions/cache/save@${SHA}
        with:
          path: ~/.cache/x
          key: k-Linux-abc
      - run: echo "hit=\${{ steps.restore.outputs.cache-hit }} primary=\${{ steps.restore.outputs.cache-primary-key }} matched=[\${{ steps.restore.outputs.cache-matched-key }}] both=\${{ steps.both.outputs.cache-hit }}"
`);
    expect([r.result, r.detail ?? '']).toEqual(['success', '']);
    expect(r.log).toContain('hit=false primary=k-Linux- matched=[] both=false');
    expect(r.log).toContain('no cache service: ~/.cache/x stay(s) as on this machine; nothing restored');
    expect(r.log).toContain('no cache service: ~/.cache/x stay(s) on this machine; nothing saved');
  });

  it.each([
    ['a key with a comma', `key: a,b`, /cannot contain commas/],
    ['a key over 512 characters', `key: ${'k'.repeat(513)}`, /the limit is 512/],
    ['no key', `lookup-only: 'true'`, /needs input\(s\) key/],
    [
      'an input the action does not declare',
      `key: k\n          upload-chunk-size: '1'`,
      /does not declare input\(s\) upload-chunk-size/,
    ],
    [
      'fail-on-cache-miss',
      `key: k\n          fail-on-cache-miss: 'true'`,
      /fail-on-cache-miss: true is not rehearsable/,
    ],
  ])('restore refuses %s', async (_label, extra, why) => {
    const r = await run(`      - uses: actions/cache/restore@${SHA}
        with:
          path: ~/.cache/x
          ${extra}
`);
    expect(r.result).toBe('failure');
    expect(r.jobs[0]!.steps[0]!.detail).toMatch(why);
  });
});
