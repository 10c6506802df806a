// Peak RSS of sagemaker-local (the bin, as a user runs it) while it receives a 400 MiB aws-chunked
// PUT: the de-chunking streams, so memory stays flat. Usage: node bench/local-upload-memory.mjs [repo root] (Linux: reads /proc).
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
const root = process.argv[2] ?? join(new URL('.', import.meta.url).pathname, '..');
const dir = mkdtempSync(join(tmpdir(), 'hardening-mem-'));
const child = spawn(
  process.execPath,
  [join(root, 'bin/sagemaker-local.js'), 'start', '--port', '0', '--data-dir', dir],
  { stdio: ['ignore', 'pipe', 'ignore'] },
);
const line = await new Promise((r) => createInterface({ input: child.stdout }).once('line', r));
const port = Number(/:(\d+)$/.exec(line)[1]);
const put = (path, headers, body) =>
  new Promise((res, rej) => {
    const q = request(
      { host: '127.0.0.1', port, method: 'PUT', path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (r) => {
        r.resume();
        r.on('end', () => res(r.statusCode));
      },
    );
    q.on('error', rej);
    body(q);
  });
await put('/bkt', { 'content-length': '0' }, (q) => q.end());
const chunk = Buffer.alloc(1024 * 1024, 7);
const n = 400;
const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
const status = await put(
  '/bkt/big',
  {
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': String(n * chunk.length),
    'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    'content-length': String(n * frame.length + 5),
  },
  async (q) => {
    for (let i = 0; i < n; i++) if (!q.write(frame)) await new Promise((r) => q.once('drain', r));
    q.end('0\r\n\r\n');
  },
);
const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1];
console.log(
  `status ${status}; server peak RSS ${(hwm / 1024).toFixed(0)} MiB for a ${n} MiB aws-chunked PUT`,
);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dir, { recursive: true, force: true });
