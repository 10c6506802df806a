/**
 * The Python runtime sagemaker-local runs jobs with: a python3 that imports xgboost, pandas and
 * sklearn (Debian's packages under /usr/bin/python3, or SAGEMAKER_LOCAL_PYTHON). When missing on
 * Linux it installs them with apt-get (through sudo when not root, as on GitHub's runners).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { StageFailure } from '../../core/errors.js';

export const PYTHON_PACKAGES = ['python3-xgboost', 'python3-pandas', 'python3-sklearn'];

export type Run = (
  cmd: string,
  args: string[],
) => Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'>;

const defaultRun: Run = (cmd, args) =>
  spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });

export function pythonPath(env: NodeJS.ProcessEnv): string {
  return env['SAGEMAKER_LOCAL_PYTHON'] || '/usr/bin/python3';
}

/**
 * Locates the modules without importing them (importing xgboost, which imports sklearn, costs
 * seconds of CPU at every start) and prints xgboost's installed version. A broken install still
 * fails its first job, with the import error in the job's log; sagemaker-local checks the same way.
 */
export const PROBE =
  'import importlib.util as u, sys\n' +
  'if not all(u.find_spec(m) for m in ("xgboost", "pandas", "sklearn")): sys.exit(1)\n' +
  'try:\n' +
  '    from importlib.metadata import version\n' +
  '    print(version("xgboost"))\n' +
  'except Exception:\n' +
  '    print("unknown version")';

function probe(python: string, run: Run): { ok: boolean; version: string } {
  const r = run(python, ['-c', PROBE]);
  return { ok: r.status === 0, version: String(r.stdout ?? '').trim() };
}

/** Returns the xgboost version, installing the packages first when allowed and needed. */
export function ensurePython(opts: {
  env: NodeJS.ProcessEnv;
  install: boolean;
  isRoot: boolean;
  log: (m: string) => void;
  run?: Run;
}): string {
  const run = opts.run ?? defaultRun;
  const python = pythonPath(opts.env);
  let p = probe(python, run);
  if (p.ok) return p.version;
  const how = `sudo apt-get install -y ${PYTHON_PACKAGES.join(' ')}`;
  if (!opts.install)
    throw new StageFailure(
      `${python} cannot import xgboost, pandas and sklearn, and install-python is false: run \`${how}\` first`,
    );
  const sudo = opts.isRoot ? [] : ['sudo', '-n'];
  const apt = (args: string[]): void => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    const r = run(cmd!, rest);
    if (r.status !== 0)
      throw new StageFailure(
        `apt-get ${args.join(' ')} failed (exit ${r.status}): ${String(r.stderr ?? '')
          .trim()
          .slice(-300)}; install with \`${how}\``,
      );
  };
  opts.log(`installing ${PYTHON_PACKAGES.join(', ')} with apt-get`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...PYTHON_PACKAGES]);
  p = probe(python, run);
  if (!p.ok)
    throw new StageFailure(
      `${python} still cannot import xgboost after installing ${PYTHON_PACKAGES.join(', ')}`,
    );
  return p.version;
}
