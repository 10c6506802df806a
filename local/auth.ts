/**
 * Access-key check (`--access-key KEY`): we do not verify signatures (no secrets are shared with
 * the emulator), only which access key id a request claims, as AWS rejects unknown keys.
 */

/** Access key id from a SigV4 `Authorization` header or presigned-URL query, if any. */
export function accessKeyIdOf(authorization: string | undefined, query: URLSearchParams): string | undefined {
  if (authorization) {
    const m = /Credential=([^/,\s]+)\//.exec(authorization);
    if (m) return m[1];
    const v2 = /^AWS ([^:\s]+):/.exec(authorization);
    if (v2) return v2[1];
    return undefined;
  }
  const cred = query.get('X-Amz-Credential');
  if (cred) return cred.split('/')[0];
  return query.get('AWSAccessKeyId') ?? undefined;
}
