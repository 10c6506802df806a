import { AwsError } from '../protocol.js';

/**
 * CloudWatch Logs term patterns: `ERROR` (term), `"exact phrase"`, several terms (all must
 * appear), `?a ?b` (any of), `-term` (must not appear). JSON/space-delimited patterns are not
 * supported and answered with InvalidParameterException.
 */
export function compileFilterPattern(pattern: string): (message: string) => boolean {
  const p = pattern.trim();
  if (!p) return () => true;
  if (p.startsWith('{') || p.startsWith('[')) {
    throw new AwsError(
      'InvalidParameterException',
      `sagemaker-local supports only term filter patterns, not '${p}'`,
    );
  }
  const tokens = [...p.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({
    op: m[1] ?? '',
    term: m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!,
  }));
  const all = tokens.filter((t) => t.op === '').map((t) => t.term);
  const any = tokens.filter((t) => t.op === '?').map((t) => t.term);
  const none = tokens.filter((t) => t.op === '-').map((t) => t.term);
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    none.every((t) => !message.includes(t));
}
