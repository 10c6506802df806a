/**
 * templates/iam: valid CloudFormation (checked against the AWS resource specification), valid IAM
 * policy grammar, trust scoped to one repository (and the production environment for deploys), and
 * every AWS API the actions call allowed by the CI role's policy.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import {
  actionMatches,
  allowedActions,
  checkPolicy,
  validateTemplate,
} from '../../helpers/cloudformation.js';

const TEMPLATE = 'templates/iam/sagemaker-actions-iam.yml';
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const tpl = parse(readFileSync(TEMPLATE, 'utf8')) as Doc;
const res = tpl['Resources'] as Doc;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const CLIENTS: Record<string, string> = {
  'client-sagemaker': 'sagemaker',
  'client-sagemaker-runtime': 'sagemaker',
  'client-s3': 's3',
  'client-cloudwatch': 'cloudwatch',
  'client-cloudwatch-logs': 'logs',
};
// S3 API names that authorize as another IAM action.
const S3_ALIAS: Record<string, string> = {
  HeadObject: 'GetObject',
  ListObjectsV2: 'ListBucket',
  HeadBucket: 'ListBucket',
};

/**
 * `service:Action` of every AWS SDK command the sources send (`new XCommand(`), the service found
 * from which of the kit's AWS client packages exports the command (and the file mentions).
 */
async function sdkActions(files: string[]): Promise<Map<string, string[]>> {
  const exportsOf = new Map<string, Set<string>>();
  for (const pkg of Object.keys(CLIENTS))
    exportsOf.set(pkg, new Set(Object.keys(await import(`@aws-sdk/${pkg}`))));
  const out = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new\s+(\w+Command)\s*\(/g)) {
      const command = m[1]!;
      const pkgs = [...exportsOf].filter(([, names]) => names.has(command)).map(([pkg]) => pkg);
      const mentioned = pkgs.filter(
        (pkg) => text.includes(`@aws-sdk/${pkg}'`) || text.includes(`@aws-sdk/${pkg}/`),
      );
      const pkg = (mentioned.length ? mentioned : pkgs)[0];
      if (!pkg) throw new Error(`${file}: ${command} is not exported by any of the kit's AWS clients`);
      const prefix = CLIENTS[pkg]!;
      const api = command.replace(/Command$/, '');
      const action = `${prefix}:${prefix === 's3' ? (S3_ALIAS[api] ?? api) : api}`;
      out.set(action, [...new Set([...(out.get(action) ?? []), relative(process.cwd(), file)])]);
    }
  }
  return out;
}

describe('templates/iam CloudFormation', () => {
  it('is valid against the CloudFormation resource specification and IAM policy grammar', () => {
    expect(validateTemplate(tpl)).toEqual([]);
  });

  it('the checker catches what it should (so the test above can fail)', () => {
    const broken = structuredClone(tpl);
    broken.Resources.CiRole.Properties.RoleNme = 'x';
    delete broken.Resources.ExecutionRole.Properties.AssumeRolePolicyDocument;
    broken.Resources.Bogus = { Type: 'AWS::IAM::Rolez' };
    broken.Resources.CiPolicy.Properties.PolicyDocument.Statement[0].Effect = 'Allows';
    broken.Resources.DeployRole.Properties.ManagedPolicyArns = [{ Ref: 'Nope' }];
    const problems = validateTemplate(broken).join('\n');
    expect(problems).toMatch(/CiRole: AWS::IAM::Role has no property RoleNme/);
    expect(problems).toMatch(/ExecutionRole: AWS::IAM::Role requires AssumeRolePolicyDocument/);
    expect(problems).toMatch(/Bogus: unknown resource type AWS::IAM::Rolez/);
    expect(problems).toMatch(/Effect must be Allow or Deny/);
    expect(problems).toMatch(/Ref to unknown "Nope"/);
    expect(
      checkPolicy(
        {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3 GetObject', Resource: '*', Condition: { StringEq: {} } },
          ],
        },
        'p',
        'identity',
      ),
    ).toEqual([
      'p.Statement[0]: action "s3 GetObject" is not service:Action',
      'p.Statement[0]: unknown condition operator StringEq',
    ]);
  });

  it('trusts only this repository (PRs, main, v* tags) for CI and only its production environment for deploys', () => {
    const ci = res.CiRole.Properties.AssumeRolePolicyDocument.Statement;
    expect(ci).toHaveLength(1);
    expect(ci[0].Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(ci[0].Condition.StringEquals).toEqual({
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
    });
    const subs = ci[0].Condition.StringLike['token.actions.githubusercontent.com:sub'].map(
      (s: Doc) => s['Fn::Sub'],
    );
    expect(subs).toEqual([
      'repo:${GitHubOwner}/${GitHubRepository}:pull_request',
      'repo:${GitHubOwner}/${GitHubRepository}:ref:refs/heads/main',
      'repo:${GitHubOwner}/${GitHubRepository}:ref:refs/tags/v*',
    ]);
    for (const s of subs) expect(s).not.toMatch(/^repo:\*|:\*$/);
    const deploy = res.DeployRole.Properties.AssumeRolePolicyDocument.Statement[0].Condition;
    expect(deploy.StringLike).toBeUndefined();
    expect(deploy.StringEquals['token.actions.githubusercontent.com:sub']).toEqual({
      'Fn::Sub': 'repo:${GitHubOwner}/${GitHubRepository}:environment:${ProductionEnvironment}',
    });
  });

  const UNSCOPABLE_LISTS = ['sagemaker:ListModelPackages', 'sagemaker:ListMonitoringExecutions'];

  it('least privilege: no wildcard actions, iam:PassRole only for the execution role and only to SageMaker', () => {
    for (const name of ['CiPolicy', 'DeployPolicy']) {
      const statements = allowedActions(res[name].Properties.PolicyDocument);
      for (const s of statements) for (const a of s.actions) expect(a).not.toMatch(/^\*$|:\*$/);
      const pass = statements.filter((s) => s.actions.some((a) => actionMatches(a, 'iam:PassRole')));
      expect(pass).toHaveLength(1);
      expect(pass[0]!.resource).toEqual({ 'Fn::GetAtt': ['ExecutionRole', 'Arn'] });
      expect(pass[0]!.condition).toEqual({
        StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
      });
      // Resource '*' only for collection-wide List calls, which IAM cannot scope to a resource.
      const sagemaker = statements.filter((s) => s.actions.some((a) => a.startsWith('sagemaker:')));
      for (const s of sagemaker) {
        if (JSON.stringify(s.resource) === '"*"')
          expect(s.actions.filter((a) => !UNSCOPABLE_LISTS.includes(a))).toEqual([]);
        else expect(JSON.stringify(s.resource)).not.toContain('"*"');
      }
    }
  });

  it('allows every AWS API the actions call (scanned from src/, except setup-local which only talks to sagemaker-local)', async () => {
    const files = sourceFiles('src').filter((f) => !f.includes('setup-local'));
    const used = await sdkActions(files);
    expect(used.size).toBeGreaterThan(15);
    expect([...used.keys()]).toEqual(
      expect.arrayContaining(['sagemaker:CreateTrainingJob', 's3:GetObject', 'logs:GetLogEvents']),
    );
    const allowed = [
      ...allowedActions(res.CiPolicy.Properties.PolicyDocument),
      ...allowedActions(res.DeployPolicy.Properties.PolicyDocument),
    ].flatMap((s) => s.actions);
    const missing = [...used.entries()]
      .filter(([a]) => !allowed.some((p) => actionMatches(p, a)))
      .map(([a, f]) => `${a} (${f.join(', ')})`);
    expect(missing).toEqual([]);
    // Jobs and models are created with the execution role: the policy must let it be passed.
    if (
      [...used.keys()].some((a) =>
        /^sagemaker:Create(Training|Processing|Transform)Job$|^sagemaker:CreateModel$/.test(a),
      )
    )
      expect(allowed.some((p) => actionMatches(p, 'iam:PassRole'))).toBe(true);
  });
});
