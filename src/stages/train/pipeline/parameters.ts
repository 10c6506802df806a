/**
 * pipeline-parameters checked against the parameters a definition declares, before anything is
 * created or started: unknown names, values of the wrong type, and required parameters (no
 * DefaultValue) that were not given are ConfigurationErrors naming the parameter and the fix.
 */
import { ConfigurationError } from '../../../core/errors.js';
import { show } from '../../../core/inputs.js';
import type { DeclaredParameter } from './definition.js';

export interface PipelineParameter {
  Name: string;
  Value: string;
}

/** A value from the input map (YAML may give numbers and booleans) as the text the API takes. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

function typeProblem(type: DeclaredParameter['type'], text: string): string | undefined {
  switch (type) {
    case 'Integer':
      return /^[-+]?\d+$/.test(text.trim()) ? undefined : 'a whole number';
    case 'Float':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? undefined : 'a number';
    case 'Boolean':
      return text === 'true' || text === 'false' ? undefined : 'true or false';
    default:
      return text.length <= 1024 ? undefined : 'at most 1024 characters';
  }
}

export function checkPipelineParameters(
  given: Record<string, unknown>,
  declared: readonly DeclaredParameter[],
  input: string,
): PipelineParameter[] {
  const problems: string[] = [];
  const out: PipelineParameter[] = [];
  const names = declared.map((d) => d.name);
  for (const [name, raw] of Object.entries(given)) {
    const decl = declared.find((d) => d.name === name);
    if (!decl) {
      problems.push(
        `'${name}' is not a parameter of the pipeline (it declares: ${names.length ? names.join(', ') : 'none'})`,
      );
      continue;
    }
    const text = asText(raw);
    const problem = text === undefined ? 'a single value' : typeProblem(decl.type, text);
    if (problem || text === undefined) {
      problems.push(`'${name}' is ${decl.type}: ${show(raw)} is not ${problem}`);
      continue;
    }
    out.push({ Name: name, Value: text });
  }
  for (const d of declared)
    if (d.default === undefined && !(d.name in given))
      problems.push(`'${d.name}' has no default value in the definition: give it a value`);
  if (problems.length) throw new ConfigurationError(`input '${input}': ${problems.join('; ')}`);
  return out;
}
