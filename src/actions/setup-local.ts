import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { runAction, type ActionContext } from '../core/context.js';
import { escapeMarkdown } from '../core/render.js';
import { StageFailure } from '../core/errors.js';
import { createAwsClients } from '../aws/clients.js';
import { POLL_INTERVAL_ENV } from '../aws/poller.js';
import { ensurePython, pythonPath } from '../stages/setup-local/python.js';
import { cacheKey } from '../stages/setup-local/cache.js';
import { seed } from '../stages/setup-local/seed.js';
import { ensureDependencies, startServer, stopServer } from '../stages/setup-local/server.js';
import {
  CACHE_DIR_ENV,
  SETUP_LOCAL_NAMES,
  loadLocalSection,
  parseSetupLocalSettings,
} from '../stages/setup-local/settings.js';

type SetupLocalContext = ActionContext<typeof SETUP_LOCAL_NAMES>;

/** The poll interval exported for the kit's actions (see POLL_INTERVAL_ENV). */
export const LOCAL_POLL_INTERVAL = '500ms';

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

async function setup(ctx: SetupLocalContext): Promise<void> {
  const { log, env } = ctx;
  const inputs = await ctx.inputs();
  const { section, where } = await loadLocalSection(inputs.optional('config') ?? '', env);
  const settings = parseSetupLocalSettings(inputs, section, where, {
    env,
    home: homedir(),
    cwd: process.cwd(),
  });
  ctx.failIfForced(settings.forceFail);
  const t0 = Date.now();
  const version = ensurePython({
    env,
    install: settings.installPython,
    isRoot: process.getuid?.() === 0,
    log: log.info,
  });
  log.info(`python runtime: ${pythonPath(env)} (xgboost ${version})`);
  const kitRoot = findKitRoot(dirname(process.argv[1] ?? '.'));
  ensureDependencies(kitRoot, log.info);
  const dataDir = join(env['RUNNER_TEMP'] || tmpdir(), `sagemaker-local-${process.pid}`);
  const started = await startServer({
    kitRoot,
    dataDir,
    port: settings.port,
    timeoutMs: settings.startupTimeoutMs,
    python: pythonPath(env),
  });
  ctx.saveState('pid', String(started.pid));
  log.info(`sagemaker-local listening on ${started.url} (pid ${started.pid}, data in ${dataDir})`);
  const exported: Record<string, string> = {
    AWS_ENDPOINT_URL: started.url,
    AWS_ACCESS_KEY_ID: 'sagemaker-local',
    AWS_SECRET_ACCESS_KEY: 'sagemaker-local',
    AWS_REGION: settings.region,
    AWS_DEFAULT_REGION: settings.region,
    // sagemaker-local has no API rate limits: the actions look at a job every half second instead
    // of on AWS's adaptive schedule (which notices a job's end up to 6.5 s late). A value the
    // workflow already set wins.
    [POLL_INTERVAL_ENV]: env[POLL_INTERVAL_ENV] || LOCAL_POLL_INTERVAL,
    // Where seed commands may keep data between runs (actions/cache can carry it across runs).
    [CACHE_DIR_ENV]: settings.cacheDir,
  };
  for (const [k, v] of Object.entries(exported)) {
    core.exportVariable(k, v);
    env[k] = v;
  }
  ctx.setOutput('endpoint-url', started.url);
  ctx.setOutput('data-dir', dataDir);
  const s3 = await createAwsClients({ region: settings.region }, env).s3();
  try {
    const counts = await seed({
      plan: settings.seed,
      s3,
      workspace: process.cwd(),
      env,
      log: log.info,
      commandOutput: (line) => log.untrustedLine(`  ${line}`),
    });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const key = cacheKey(settings.cacheDir);
    ctx.setOutput('cache-dir', settings.cacheDir);
    ctx.setOutput('cache-key', key);
    log.info(
      key
        ? `cache folder ${settings.cacheDir}: key ${key}`
        : `cache folder ${settings.cacheDir}: empty (the seed commands cached nothing)`,
    );
    await ctx.writeSummary(
      `### sagemaker-local\n\nListening on \`${escapeMarkdown(started.url)}\` for this job (stopped in the post step). ` +
        `Seeded ${counts.buckets} bucket(s), ${counts.commands} command(s), ${counts.files} uploaded file(s) in ${secs} s.\n`,
    );
  } finally {
    s3.destroy();
  }
}

/** Main step: Python runtime, sagemaker-local in the background, AWS_* exported, seeded. */
export async function run(): Promise<void> {
  await runAction(SETUP_LOCAL_NAMES, setup);
}

/** Post step: stops the sagemaker-local this job started (and with it every job it runs). */
export async function runPost(): Promise<void> {
  await runAction(
    SETUP_LOCAL_NAMES,
    async (ctx) => {
      const pid = Number(ctx.getState('pid'));
      if (!Number.isInteger(pid) || pid <= 0) {
        ctx.log.info('sagemaker-local was not started; nothing to stop');
        return;
      }
      const outcome = await stopServer(pid);
      if (outcome === 'killed')
        ctx.log.warning(`sagemaker-local (pid ${pid}) did not stop within 15 s of SIGTERM and was killed`);
      else ctx.log.info(`sagemaker-local (pid ${pid}): ${outcome}`);
    },
    { label: 'setup-local (post)' },
  );
}
