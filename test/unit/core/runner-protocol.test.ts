import { afterEach, describe, expect, test } from '@jest/globals';
import * as actionsCore from '@actions/core';
import * as runner from '../../../src/core/runner.js';
import { setupActionEnv, type ActionEnv } from '../../helpers/action-env.js';
import { captureStdout } from '../../helpers/capture.js';

// src/core/runner.ts replaces @actions/core on the start-up path; it must behave the same.
let env: ActionEnv | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
});

describe('runner protocol = @actions/core', () => {
  test('getInput: same name mapping and trimming', () => {
    env = setupActionEnv({ 'role-arn': '  arn:x  ', 'my input': 'v' });
    for (const name of ['role-arn', 'my input', 'missing', 'ROLE-ARN']) {
      expect(runner.getInput(name)).toBe(actionsCore.getInput(name));
    }
  });

  test('setOutput / saveState: the same parsed file content for awkward values', () => {
    const values: [string, unknown][] = [
      ['plain', 'x'],
      ['multi', 'line 1\nline 2\r\n%0A'],
      ['json', { a: [1, 2] }],
      ['empty', ''],
    ];
    env = setupActionEnv({});
    for (const [k, v] of values) runner.setOutput(k, v);
    for (const [k, v] of values) runner.saveState(k, v);
    const ours = { outputs: env.outputs(), state: env.state() };
    env.restore();
    env = setupActionEnv({});
    for (const [k, v] of values) actionsCore.setOutput(k, v);
    for (const [k, v] of values) actionsCore.saveState(k, v);
    expect(ours).toEqual({ outputs: env.outputs(), state: env.state() });
  });

  test('log commands and setFailed print the same bytes and set exit code 1', () => {
    env = setupActionEnv({});
    const out = captureStdout();
    const run = (c: typeof runner | typeof actionsCore) => {
      c.setSecret('s3cr3t\nline');
      c.info('hello %');
      c.warning('careful\nnow 100%');
      c.debug('dbg\r\n');
      c.setFailed('bad: a,b');
    };
    run(runner);
    const ours = out.text();
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    run(actionsCore);
    expect(out.text()).toBe(ours + ours);
    expect(process.exitCode).toBe(1);
  });

  test('getState and appendSummary', async () => {
    env = setupActionEnv({}, { 'STATE_job-name': 'j' });
    expect(runner.getState('job-name')).toBe(actionsCore.getState('job-name'));
    expect(await runner.appendSummary('# hi\n')).toBe(true);
    expect(env.summary()).toBe('# hi\n');
    delete process.env['GITHUB_STEP_SUMMARY'];
    expect(await runner.appendSummary('x')).toBe(false);
  });
});
