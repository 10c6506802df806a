/**
 * A workflow's YAML as parsed by GitHub's own @actions/workflow-parser, turned into plain values:
 * literals stay literals and every `${{ }}` (including a string with several, which the parser
 * rewrites as one `format(...)` call) becomes an {@link Expression} evaluated later, in the
 * context where the runner evaluates it.
 */
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';

export class Expression {
  constructor(
    /** The expression without `${{ }}`. */
    readonly expr: string,
    /** Where it came from (`file:line`), for messages. */
    readonly where = '',
    /** The text as written in the file (with its `${{ }}`), for names shown to people. */
    readonly source?: string,
  ) {}
}

export type Tmpl = string | number | boolean | null | Expression | Tmpl[] | TmplMap;
export interface TmplMap {
  [key: string]: Tmpl;
}

export function isTmplMap(t: Tmpl | undefined): t is TmplMap {
  return typeof t === 'object' && t !== null && !Array.isArray(t) && !(t instanceof Expression);
}

/** Converts a parsed token tree into a {@link Tmpl}. `fileName` labels expressions. */
export function fromToken(token: TemplateToken, fileName = ''): Tmpl {
  const where = token.line !== undefined ? `${fileName}:${token.line}` : fileName;
  if (isBasicExpression(token)) return new Expression(token.expression, where, token.source);
  if (isString(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isSequence(token)) {
    const out: Tmpl[] = [];
    for (const item of token) out.push(fromToken(item, fileName));
    return out;
  }
  if (isMapping(token)) {
    const out: TmplMap = {};
    for (const pair of token) {
      const key = isString(pair.key) ? pair.key.value : String(fromToken(pair.key, fileName));
      out[key] = fromToken(pair.value, fileName);
    }
    return out;
  }
  return null;
}

/** True when the template holds no expression anywhere. */
export function isLiteralTmpl(t: Tmpl): boolean {
  if (t instanceof Expression) return false;
  if (Array.isArray(t)) return t.every(isLiteralTmpl);
  if (isTmplMap(t)) return Object.values(t).every(isLiteralTmpl);
  return true;
}
