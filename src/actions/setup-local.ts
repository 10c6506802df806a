import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as core from '../core/runner.js';
import { readInputs, runAction } from '../core/action.js';
import { StageFailure } from '../core/errors.js';
import { createAwsClients } from '../aws/clients.js';
import { ensurePython, pythonPath } from '../setup-local/python.js';
import { seed } from '../setup-local/seed.js';
import { ensureDependencies, startServer, stopServer } from '../setup-local/server.js';
import { loadLocalSection, parseSetupLocalSettings } from '../setup-local/settings.js';

/** The kit checkout this bundle belongs to: the folder above it holding bin/sagemaker-local.js. */
export function findKitRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'bin', 'sagemaker-local.js'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new StageFailure(`cannot find the kit (bin/sagemaker-local.js) above ${from}`);
    dir = up;
  }
}

const esc = (s: string): string => s.replace(/[|<>&`*_[\]\\]/g, (c) => `\\${c}`);

/** Main step: Python runtime, sagemaker-local in the background, AWS_* exported, seeded. */
export function run(): Promise<void> {
  return runAction('setup-local', async () => {
    const inputs = await readInputs('setup-local');
    const { section, where } = await loadLocalSection(core.getInput('config'), process.env);
    const settings = parseSetupLocalSettings(inputs, section, where);
    if (settings.forceFail)
      throw new StageFailure('force-fail: failing on purpose after validating the inputs (nothing started)');
    const t0 = Date.now();
    const version = ensurePython({
      env: process.env,
      install: settings.installPython,
      isRoot: process.getuid?.() === 0,
      log: core.info,
    });
    core.info(`python runtime: ${pythonPath(process.env)} (xgboost ${version})`);
    const kitRoot = findKitRoot(dirname(process.argv[1] ?? '.'));
    ensureDependencies(kitRoot, core.info);
    const dataDir = join(process.env['RUNNER_TEMP'] || tmpdir(), `sagemaker-local-${process.pid}`);
    const started = await startServer({
      kitRoot,
      dataDir,
      port: settings.port,
      timeoutMs: settings.startupTimeoutMs,
      python: pythonPath(process.env),
    });
    core.saveState('pid', String(started.pid));
    core.info(`sagemaker-local listening on ${started.url} (pid ${started.pid}, data in ${dataDir})`);
    const exported: Record<string, string> = {
      AWS_ENDPOINT_URL: started.url,
      AWS_ACCESS_KEY_ID: 'sagemaker-local',
      AWS_SECRET_ACCESS_KEY: 'sagemaker-local',
      AWS_REGION: settings.region,
      AWS_DEFAULT_REGION: settings.region,
    };
    for (const [k, v] of Object.entries(exported)) core.exportVariable(k, v);
    core.setOutput('endpoint-url', started.url);
    core.setOutput('data-dir', dataDir);
    const clients = createAwsClients({ region: settings.region }, process.env);
    const s3 = await clients.s3();
    const counts = await seed({
      plan: settings.seed,
      s3,
      workspace: process.cwd(),
      env: process.env,
      log: core.info,
    });
    s3.destroy();
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    await core.appendSummary(
      `### sagemaker-local\n\nListening on \`${esc(started.url)}\` for this job (stopped in the post step). ` +
        `Seeded ${counts.buckets} bucket(s), ${counts.commands} command(s), ${counts.files} uploaded file(s) in ${secs} s.\n`,
    );
  });
}

/** Post step: stops the sagemaker-local this job started (and with it every job it runs). */
export function runPost(): Promise<void> {
  return runAction('setup-local', async () => {
    const pid = Number(core.getState('pid'));
    if (!Number.isInteger(pid) || pid <= 0) {
      core.info('sagemaker-local was not started; nothing to stop');
      return;
    }
    const outcome = await stopServer(pid);
    if (outcome === 'killed')
      core.warning(`sagemaker-local (pid ${pid}) did not stop within 15 s of SIGTERM and was killed`);
    else core.info(`sagemaker-local (pid ${pid}): ${outcome}`);
  });
}
