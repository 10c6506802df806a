import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failureMessage, runAction, type StageNames } from '../../../src/core/context.js';
import { CancelledFailure, ConfigurationError, StageFailure } from '../../../src/core/errors.js';
import { setupActionEnv, type ActionEnv } from '../../helpers/action-env.js';
import { captureStdout } from '../../helpers/capture.js';

const NAMES = {
  action: 'demo',
  inputs: ['instance-type', 'region', 'config', 'force-fail'],
  outputs: ['result'],
  state: ['job'],
} as const satisfies StageNames;

let env: ActionEnv | undefined;
afterEach(() => {
  env?.restore();
  env = undefined;
});

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

describe('action context', () => {
  it('writes outputs, state and the summary; a summary it cannot write is a warning', async () => {
    env = setupActionEnv({});
    const out = captureStdout();
    await runAction(NAMES, async (ctx) => {
      ctx.setOutput('result', 'ok');
      ctx.saveState('job', 'j-1');
      await ctx.writeSummary('# hello');
    });
    expect(env.outputs()).toEqual({ result: 'ok' });
    expect(env.state()).toEqual({ job: 'j-1' });
    expect(env.summary()).toBe('# hello\n');
    process.env['GITHUB_STEP_SUMMARY'] = join(env.dir, 'no-such-dir', 'summary.md');
    await runAction(NAMES, async (ctx) => ctx.writeSummary('x'));
    expect(
      out.lines().filter((l) => l.startsWith('::warning::could not write the job summary')),
    ).toHaveLength(1);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('a config-file key that is no input is a configuration error listing the valid keys', async () => {
    env = setupActionEnv({ config: join('cfg', 'kit.yml') });
    const dir = join(env.dir, 'cfg');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'kit.yml'),
      'defaults:\n  other-action-input: 1\ndemo:\n  instance_type: ml.m5.xlarge\n',
    );
    const cwd = process.cwd();
    process.chdir(env.dir);
    const out = captureStdout();
    try {
      await runAction(NAMES, async (ctx) => void (await ctx.inputs()));
    } finally {
      process.chdir(cwd);
    }
    const error = out.lines().find((l) => l.startsWith('::error::'));
    expect(error).toContain(
      "demo: configuration error: config file cfg/kit.yml, section 'demo': 'instance_type' is not an input",
    );
    expect(error).toContain('valid keys: force-fail, instance-type, region');
    expect(process.exitCode).toBe(1);
  });

  it('force-fail fails labelled as forced after validation', async () => {
    env = setupActionEnv({});
    const out = captureStdout();
    await runAction(NAMES, async (ctx) => ctx.failIfForced(true));
    expect(out.lines()).toContain(
      '::error::demo: force-fail is set: this stage failed on purpose (inputs were validated; no AWS call was made)',
    );
  });

  it('exits at once after a cancel, and only then', async () => {
    env = setupActionEnv({});
    captureStdout();
    const exits: number[] = [];
    await runAction(
      NAMES,
      async () => {
        throw new CancelledFailure('cancelled (SIGINT)');
      },
      { exit: (c) => exits.push(c) },
    );
    await runAction(
      NAMES,
      async () => {
        throw new ConfigurationError('bad');
      },
      { exit: (c) => exits.push(c) },
    );
    expect(exits).toEqual([1]);
  });

  it('maps known AWS errors to a message with the error name and the fix', () => {
    expect(
      failureMessage(
        'train',
        awsError('AccessDeniedException', 'User x is not authorized to perform sagemaker:CreateTrainingJob'),
      ),
    ).toMatch(/^train: AccessDeniedException: User x is not authorized.*Fix: .*policy/);
    expect(failureMessage('t', awsError('ResourceLimitExceeded', 'quota'))).toMatch(
      /ResourceLimitExceeded: quota\. Fix: .*quota/,
    );
    expect(failureMessage('t', awsError('ExpiredTokenException', 'expired'))).toMatch(
      /ExpiredTokenException: expired\. Fix: .*credentials/,
    );
    expect(failureMessage('t', awsError('ExpiredToken', 'expired'))).toMatch(/Fix:/);
    expect(failureMessage('t', awsError('AccessDenied', 'no'))).toMatch(/^t: AccessDenied: no\. Fix:/);
    expect(failureMessage('t', awsError('UnrecognizedClientException', 'bad token'))).toMatch(
      /Fix: .*credentials/,
    );
    expect(failureMessage('t', awsError('ThrottlingException', 'Rate exceeded'))).toMatch(
      /ThrottlingException: Rate exceeded\. Fix: .*throttling/,
    );
    expect(failureMessage('t', awsError('ValidationException', 'bad name'))).toBe(
      't: ValidationException: bad name',
    );
    expect(failureMessage('t', new ConfigurationError("input 'x': bad"))).toBe(
      "t: configuration error: input 'x': bad",
    );
    expect(failureMessage('t', new Error('plain'))).toBe('t: plain');
  });

  it('fails closed when the process runs out of work while the step still waits (no silent exit 0)', () => {
    // A body waiting on a promise nothing settles (e.g. a worker thread that exited without
    // answering): without the guard Node exits 0 with no outputs.
    const dir = mkdtempSync(join(tmpdir(), 'stall-'));
    const script = join(dir, 'stall.mts');
    writeFileSync(
      script,
      `import { runAction } from ${JSON.stringify(join(process.cwd(), 'src/core/context.ts'))};\n` +
        `await runAction({ action: 'stall', inputs: [], outputs: ['x'], state: [] }, () => new Promise<void>(() => {}));\n`,
    );
    try {
      const r = spawnSync(process.execPath, [join('node_modules', 'tsx', 'dist', 'cli.mjs'), script], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', NODE_NO_WARNINGS: '1' },
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('::error::stall: internal error: the step stopped before it finished');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a failure message carrying untrusted text is one annotation, never a command', () => {
  const hostile = [
    '::set-output name=model-artifact::s3://evil/model.tar.gz',
    '##[set-output name=x;]y',
    'a\r::add-mask::b',
    'c\r\n::stop-commands::t',
    'd\u2028::warning::injected',
    'e\u2029##[error]x',
    '    ::endgroup::',
    '%0A::set-env name=X::1',
  ];
  it.each(hostile)('StageFailure with %j', async (reason) => {
    env = setupActionEnv({});
    const out = captureStdout();
    await runAction(NAMES, async () => {
      throw new StageFailure(`training job j failed: ${reason}`);
    });
    expect(process.exitCode).toBe(1);
    // The runner splits on \r and \n (and a reader may on U+2028/9): exactly one line, the error.
    const lines = out
      .text()
      .split(/\r\n|[\r\n\u2028\u2029]/)
      .filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error::demo: training job j failed: /);
    // Nothing decodes back into a line of its own: % is escaped too.
    expect(lines[0]).not.toMatch(/%(?!25|0D|0A)/);
  });
});
