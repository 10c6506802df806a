import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, StageFailure } from '../../../../src/core/errors.js';
import { PROBE, ensurePython, type Run } from '../../../../src/stages/setup-local/python.js';
import { loadLocalSection, parseSeedPlan } from '../../../../src/stages/setup-local/settings.js';

describe('setup-local: the config local: section', () => {
  it('parses buckets, commands and uploads (a trailing / added to prefixes)', () => {
    expect(
      parseSeedPlan(
        { buckets: ['my-bucket'], run: ['echo hi'], upload: { code: 's3://my-bucket/runs/r1/code' } },
        'local',
      ),
    ).toEqual({
      buckets: ['my-bucket'],
      run: ['echo hi'],
      upload: [{ from: 'code', to: 's3://my-bucket/runs/r1/code/' }],
    });
    expect(parseSeedPlan({}, 'local')).toEqual({ buckets: [], run: [], upload: [] });
  });

  it('refuses malformed sections with the key and the fix', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ bucket: ['x'] }, /unknown key\(s\) bucket; the local: section takes buckets, run, upload/],
      [{ buckets: ['Bad_Bucket'] }, /not a valid S3 bucket name/],
      [{ run: 'echo' }, /local\.run: expected a list of strings/],
      [{ upload: { code: 'https://x' } }, /upload\.code/],
      [{ upload: { '../etc': 's3://b/x/' } }, /must stay inside the workspace/],
    ];
    for (const [section, why] of bad) {
      expect(() => parseSeedPlan(section, 'local')).toThrow(ConfigurationError);
      expect(() => parseSeedPlan(section, 'local')).toThrow(why);
    }
  });

  it('loads the local: section with {run} substituted, and nothing without a config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'setup-local-'));
    try {
      const file = join(dir, 'kit.yml');
      writeFileSync(
        file,
        'defaults: { region: us-east-1 }\nlocal:\n  upload:\n    code: s3://b/runs/{run}/code/\n',
      );
      const { section, where } = await loadLocalSection(file, {
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '2',
      });
      expect(section).toEqual({ upload: { code: 's3://b/runs/9-2/code/' } });
      expect(where).toBe(`config file ${file}#local`);
      await expect(loadLocalSection(file, {})).rejects.toThrow(/uses \{run\} but neither/);
      await expect(loadLocalSection('', {})).resolves.toEqual({ section: {}, where: 'local' });
      await expect(loadLocalSection(join(dir, 'none.yml'), {})).rejects.toThrow(/cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('setup-local: the Python runtime', () => {
  const fake = (results: number[]): { run: Run; calls: string[] } => {
    const calls: string[] = [];
    const run: Run = (cmd, args) => {
      calls.push([cmd, ...args].join(' '));
      const status = results.shift() ?? 0;
      return {
        status,
        stdout: status === 0 && args[0] === '-c' ? '1.7.4\n' : '',
        stderr: status ? 'boom' : '',
      };
    };
    return { run, calls };
  };

  it('uses what is there without installing', () => {
    const { run, calls } = fake([0]);
    expect(ensurePython({ env: {}, install: true, isRoot: false, log: () => {}, run })).toBe('1.7.4');
    expect(calls).toEqual([`/usr/bin/python3 -c ${PROBE}`]);
  });

  it('installs with sudo apt-get when missing and allowed, then probes again', () => {
    const { run, calls } = fake([1, 0, 0, 0]);
    expect(
      ensurePython({
        env: { SAGEMAKER_LOCAL_PYTHON: '/opt/py' },
        install: true,
        isRoot: false,
        log: () => {},
        run,
      }),
    ).toBe('1.7.4');
    expect(calls.slice(1)).toEqual([
      'sudo -n apt-get update -qq',
      'sudo -n apt-get install -y -qq --no-install-recommends python3-xgboost python3-pandas python3-sklearn',
      `/opt/py -c ${PROBE}`,
    ]);
  });

  // The probe itself, run by a real Python: found (the version printed) and not found (-S hides
  // the site packages, where Debian's python3-xgboost lives).
  const python = '/usr/bin/python3';
  (existsSync(python) ? it : it.skip)('the probe finds the modules without importing them', () => {
    const found = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
    expect(found.status).toBe(0);
    expect(found.stdout.trim()).toMatch(/^\d+\.\d+/);
    const hidden = spawnSync(python, ['-S', '-c', PROBE], { encoding: 'utf8' });
    expect(hidden.status).toBe(1);
  });

  it('fails closed with the command to run when not allowed or when apt-get fails', () => {
    expect(() =>
      ensurePython({ env: {}, install: false, isRoot: true, log: () => {}, run: fake([1]).run }),
    ).toThrow(/install-python is false: run `sudo apt-get install -y python3-xgboost/);
    expect(() =>
      ensurePython({ env: {}, install: true, isRoot: true, log: () => {}, run: fake([1, 100]).run }),
    ).toThrow(StageFailure);
  });
});
