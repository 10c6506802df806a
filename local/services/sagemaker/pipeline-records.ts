/** Pipeline names, ARNs and idempotency tokens, shared by the pipeline and execution operations. */
import type { LocalContext, Rec } from '../../context.js';
import { AwsError } from '../../protocol.js';
import type { Checker } from '../../validate.js';

export const PIPELINE_NAME_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;
export const PIPELINE_ARN_RE = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:pipeline\/(.+)$/;
export const TOKEN_RE = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;

/** ClientRequestToken: 32-128 characters (the SDKs fill it in with a UUID). */
export function checkToken(c: Checker, value: unknown, required: boolean): void {
  c.string('ClientRequestToken', value, { required, min: 32, max: 128, pattern: TOKEN_RE });
}

/** The pipeline a PipelineName (name or ARN) names, or ResourceNotFound. */
export function findPipeline(ctx: LocalContext, nameOrArn: string): Rec {
  const m = PIPELINE_ARN_RE.exec(nameOrArn);
  const name = (m ? m[1]! : nameOrArn).toLowerCase();
  const rec =
    ctx.state.pipelines.get(nameOrArn) ??
    ctx.state.pipelines.values().find((p) => String(p['PipelineName']).toLowerCase() === name);
  // Missing pipeline: ResourceNotFound, as the API reference lists for these operations.
  if (!rec) throw new AwsError('ResourceNotFound', `Pipeline '${nameOrArn}' does not exist.`);
  return rec;
}

/** The NextToken scope of a List request: the listing, its filters and its sort (not the paging). */
export function listScope(listing: string, req: Record<string, unknown>): string {
  const { NextToken: _token, MaxResults: _max, ...filters } = req;
  return JSON.stringify([listing, filters]);
}
