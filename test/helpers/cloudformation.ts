/**
 * A CloudFormation template checker built on the AWS resource specification shipped in
 * @aws-cdk/cfnspec (cfn-lint is not installable here): resource types, required and known
 * properties, resource attributes, Ref/GetAtt/Sub/If targets, and IAM policy grammar.
 */
import { createRequire } from 'node:module';

interface SpecProperty {
  Required?: boolean;
  PrimitiveType?: string;
  Type?: string;
}
interface SpecResource {
  Properties?: Record<string, SpecProperty>;
  Attributes?: Record<string, unknown>;
}
interface Spec {
  ResourceTypes: Record<string, SpecResource>;
}

const require = createRequire(import.meta.url);
let spec: Spec | undefined;
export function cfnSpec(): Spec {
  spec ??= require('@aws-cdk/cfnspec/spec/specification.json') as Spec;
  return spec;
}

type Doc = Record<string, unknown>;
const isObj = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOP = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Rules',
]);
const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'Condition',
  'DependsOn',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);
const PARAM_TYPES = new Set(['String', 'Number', 'List<Number>', 'CommaDelimitedList']);
const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const CONDITION_OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);
const ACTION_RE = /^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/;

function conditionOperatorOk(op: string): boolean {
  const base = op.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
  return CONDITION_OPERATORS.has(base);
}

/** IAM policy grammar: `kind` trust (has Principal, no Resource) or identity (Resource, no Principal). */
export function checkPolicy(doc: unknown, where: string, kind: 'trust' | 'identity'): string[] {
  const p: string[] = [];
  if (!isObj(doc)) return [`${where}: a policy document must be a mapping`];
  if (doc['Version'] !== '2012-10-17') p.push(`${where}: Version must be '2012-10-17'`);
  const statements = Array.isArray(doc['Statement'])
    ? doc['Statement']
    : isObj(doc['Statement'])
      ? [doc['Statement']]
      : undefined;
  if (!statements || statements.length === 0) return [...p, `${where}: Statement must be a non-empty list`];
  const sids = new Set<string>();
  statements.forEach((s, i) => {
    const at = `${where}.Statement[${i}]`;
    if (!isObj(s)) return p.push(`${at}: must be a mapping`);
    for (const k of Object.keys(s)) if (!STATEMENT_KEYS.has(k)) p.push(`${at}: unknown key ${k}`);
    if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') p.push(`${at}: Effect must be Allow or Deny`);
    if ((s['Action'] === undefined) === (s['NotAction'] === undefined))
      p.push(`${at}: exactly one of Action, NotAction`);
    for (const a of [s['Action'] ?? s['NotAction']].flat())
      if (typeof a !== 'string' || !ACTION_RE.test(a))
        p.push(`${at}: action ${JSON.stringify(a)} is not service:Action`);
    if (typeof s['Sid'] === 'string') {
      if (!/^[A-Za-z0-9]+$/.test(s['Sid'])) p.push(`${at}: Sid ${s['Sid']} must be alphanumeric`);
      if (sids.has(s['Sid'])) p.push(`${at}: duplicate Sid ${s['Sid']}`);
      sids.add(s['Sid']);
    }
    const hasPrincipal = s['Principal'] !== undefined || s['NotPrincipal'] !== undefined;
    const hasResource = s['Resource'] !== undefined || s['NotResource'] !== undefined;
    if (kind === 'trust' && (!hasPrincipal || hasResource))
      p.push(`${at}: a trust policy statement needs Principal and no Resource`);
    if (kind === 'identity' && (hasPrincipal || !hasResource))
      p.push(`${at}: an identity policy statement needs Resource and no Principal`);
    if (s['Condition'] !== undefined) {
      if (!isObj(s['Condition'])) p.push(`${at}: Condition must be a mapping`);
      else
        for (const op of Object.keys(s['Condition']))
          if (!conditionOperatorOk(op)) p.push(`${at}: unknown condition operator ${op}`);
    }
  });
  return p;
}

/** Every problem in a parsed template (empty when valid). */
export function validateTemplate(tpl: unknown): string[] {
  const p: string[] = [];
  if (!isObj(tpl)) return ['the template must be a mapping'];
  for (const k of Object.keys(tpl)) if (!TOP.has(k)) p.push(`unknown top-level key ${k}`);
  const params = isObj(tpl['Parameters']) ? tpl['Parameters'] : {};
  const conditions = isObj(tpl['Conditions']) ? tpl['Conditions'] : {};
  const resources = isObj(tpl['Resources']) ? tpl['Resources'] : {};
  if (Object.keys(resources).length === 0) p.push('Resources is empty');
  for (const [name, def] of Object.entries(params))
    if (
      !isObj(def) ||
      typeof def['Type'] !== 'string' ||
      !(PARAM_TYPES.has(def['Type']) || def['Type'].startsWith('AWS::'))
    )
      p.push(`Parameters.${name}: unknown Type`);

  const types = cfnSpec().ResourceTypes;
  const refOk = (n: string): boolean => n in params || n in resources || PSEUDO.has(n);
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`));
    if (!isObj(v)) return;
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const [fn] = keys as [string];
      const arg = v[fn];
      if (fn === 'Ref' && (typeof arg !== 'string' || !refOk(arg)))
        p.push(`${at}: Ref to unknown ${JSON.stringify(arg)}`);
      if (fn === 'Fn::GetAtt') {
        const [res, attr] = Array.isArray(arg) ? arg : String(arg).split('.');
        const r = resources[String(res)];
        const type = isObj(r) ? String(r['Type']) : '';
        if (!isObj(r)) p.push(`${at}: GetAtt of unknown resource ${String(res)}`);
        else if (!(String(attr) in (types[type]?.Attributes ?? {})))
          p.push(`${at}: ${type} has no attribute ${String(attr)}`);
      }
      if (fn === 'Fn::Sub') {
        const text = Array.isArray(arg) ? String(arg[0]) : String(arg);
        const local = Array.isArray(arg) && isObj(arg[1]) ? Object.keys(arg[1]) : [];
        for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const name = m[1]!.split('.')[0]!;
          if (!refOk(name) && !local.includes(name) && !refOk(m[1]!))
            p.push(`${at}: Sub variable \${${m[1]}} is not a parameter, resource or pseudo parameter`);
        }
      }
      if (fn === 'Fn::If' && (!Array.isArray(arg) || !(String(arg[0]) in conditions)))
        p.push(`${at}: Fn::If on unknown condition`);
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };

  for (const [name, r] of Object.entries(resources)) {
    const at = `Resources.${name}`;
    if (!isObj(r)) {
      p.push(`${at}: must be a mapping`);
      continue;
    }
    for (const k of Object.keys(r))
      if (!RESOURCE_KEYS.has(k)) p.push(`${at}: unknown resource attribute ${k}`);
    const type = String(r['Type']);
    const specType = types[type];
    if (!specType) {
      p.push(`${at}: unknown resource type ${type}`);
      continue;
    }
    if (r['Condition'] !== undefined && !(String(r['Condition']) in conditions))
      p.push(`${at}: unknown Condition ${String(r['Condition'])}`);
    const props = isObj(r['Properties']) ? r['Properties'] : {};
    const known = specType.Properties ?? {};
    for (const k of Object.keys(props)) if (!(k in known)) p.push(`${at}: ${type} has no property ${k}`);
    for (const [k, s] of Object.entries(known))
      if (s.Required && props[k] === undefined) p.push(`${at}: ${type} requires ${k}`);
    for (const [k, s] of Object.entries(known)) {
      const v = props[k];
      if (v === undefined) continue;
      if (s.Type === 'List' && !Array.isArray(v) && !isObj(v)) p.push(`${at}.${k}: must be a list`);
      if (
        s.PrimitiveType === 'String' &&
        (Array.isArray(v) || (isObj(v) && !Object.keys(v).some((x) => x === 'Ref' || x.startsWith('Fn::'))))
      )
        p.push(`${at}.${k}: must be a string`);
    }
    if (type === 'AWS::IAM::Role') {
      p.push(...checkPolicy(props['AssumeRolePolicyDocument'], `${at}.AssumeRolePolicyDocument`, 'trust'));
      (Array.isArray(props['Policies']) ? props['Policies'] : []).forEach((pol, i) =>
        p.push(
          ...checkPolicy(isObj(pol) ? pol['PolicyDocument'] : undefined, `${at}.Policies[${i}]`, 'identity'),
        ),
      );
    }
    if (type === 'AWS::IAM::ManagedPolicy' || type === 'AWS::IAM::Policy')
      p.push(...checkPolicy(props['PolicyDocument'], `${at}.PolicyDocument`, 'identity'));
    walk(props, `${at}.Properties`);
  }
  walk(tpl['Outputs'], 'Outputs');
  return p;
}

/** Statements of an identity policy as plain data (Allow only). */
export function allowedActions(
  policy: unknown,
): { actions: string[]; resource: unknown; condition: unknown }[] {
  if (!isObj(policy)) return [];
  const st = Array.isArray(policy['Statement']) ? policy['Statement'] : [];
  return st
    .filter((s): s is Doc => isObj(s) && s['Effect'] === 'Allow' && s['Action'] !== undefined)
    .map((s) => ({
      actions: [s['Action']].flat().map(String),
      resource: s['Resource'],
      condition: s['Condition'],
    }));
}

/** IAM action pattern match (`*` and `?` wildcards, case-insensitive like IAM). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(action);
}
