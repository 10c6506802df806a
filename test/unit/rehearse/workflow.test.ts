/**
 * The rehearsal engine on small workflows in a temporary workspace (run: steps and a tiny local
 * JavaScript action; no sagemaker-local needed): output wiring, if:, continue-on-error, matrix,
 * reusable workflows, post steps, and the failures the runner would let pass silently.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryPrinter } from '../../../local/rehearse/printer.js';
import { rehearse, type RehearsalResult } from '../../../local/rehearse/rehearse.js';
import { RehearsalError } from '../../../local/rehearse/errors.js';

let ws: string;

const ACTION_YML = `name: echo
description: test action
inputs:
  value: { description: 'a value' }
  fail: { description: 'fail when true' }
outputs:
  echoed: { description: 'the value' }
runs:
  using: node24
  main: dist/index.js
  post: dist/post.js
  post-if: always()
`;
const ACTION_MAIN = `const fs = require('fs');
const v = process.env['INPUT_VALUE'] || '';
fs.appendFileSync(process.env.GITHUB_OUTPUT, 'echoed=' + v + '\\n');
fs.appendFileSync(process.env.GITHUB_STATE, 'seen=' + v + '\\n');
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### echoed ' + v + '\\n');
if (process.env['INPUT_FAIL'] === 'true') { console.log('::error::asked to fail'); process.exit(1); }
`;
const ACTION_POST = `console.log('post saw ' + process.env['STATE_seen']);\n`;

function workflow(name: string, text: string): string {
  writeFileSync(join(ws, '.github', 'workflows', name), text);
  return `.github/workflows/${name}`;
}

async function run(
  file: string,
  extra: Partial<Parameters<typeof rehearse>[0]> = {},
): Promise<RehearsalResult & { lines: string[] }> {
  const printer = memoryPrinter();
  const r = await rehearse({
    workflow: file,
    event: 'pull_request',
    workspace: ws,
    endpoint: 'http://127.0.0.1:9',
    printer,
    env: { PATH: process.env['PATH'] },
    ...extra,
  });
  return { ...r, lines: printer.lines };
}

beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'rehearse-unit-'));
  mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
  mkdirSync(join(ws, 'actions', 'echo', 'dist'), { recursive: true });
  writeFileSync(join(ws, 'actions', 'echo', 'action.yml'), ACTION_YML);
  writeFileSync(join(ws, 'actions', 'echo', 'dist', 'index.js'), ACTION_MAIN);
  writeFileSync(join(ws, 'actions', 'echo', 'dist', 'post.js'), ACTION_POST);
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('rehearse: wiring', () => {
  it('wires step outputs → job outputs → needs → a reusable workflow and its outputs back', async () => {
    workflow(
      'called.yml',
      `on:
  workflow_call:
    inputs:
      greeting: { type: string, required: true }
      loud: { type: boolean, default: false }
    outputs:
      said: { value: '\${{ jobs.speak.outputs.line }}' }
jobs:
  speak:
    runs-on: ubuntu-latest
    outputs:
      line: \${{ steps.say.outputs.echoed }}
    steps:
      - id: say
        uses: ./actions/echo
        with:
          value: \${{ inputs.greeting }}-\${{ inputs.loud }}
`,
    );
    const f = workflow(
      'caller.yml',
      `on: pull_request
permissions: {}
jobs:
  first:
    runs-on: ubuntu-latest
    outputs:
      v: \${{ steps.a.outputs.v }}
    steps:
      - id: a
        run: echo "v=hi-\${{ github.event_name }}" >> "$GITHUB_OUTPUT"
  call:
    needs: first
    uses: ./.github/workflows/called.yml
    with:
      greeting: \${{ needs.first.outputs.v }}
      loud: true
  last:
    needs: call
    runs-on: ubuntu-latest
    outputs:
      got: \${{ steps.b.outputs.got }}
    steps:
      - id: b
        env:
          SAID: \${{ needs.call.outputs.said }}
        run: echo "got=$SAID" >> "$GITHUB_OUTPUT"
`,
    );
    const r = await run(f);
    expect(r.result).toBe('success');
    const last = r.jobs.find((j) => j.id === 'last')!;
    expect(last.outputs).toEqual({ got: 'hi-pull_request-true' });
    // The action's post step ran with the state its main step saved.
    expect(r.lines.some((l) => l.includes('post saw hi-pull_request-true'))).toBe(true);
    expect(r.summaries.map((s) => s.markdown.trim())).toEqual(['### echoed hi-pull_request-true']);
  });

  it('fails on a with: input the action does not declare, before running it', async () => {
    const f = workflow(
      'undeclared.yml',
      `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/echo
        with:
          value: x
          vaule: typo
`,
    );
    const r = await run(f);
    expect(r.result).toBe('failure');
    expect(r.jobs[0]!.steps[0]!.detail).toMatch(/does not declare input\(s\) vaule/);
  });

  it('fails on an output read that nothing sets: undeclared action output, unset run: output, unknown step, undeclared job output', async () => {
    const cases: [string, RegExp][] = [
      ['${{ steps.e.outputs.nope }}', /steps\.e\.outputs\.nope: \.\/actions\/echo declares no output 'nope'/],
      ['${{ steps.r.outputs.never }}', /step 'r' \(run\) succeeded without setting output 'never'/],
      ['${{ steps.ghost.outputs.x }}', /steps\.ghost: no step with this id/],
    ];
    for (const [expr, why] of cases) {
      const f = workflow(
        'reads.yml',
        `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: e
        uses: ./actions/echo
        with: { value: v }
      - id: r
        run: echo nothing
      - env:
          X: ${expr}
        run: echo "$X"
`,
      );
      const r = await run(f);
      expect([expr, r.result]).toEqual([expr, 'failure']);
      expect(r.jobs[0]!.steps[2]!.detail).toMatch(why);
    }
    const f = workflow(
      'needs.yml',
      `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      x: \${{ steps.s.outputs.x }}
    steps:
      - id: s
        run: echo "x=1" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.a.outputs.y }}"
`,
    );
    const r = await run(f);
    expect(r.result).toBe('failure');
    expect(r.jobs[1]!.steps[0]!.detail).toMatch(
      /needs\.a\.outputs\.y: job 'a' declares no output 'y' \(it declares: x\)/,
    );
  });

  it('a declared action output that was not set, and outputs of skipped run: steps, read as empty', async () => {
    const f = workflow(
      'empty-ok.yml',
      `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: skipped
        if: \${{ false }}
        run: echo "x=1" >> "$GITHUB_OUTPUT"
      - run: test -z "\${{ steps.skipped.outputs.x }}"
`,
    );
    expect((await run(f)).result).toBe('success');
  });
});

describe('rehearse: if:, continue-on-error, matrix, inputs', () => {
  it('honours success()/failure()/always() and continue-on-error like the runner', async () => {
    const f = workflow(
      'status.yml',
      `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: soft
        run: exit 2
        continue-on-error: true
      - id: after-soft
        run: echo "o=\${{ steps.soft.outcome }}/\${{ steps.soft.conclusion }}" >> "$GITHUB_OUTPUT"
      - id: hard
        uses: ./actions/echo
        with: { value: x, fail: 'true' }
      - id: skipped
        run: echo should not run
      - id: on-failure
        if: failure()
        run: echo cleaning up
      - id: always
        if: always()
        run: echo always
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  c:
    needs: a
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo "a was \${{ needs.a.result }}"
`,
    );
    const r = await run(f);
    expect(r.result).toBe('failure');
    const [a, b, c] = r.jobs;
    expect(a!.steps.map((s) => [s.name, s.outcome, s.conclusion])).toEqual([
      ['Run exit 2', 'failure', 'success'],
      // Names of run: steps are their first line, cut at 70 characters, as written (before evaluation).
      ['Run echo "o=${{ steps.soft.outcome }}/${{ steps.soft.conclusion }}" >> "$G', 'success', 'success'],
      ['Run ./actions/echo', 'failure', 'failure'],
      ['Run echo should not run', 'skipped', 'skipped'],
      ['Run echo cleaning up', 'success', 'success'],
      ['Run echo always', 'success', 'success'],
      ['Post Run ./actions/echo', 'success', 'success'], // post-if: always()
    ]);
    expect(a!.steps[1]!.outputs).toEqual({ o: 'failure/success' });
    expect(a!.steps[2]!.detail).toBe('asked to fail');
    expect(b!.result).toBe('skipped');
    expect(c!.result).toBe('success');
    expect(r.lines.some((l) => l.includes('a was failure'))).toBe(true);
  });

  it('expands a matrix and names its jobs; fail-fast stops the rest', async () => {
    const f = workflow(
      'matrix.yml',
      `on: pull_request
permissions: {}
jobs:
  m:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        n: [1, 2, 3]
        include: [{ n: 2, extra: x }]
    steps:
      - run: test "\${{ matrix.n }}" != 2 || test "\${{ matrix.extra }}" = x
      - run: test "\${{ matrix.n }}" != 3
`,
    );
    const r = await run(f);
    expect(r.result).toBe('failure');
    expect(r.jobs[0]!.children!.map((c) => [c.label, c.result])).toEqual([
      ['m (1)', 'success'],
      ['m (2, x)', 'success'],
      ['m (3)', 'failure'],
    ]);
  });

  it('types and checks workflow_call inputs given with --input', async () => {
    const f = workflow(
      'typed.yml',
      `on:
  workflow_call:
    inputs:
      local: { type: boolean, default: false }
      n: { type: number, default: 1 }
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: test "\${{ inputs.local }}-\${{ inputs.n }}" = "true-7"
`,
    );
    expect((await run(f, { inputs: { local: 'true', n: '7' } })).result).toBe('success');
    await expect(run(f, { inputs: { local: 'yes' } })).rejects.toThrow(/input 'local' is a boolean/);
    await expect(run(f, { inputs: { nope: '1' } })).rejects.toThrow(/input\(s\) nope are not declared/);
    // Rehearsed as called by a push workflow: the same inputs apply.
    await expect(run(f, { event: 'push', inputs: { local: 'true', n: '7' } })).resolves.toMatchObject({
      result: 'success',
    });
    expect((await run(f)).result).toBe('failure');
  });

  it("refuses an invalid workflow with GitHub's own messages, and a third-party action it cannot run", async () => {
    const bad = workflow('bad.yml', `on: pull_request\njobs:\n  a:\n    runs-on: x\n    stepz: []\n`);
    await expect(run(bad)).rejects.toThrow(RehearsalError);
    const third = workflow(
      'third.yml',
      `on: pull_request
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/something@0123456789012345678901234567890123456789
`,
    );
    const r = await run(third);
    expect(r.result).toBe('failure');
    expect(r.jobs[0]!.steps[0]!.detail).toMatch(/is not rehearsable/);
  });
});

describe('rehearse: an unset vars.X is null, as on GitHub', () => {
  it("is '' in env: (workflow, job, step), with:, run: and a format() string, and null/falsy in if:", async () => {
    const f = workflow(
      'vars-unset.yml',
      `on: pull_request
env:
  W: \${{ vars.UNSET }}
jobs:
  a:
    runs-on: ubuntu-latest
    if: \${{ !vars.UNSET && vars.UNSET == '' }}
    env:
      J: \${{ vars.UNSET }}
    outputs:
      o: \${{ steps.e.outputs.echoed }}
    steps:
      - id: e
        uses: ./actions/echo
        with:
          value: \${{ vars.UNSET }}
      - if: vars.UNSET == '' && !vars.UNSET
        env:
          S: \${{ vars.UNSET }}
          T: "t-\${{ vars.UNSET }}-\${{ vars.SET }}"
        run: test "W=[$W] J=[$J] S=[$S] T=[$T] run=[\${{ vars.UNSET }}] echoed=[\${{ steps.e.outputs.echoed }}] json=\${{ toJSON(vars.UNSET) }}" = "W=[] J=[] S=[] T=[t--v] run=[] echoed=[] json=null"
      - if: vars.UNSET
        run: exit 1
`,
    );
    const r = await run(f, { vars: { SET: 'v' } });
    expect(r.lines.join('\n')).not.toMatch(/mapping/);
    expect(r.result).toBe('success');
    expect(r.jobs[0]!.steps.map((s) => [s.phase, s.outcome])).toEqual([
      ['main', 'success'],
      ['main', 'success'],
      ['main', 'skipped'],
      ['post', 'success'],
    ]);
  });

  it("reaches a called workflow's string input as '' (over its default); a boolean input needs a boolean", async () => {
    workflow(
      'vars-called.yml',
      `on:
  workflow_call:
    inputs:
      role: { type: string, required: false, default: 'the default' }
      local: { type: boolean, default: false }
jobs:
  c:
    runs-on: ubuntu-latest
    steps:
      - run: test "[\${{ inputs.role }}] [\${{ inputs.local }}] [\${{ vars.UNSET }}]" = "[] [false] []"
`,
    );
    const caller = (name: string, local: string) =>
      workflow(
        name,
        `on: pull_request
jobs:
  b:
    uses: ./.github/workflows/vars-called.yml
    with:
      role: \${{ vars.UNSET }}
      local: ${local}
`,
      );
    // The bug: null was reported as "input 'role' is a string; got a mapping".
    const ok = await run(caller('vars-caller.yml', "${{ vars.UNSET == 'true' }}"));
    expect(ok.lines.join('\n')).not.toMatch(/mapping/);
    expect(ok.result).toBe('success');
    const unset = await run(caller('vars-caller-null.yml', '${{ vars.UNSET }}'));
    expect(unset.result).toBe('failure');
    expect(unset.jobs[0]!.detail).toMatch(
      /input 'local' is a boolean; got null \(an unset value, such as a vars\.X that is not set\), which GitHub refuses/,
    );
    // GitHub refuses the string 'false' for a boolean input of a called workflow.
    const text = await run(caller('vars-caller-string.yml', "${{ 'false' }}"));
    expect(text.result).toBe('failure');
    expect(text.jobs[0]!.detail).toMatch(/input 'local' is a boolean; got "false", which GitHub refuses/);
  });
});
