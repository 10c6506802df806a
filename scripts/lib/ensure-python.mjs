// Makes sure a Python that can import xgboost, pandas and sklearn is present (Debian's packages
// under /usr/bin/python3, or SAGEMAKER_LOCAL_PYTHON). As root it installs what is missing with
// apt-get; otherwise it says which command to run. Used by `npm test` (pretest) and the demo.
import { spawnSync } from 'node:child_process';

const PACKAGES = ['python3-xgboost', 'python3-pandas', 'python3-sklearn'];

function probe() {
  const python = process.env.SAGEMAKER_LOCAL_PYTHON || '/usr/bin/python3';
  const r = spawnSync(python, ['-c', 'import xgboost, pandas, sklearn; print(xgboost.__version__)'], {
    encoding: 'utf8',
  });
  return {
    ok: r.status === 0,
    version: (r.stdout ?? '').trim(),
    python,
    error: (r.stderr ?? r.error?.message ?? '').trim(),
  };
}

function apt(args) {
  const r = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
}

/** Returns the xgboost version; installs the Debian packages first when missing and root. */
export function ensurePython({ log = console.log } = {}) {
  let p = probe();
  if (p.ok) return p.version;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(
      `${p.python} cannot import xgboost, pandas and sklearn: install them with ` +
        `\`sudo apt-get install -y ${PACKAGES.join(' ')}\`, or point SAGEMAKER_LOCAL_PYTHON at a Python that has them`,
    );
  }
  log(`installing Debian packages ${PACKAGES.join(' ')} …`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]);
  p = probe();
  if (!p.ok) throw new Error(`${p.python} still cannot import xgboost after installing: ${p.error}`);
  return p.version;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  try {
    console.log(`python runtime: xgboost ${ensurePython()}`);
  } catch (err) {
    console.error(`ensure-python: ${err.message}`);
    process.exit(1);
  }
}
