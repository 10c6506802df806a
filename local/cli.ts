/**
 * `sagemaker-local start|stop|env`: the command-line face of startLocal(). `start` prints exactly
 * one line on stdout once requests are accepted (`sagemaker-local listening on http://...`); every
 * other message goes to stderr. SIGINT/SIGTERM, `sagemaker-local stop` (through the pid file in
 * the data dir) and the exit of the process that started it stop the server and every job.
 */
import { existsSync } from 'node:fs';
import { loadLocalConfig, LocalConfigError, type LocalConfig } from './config.js';
import { FaultSpecError, parseFaults } from './faults.js';
import { startLocal } from './index.js';
import {
  isSagemakerLocal,
  readPidFile,
  removePidFile,
  stopServer,
  watchParent,
  writePidFile,
} from './pidfile.js';

export const USAGE = `usage:
  sagemaker-local start [--port 4566] [--host 127.0.0.1] [--data-dir .sagemaker-local]
                        [--config sagemaker-local.yml] [--faults throttle=0.3,error=0.05,latency=50ms]
                        [--seed N] [--access-key KEY] [--python /usr/bin/python3]
                        [--watch-parent true|false]
  sagemaker-local stop [--data-dir .sagemaker-local]
  sagemaker-local env [--port 4566] [--host 127.0.0.1] [--access-key KEY]
`;

export class UsageError extends Error {}

export interface CliOptions {
  command: 'start' | 'stop' | 'env' | 'help';
  port: number;
  host: string;
  dataDir: string;
  config?: string;
  faults?: string;
  seed: number;
  accessKey?: string;
  python?: string;
  /** Exit when the process that started the server is gone (default true). */
  watchParent: boolean;
}

const FLAGS = new Set([
  '--port',
  '--host',
  '--data-dir',
  '--config',
  '--faults',
  '--seed',
  '--access-key',
  '--python',
  '--watch-parent',
]);

/** Parses argv (without node and script). Pure. */
export function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    return {
      command: 'help',
      port: 4566,
      host: '127.0.0.1',
      dataDir: '.sagemaker-local',
      seed: 1,
      watchParent: true,
    };
  }
  if (command !== 'start' && command !== 'stop' && command !== 'env')
    throw new UsageError(`unknown command '${command}' (expected start, stop or env)`);
  const opts: CliOptions = {
    command,
    port: 4566,
    host: '127.0.0.1',
    dataDir: '.sagemaker-local',
    seed: 1,
    watchParent: true,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(flag)) throw new UsageError(`unknown option '${arg}'`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`option ${flag} needs a value`);
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port ${value}: must be 0..65535 (0 picks a free port)`);
        opts.port = port;
        break;
      }
      case '--seed': {
        const seed = Number(value);
        if (!Number.isInteger(seed)) throw new UsageError(`--seed ${value}: must be an integer`);
        opts.seed = seed;
        break;
      }
      case '--host':
        opts.host = value;
        break;
      case '--data-dir':
        opts.dataDir = value;
        break;
      case '--config':
        opts.config = value;
        break;
      case '--faults':
        opts.faults = value;
        break;
      case '--access-key':
        opts.accessKey = value;
        break;
      case '--python':
        opts.python = value;
        break;
      case '--watch-parent':
        if (value !== 'true' && value !== 'false')
          throw new UsageError(`--watch-parent ${value}: must be true or false`);
        opts.watchParent = value === 'true';
        break;
    }
  }
  return opts;
}

/** The `env` command's output. Pure. */
export function envLines(
  opts: Pick<CliOptions, 'host' | 'port' | 'accessKey'>,
  region = 'us-east-1',
): string[] {
  const host = opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return [
    `export AWS_ENDPOINT_URL=http://${host}:${opts.port}`,
    `export AWS_ACCESS_KEY_ID=${opts.accessKey ?? 'sagemaker-local'}`,
    'export AWS_SECRET_ACCESS_KEY=sagemaker-local',
    `export AWS_REGION=${region}`,
    `export AWS_DEFAULT_REGION=${region}`,
  ];
}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let opts: CliOptions;
  let config: LocalConfig | undefined;
  try {
    opts = parseArgs(argv);
    if (opts.command === 'help') {
      out.write(USAGE);
      return 0;
    }
    if (opts.faults) parseFaults(opts.faults);
    const configFile = opts.config ?? (existsSync('sagemaker-local.yml') ? 'sagemaker-local.yml' : undefined);
    if (configFile) config = loadLocalConfig(configFile);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FaultSpecError || e instanceof LocalConfigError) {
      err.write(`sagemaker-local: ${e.message}\n${e instanceof UsageError ? USAGE : ''}`);
      return 2;
    }
    throw e;
  }
  if (opts.command === 'env') {
    out.write(`${envLines(opts, config?.region).join('\n')}\n`);
    return 0;
  }
  if (opts.command === 'stop') return stopCommand(opts.dataDir, err);
  const other = readPidFile(opts.dataDir);
  if (other && other.pid !== process.pid && isSagemakerLocal(other.pid)) {
    err.write(
      `sagemaker-local: cannot start: another sagemaker-local (pid ${other.pid}${other.url ? `, ${other.url}` : ''}) uses the data dir ${opts.dataDir}; stop it with \`sagemaker-local stop --data-dir ${opts.dataDir}\`\n`,
    );
    return 1;
  }
  // Signal handlers first, so a SIGTERM that follows the listening line at once is handled.
  let signalled: string | undefined;
  let onStop: (() => void) | undefined;
  const onSignal = (signal: string): void => {
    if (signalled) return;
    signalled = signal;
    onStop?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let handle;
  try {
    handle = await startLocal({
      port: opts.port,
      host: opts.host,
      dataDir: opts.dataDir,
      ...(config ? { config } : {}),
      ...(opts.faults ? { faults: opts.faults } : {}),
      seed: opts.seed,
      lazyS3: true,
      ...(opts.accessKey ? { accessKey: opts.accessKey } : {}),
      ...(opts.python ? { python: opts.python } : {}),
    });
  } catch (e) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const code = (e as NodeJS.ErrnoException).code;
    err.write(
      `sagemaker-local: cannot start: ${code === 'EADDRINUSE' ? `port ${opts.port} is already in use (use --port 0 for a free one)` : (e as Error).message}\n`,
    );
    return 1;
  }
  const running = handle;
  writePidFile(running.dataDir, process.pid, running.url);
  const unwatch = opts.watchParent ? watchParent((why) => onSignal(`${why}`)) : () => {};
  out.write(`sagemaker-local listening on ${running.url}\n`);
  err.write(
    `sagemaker-local: data in ${running.dataDir}; run \`sagemaker-local env --port ${running.port}\` for the environment to export\n`,
  );
  await new Promise<void>((resolve) => {
    onStop = () => {
      err.write(`sagemaker-local: ${signalled}: stopping jobs and the server\n`);
      void running.stop().then(resolve);
    };
    if (signalled) onStop();
  });
  unwatch();
  removePidFile(running.dataDir, process.pid);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return 0;
}

async function stopCommand(dataDir: string, err: NodeJS.WritableStream): Promise<number> {
  const { outcome, pid } = await stopServer(dataDir);
  if (outcome === 'not-running') {
    err.write(`sagemaker-local: no sagemaker-local is running for the data dir ${dataDir}\n`);
    return 0;
  }
  if (outcome === 'timeout') {
    err.write(
      `sagemaker-local: pid ${pid} did not exit within 30 s of SIGTERM; it may still be stopping jobs\n`,
    );
    return 1;
  }
  err.write(`sagemaker-local: stopped pid ${pid}\n`);
  return 0;
}
