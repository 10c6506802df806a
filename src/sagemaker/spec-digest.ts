import { createHash } from 'node:crypto';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

/**
 * A job's spec digest: which request it was created from, stored as a tag on the job at Create
 * time so that a later run re-attaches to or reuses a job only when it asks for the same thing
 * (AWS compares nothing: a Describe of an existing name answers whatever was created under it).
 *
 * The tag value holds one short hash per top-level field of the Create request (minus the
 * volatile ones: the name, which differs per attempt, and the tags), so a mismatch can say which
 * fields differ. Tag values allow letters, digits, spaces and `_.:/=+-@`; the value is
 * `Field=hash8 Field=hash8 ...` sorted by field name (about 200 of the 256 characters allowed).
 * Environment values enter only through a hash; whoever can read the tag (sagemaker:ListTags) can
 * read the Environment in plain text with Describe* anyway.
 */
export const SPEC_DIGEST_TAG = 'sagemaker-actions:spec-digest';

const VOLATILE = new Set(['TrainingJobName', 'ProcessingJobName', 'Tags']);

/** JSON with object keys sorted at every level and undefined members dropped (pure). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The digest tag value of a Create* request (pure). */
export function specDigest(request: object): string {
  return Object.entries(request)
    .filter(([k, v]) => !VOLATILE.has(k) && v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, 8)}`)
    .join(' ');
}

function fields(digest: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of digest.split(' ')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

/** The top-level request fields whose digests differ (added, removed or changed), sorted (pure). */
export function differingFields(expected: string, actual: string): string[] {
  const a = fields(expected);
  const b = fields(actual);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}

/** The request's tags with the digest tag set (ours wins over a user tag of the same key). */
export function withDigestTag(
  tags: Record<string, string>,
  request: object,
): { Key: string; Value: string }[] {
  const list = Object.entries(tags)
    .filter(([Key]) => Key !== SPEC_DIGEST_TAG)
    .map(([Key, Value]) => ({ Key, Value }));
  return [...list, { Key: SPEC_DIGEST_TAG, Value: specDigest(request) }];
}

/** The digest tag of an existing job (sagemaker:ListTags); undefined when the job has none. */
export async function readDigestTag(client: SageMakerClient, arn: string): Promise<string | undefined> {
  const { ListTagsCommand } = await import('../aws/sdk-sagemaker.js');
  const res = await client.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }));
  return res?.Tags?.find((t) => t.Key === SPEC_DIGEST_TAG)?.Value;
}
