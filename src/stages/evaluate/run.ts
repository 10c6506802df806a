import type { AwsClients } from '../../aws/clients.js';
import type { EvaluationResult } from '../../metrics/types.js';
import { evaluateThresholds } from '../../gates/thresholds.js';
import { decideGate, type GateDecision } from '../../gates/decide.js';
import type { Comparison } from '../../gates/champion.js';
import { builtinXgboostImage } from '../../sagemaker/images.js';
import { pullRequestNumber, readEventPayload } from '../../github/pr-comment.js';
import { scoreCandidate } from './candidate.js';
import type { ChampionInfo } from './champion.js';
import { compareWithChampion, lookupChampion } from './champion-lookup.js';
import { registerCandidate } from './register.js';
import { localReportPath, reportUriNextTo, saveReportLocally, uploadReport } from './report-file.js';
import type { EvaluateSettings } from './settings.js';
import type { EvaluateDeps } from './deps.js';

export type { EvaluateDeps } from './deps.js';

export interface EvaluationOutcome {
  result: EvaluationResult | undefined;
  decision: GateDecision;
  champion: ChampionInfo | undefined;
  championHow: string | undefined;
  reportUri: string | undefined;
  localReport: string | undefined;
  modelPackageArn: string | undefined;
  source: string;
  notes: string[];
}

/** Gets the predictions, computes metrics, compares with the champion, gates, reports, registers. */
export async function runEvaluation(
  settings: EvaluateSettings,
  deps: EvaluateDeps,
): Promise<EvaluationOutcome> {
  const notes = [...settings.warnings];
  const problems: string[] = [];
  let clients: AwsClients | undefined;
  const aws = (): AwsClients => (clients ??= deps.aws());
  const s3 = () => aws().s3();
  const sm = () => aws().sagemaker();
  const { source } = settings;

  // 1. The champion (looked up first: its transform runs alongside the candidate's).
  let champion: ChampionInfo | undefined;
  if (settings.modelPackageGroup) {
    champion = await lookupChampion(await sm(), settings.modelPackageGroup);
    if (champion) deps.log.untrustedBlock('champion:', champion.arn);
    else {
      notes.push(`no Approved package in ${settings.modelPackageGroup} yet: gated on thresholds alone`);
      deps.log.info(
        `champion: none (no Approved package in ${settings.modelPackageGroup}); gating on thresholds alone`,
      );
    }
  }

  // 2. The candidate's metrics (and, in the transform flow, the champion's scores on the same rows).
  const candidate = await scoreCandidate(settings, champion, deps, aws);
  if (candidate.problem) problems.push(candidate.problem);
  const scored = candidate.scored;
  const result = scored?.result;

  // 3. Champion comparisons.
  let comparisons: Comparison[] = [];
  let championHow: string | undefined;
  if (champion && result) {
    const c = await compareWithChampion(settings, champion, result, scored, s3, deps.bootstrap);
    comparisons = c.comparisons;
    championHow = c.how;
    notes.push(...c.notes);
  }

  // 4. The gate.
  const outcomes = evaluateThresholds(settings.thresholds, result?.metrics ?? {});
  const decision = decideGate({
    outcomes,
    comparisons,
    maxRegression: settings.maxRegression,
    championFound: champion !== undefined,
    forceFail: settings.forceFail,
    problems,
  });

  // 5. The report: saved locally always, uploaded when a location is known.
  let localReport: string | undefined;
  let reportUri: string | undefined;
  if (result) {
    localReport = localReportPath(deps.env);
    await saveReportLocally(localReport, result.report);
    const target =
      settings.reportS3Uri ??
      (source.kind === 'model-artifact' ? reportUriNextTo(source.modelArtifact) : undefined);
    if (target) {
      reportUri = await uploadReport(await s3(), target, result.report);
      deps.log.info(`report uploaded to ${reportUri}`);
    } else if (source.kind === 'evaluation-report' && /^s3:\/\//.test(source.report)) {
      reportUri = source.report;
    }
  }

  // 6. Registration.
  let modelPackageArn: string | undefined;
  if (settings.register && source.kind === 'model-artifact') {
    if (!result || !reportUri) {
      notes.push('not registered: there are no metrics to register with (the gate failed closed)');
    } else {
      modelPackageArn = await registerCandidate(await sm(), {
        group: settings.modelPackageGroup!,
        image: source.image ?? builtinXgboostImage(aws().region),
        modelDataUrl: source.modelArtifact.uri,
        reportUri,
        approve: settings.approveOnPass && decision.passed,
        decision,
        env: deps.env,
        prNumber: pullRequestNumber(deps.env['GITHUB_EVENT_NAME'], await readEventPayload(deps.env)),
      });
      deps.log.untrustedBlock('registered model package:', modelPackageArn);
    }
  }

  return {
    result,
    decision,
    champion,
    championHow,
    reportUri,
    localReport,
    modelPackageArn,
    source: candidate.sourceText,
    notes,
  };
}
