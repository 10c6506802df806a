/**
 * Which Python runs XGBoost and user scripts: SAGEMAKER_LOCAL_PYTHON (or the `python` option /
 * config key), then /usr/bin/python3 (Debian's python3-xgboost), then python3 on PATH: the first
 * that can `import xgboost, pandas, sklearn`.
 */
import { spawn } from 'node:child_process';

export const REQUIRED_MODULES = 'xgboost, pandas, sklearn';

export function pythonCandidates(
  override: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const list = [override, env['SAGEMAKER_LOCAL_PYTHON'], '/usr/bin/python3', 'python3'].filter(
    (p): p is string => !!p,
  );
  return [...new Set(list)];
}

function canImport(python: string): Promise<boolean> {
  return new Promise((resolve) => {
    // find_spec locates the modules without importing them (importing xgboost takes seconds);
    // a broken install still fails the job, with the import error in its log.
    const check = `import importlib.util as u, sys; sys.exit(0 if all(u.find_spec(m) for m in ${JSON.stringify(REQUIRED_MODULES.split(', '))}) else 1)`;
    const child = spawn(python, ['-c', check], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

export class PythonResolver {
  private found: Promise<string | undefined> | undefined;
  constructor(private readonly candidates: string[]) {}

  /** The first candidate that imports the modules (checked once, then cached). */
  resolve(): Promise<string | undefined> {
    this.found ??= (async () => {
      for (const c of this.candidates) if (await canImport(c)) return c;
      return undefined;
    })();
    return this.found;
  }

  /** FailureReason when none qualifies. */
  missingReason(): string {
    return (
      `ClientError: no Python that can import ${REQUIRED_MODULES} was found (tried ${this.candidates.join(', ')}). ` +
      'Install python3-xgboost python3-pandas python3-sklearn (apt-get) or set SAGEMAKER_LOCAL_PYTHON.'
    );
  }
}
