// Starts `sagemaker-local start --port 0` as a child process (as a user would), waits for its
// one "listening" line, and returns { url, env, stop() }. Used by the demo and benches.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export async function startLocalProcess({ dataDir, cwd, extraArgs = [], timeoutMs = 60_000 }) {
  const child = spawn(
    process.execPath,
    [join(cwd, 'bin', 'sagemaker-local.js'), 'start', '--port', '0', '--data-dir', dataDir, ...extraArgs],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`sagemaker-local did not start within ${timeoutMs / 1000} s: ${stderr.slice(-500)}`),
        ),
      timeoutMs,
    );
    child.stdout.on('data', (c) => {
      out += c;
      const m = /sagemaker-local listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sagemaker-local exited (${code}) before listening: ${stderr.slice(-500)}`));
    });
  });
  const env = {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
  };
  return {
    url,
    env,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.on('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
