/**
 * Loads s3rver with one narrow fix: its ListObjectsV2 continuation tokens are encrypted with
 * DES, which OpenSSL 3 (Node >= 17) no longer provides, so every truncated ListObjectsV2 answered
 * InternalError. When (and only when) DES is unavailable, `crypto.createCipheriv/Decipheriv`
 * calls for 'des' are served with AES-128-CBC over the doubled 8-byte key and IV. Nothing else
 * can be using 'des' successfully on such a runtime (it throws), so no other caller changes.
 * Tokens stay opaque to clients.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let patched = false;

export function desAvailable(): boolean {
  try {
    crypto.createCipheriv('des', Buffer.alloc(8), Buffer.alloc(8));
    return true;
  } catch {
    return false;
  }
}

/** Maps a DES call to AES-128-CBC arguments (pure). */
export function desToAes(key: Buffer, iv: Buffer): [string, Buffer, Buffer] {
  return ['aes-128-cbc', Buffer.concat([key, key]), Buffer.concat([iv, iv])];
}

export function installDesFallback(): void {
  if (patched || desAvailable()) return;
  patched = true;
  const c = crypto as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const fn of ['createCipheriv', 'createDecipheriv']) {
    const original = c[fn]!.bind(crypto);
    c[fn] = (alg: unknown, key: unknown, iv: unknown, ...rest: unknown[]) =>
      alg === 'des' && Buffer.isBuffer(key) && Buffer.isBuffer(iv) && key.length === 8 && iv.length === 8
        ? original(...desToAes(key, iv), ...rest)
        : original(alg, key, iv, ...rest);
  }
}

export function loadS3rver(): unknown {
  installDesFallback();
  return require('s3rver');
}
