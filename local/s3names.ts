/**
 * Which S3 bucket names, keys and upload ids may reach the filesystem store. s3rver maps
 * `<bucket>/<key>` straight onto paths under the data dir, so a name that decodes to a `.` or
 * `..` path segment (or carries a NUL) would read, write or delete outside it. AWS accepts such
 * keys; sagemaker-local refuses them (documented in local/README.md, Security). Pure.
 */

/** Names are checked as given and after up to three further rounds of percent-decoding. */
function decodings(name: string): string[] {
  const out = [name];
  let cur = name;
  for (let i = 0; i < 3 && cur.includes('%'); i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      break;
    }
    if (next === cur) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/** Why a key (or any path-like name) is unsafe to store, or undefined when it is safe. */
export function unsafeKeyReason(key: string): string | undefined {
  for (const form of decodings(key)) {
    if (form.includes('\0')) return 'contains a NUL character';
    // Backslashes count as separators too: they are on Windows, and a key must mean one thing.
    if (form.split(/[\\/]/).some((seg) => seg === '.' || seg === '..'))
      return "has a '.' or '..' path segment";
  }
  return undefined;
}

/** Why a bucket name is unsafe, or undefined. Buckets are one path segment. */
export function unsafeBucketReason(bucket: string): string | undefined {
  if (bucket === '') return 'is empty';
  const reason = unsafeKeyReason(bucket);
  if (reason) return reason;
  if (decodings(bucket).some((f) => /[\\/]/.test(f))) return 'contains a path separator';
  return undefined;
}

/** An upload id is one path segment too (s3rver makes 32 hex digits). */
export const unsafeUploadIdReason = unsafeBucketReason;

/** decodeURIComponent that keeps the raw text when it is not valid percent-encoding (as koa-router). */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Bucket and key of a path-style request path (`/bucket/key...`), decoded as s3rver's router does. */
export function s3PathParts(rawPath: string): { bucket?: string; key?: string } {
  const m = /^\/([^/]*)(?:\/(.*))?$/s.exec(rawPath);
  if (!m || m[1] === '') return {};
  return { bucket: safeDecode(m[1]!), ...(m[2] !== undefined ? { key: safeDecode(m[2]) } : {}) };
}

/** Bucket and key of an `x-amz-copy-source` header (`[/]bucket/key[?versionId=..]`), decoded. */
export function copySourceParts(header: string): { bucket: string; key: string } {
  const noQuery = header.replace(/\?.*$/s, '');
  const text = safeDecode(noQuery.startsWith('/') ? noQuery.slice(1) : noQuery);
  const slash = text.indexOf('/');
  return slash === -1
    ? { bucket: text, key: '' }
    : { bucket: text.slice(0, slash), key: text.slice(slash + 1) };
}
