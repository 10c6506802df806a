import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { GateDecision } from '../../gates/decide.js';
import { createModelPackage, ensureModelPackageGroup, sanitizeMetadata } from '../../sagemaker/registry.js';

export interface RegisterInput {
  group: string;
  image: string;
  modelDataUrl: string;
  reportUri: string;
  /** Approve (approve-on-pass and the gate passed); otherwise PendingManualApproval. */
  approve: boolean;
  decision: GateDecision;
  env: NodeJS.ProcessEnv;
  prNumber?: number | undefined;
}

export function gateLabel(decision: GateDecision): string {
  return decision.forced ? 'forced-fail' : decision.passed ? 'passed' : 'failed';
}

/** CustomerMetadataProperties: commit, run URL, PR number, gate result (sanitized to the allowed charset). */
export function packageMetadata(
  input: Pick<RegisterInput, 'decision' | 'env' | 'prNumber'>,
): Record<string, string> {
  const { env } = input;
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  const runUrl =
    env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
      ? `${server}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}${env['GITHUB_RUN_ATTEMPT'] ? `/attempts/${env['GITHUB_RUN_ATTEMPT']}` : ''}`
      : undefined;
  return sanitizeMetadata({
    commit: env['GITHUB_SHA'],
    repository: env['GITHUB_REPOSITORY'],
    run_url: runUrl,
    pr_number: input.prNumber,
    gate_result: gateLabel(input.decision),
    decided_by: input.decision.decidedBy,
    registered_by: 'sagemaker-actions/evaluate',
  });
}

export async function registerCandidate(sm: SageMakerClient, input: RegisterInput): Promise<string> {
  await ensureModelPackageGroup(sm, input.group, `Models registered by sagemaker-actions/evaluate`);
  return createModelPackage(sm, {
    group: input.group,
    description: `${gateLabel(input.decision)}: ${input.decision.decidedBy}`,
    image: input.image,
    modelDataUrl: input.modelDataUrl,
    reportUri: input.reportUri,
    approval: input.approve ? 'Approved' : 'PendingManualApproval',
    metadata: packageMetadata(input),
  });
}
