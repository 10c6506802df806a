/**
 * What the train action needs to know about a pipeline definition file (JSON, or YAML of the same
 * structure): its text as the service stores it, its declared parameters, and its step graph for
 * the summary. Pure; reading the file is the caller's. The emulator validates definitions on its
 * own (local/pipelines): this reader is deliberately small and independent of it.
 */
import { parse as parseYaml } from 'yaml';
import { ConfigurationError } from '../../../core/errors.js';

export type ParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';
const TYPES: readonly ParameterType[] = ['String', 'Integer', 'Float', 'Boolean'];

export interface DeclaredParameter {
  name: string;
  type: ParameterType;
  default?: string | number | boolean;
}

export interface GraphNode {
  name: string;
  type: string;
  displayName?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** For steps of a ConditionStep's IfSteps ('true') and ElseSteps ('false'). */
  label?: 'true' | 'false';
}

export interface PipelineDefinitionInfo {
  /** The JSON text sent to CreatePipeline/UpdatePipeline. */
  json: string;
  parameters: DeclaredParameter[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Step names a value references through `Get: Steps.<name>...` (also inside Join/JsonGet). */
function referencedSteps(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedSteps(v, out));
  else if (isObj(value)) {
    const get = value['Get'];
    if (typeof get === 'string') {
      const m = /^Steps\.([A-Za-z0-9_-]+)/.exec(get);
      if (m) out.add(m[1]!);
    }
    for (const v of Object.values(value)) referencedSteps(v, out);
  }
  return out;
}

function walkSteps(
  list: unknown,
  where: string,
  nodes: GraphNode[],
  edges: GraphEdge[],
  parent?: { name: string; label: 'true' | 'false' },
): void {
  if (!Array.isArray(list)) throw new Error(`${where} must be a list of steps`);
  list.forEach((raw, i) => {
    if (!isObj(raw) || typeof raw['Name'] !== 'string' || typeof raw['Type'] !== 'string')
      throw new Error(`${where}[${i}] must be a step with a Name and a Type`);
    const name = raw['Name'];
    const type = raw['Type'];
    const node: GraphNode = { name, type };
    if (typeof raw['DisplayName'] === 'string') node.displayName = raw['DisplayName'];
    nodes.push(node);
    if (parent) edges.push({ from: parent.name, to: name, label: parent.label });
    const deps = new Set<string>(Array.isArray(raw['DependsOn']) ? raw['DependsOn'].map(String) : []);
    const args = isObj(raw['Arguments']) ? raw['Arguments'] : {};
    referencedSteps(type === 'Condition' ? args['Conditions'] : args, deps);
    for (const d of deps) if (d !== name && d !== parent?.name) edges.push({ from: d, to: name });
    if (type === 'Condition') {
      if (args['IfSteps'] !== undefined)
        walkSteps(args['IfSteps'], `step '${name}' IfSteps`, nodes, edges, { name, label: 'true' });
      if (args['ElseSteps'] !== undefined)
        walkSteps(args['ElseSteps'], `step '${name}' ElseSteps`, nodes, edges, { name, label: 'false' });
    }
  });
}

function parseParameters(raw: unknown): DeclaredParameter[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error('Parameters must be a list');
  return raw.map((p, i) => {
    if (!isObj(p) || typeof p['Name'] !== 'string') throw new Error(`Parameters[${i}] must have a Name`);
    const type = (p['Type'] ?? 'String') as ParameterType;
    if (!TYPES.includes(type))
      throw new Error(
        `parameter '${p['Name']}' has Type ${JSON.stringify(p['Type'])}, not one of ${TYPES.join(', ')}`,
      );
    const d = p['DefaultValue'];
    const out: DeclaredParameter = { name: p['Name'], type };
    if (typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean') out.default = d;
    return out;
  });
}

/**
 * Reads a definition file's text. `.yaml`/`.yml` files are YAML, anything else JSON. Throws a
 * ConfigurationError naming the input and the file for text that is not a definition.
 */
export function readPipelineDefinition(text: string, file: string, input: string): PipelineDefinitionInfo {
  const yaml = /\.ya?ml$/i.test(file);
  let doc: unknown;
  try {
    doc = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new ConfigurationError(
      `input '${input}': ${file} is not valid ${yaml ? 'YAML' : 'JSON'} (${(err as Error).message}); fix the file, or write the definition with the SageMaker Python SDK (pipeline.definition())`,
    );
  }
  try {
    if (!isObj(doc)) throw new Error('the top level must be an object with Version, Parameters and Steps');
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    if (!Array.isArray(doc['Steps']) || doc['Steps'].length === 0)
      throw new Error('Steps must be a non-empty list');
    walkSteps(doc['Steps'], 'Steps', nodes, edges);
    const names = new Set<string>();
    for (const n of nodes) {
      if (names.has(n.name)) throw new Error(`step name '${n.name}' is used twice`);
      names.add(n.name);
    }
    const unknown = edges.find((e) => !names.has(e.from));
    if (unknown)
      throw new Error(
        `step '${unknown.to}' depends on '${unknown.from}', which is not a step of the pipeline`,
      );
    return { json: JSON.stringify(doc), parameters: parseParameters(doc['Parameters']), nodes, edges };
  } catch (err) {
    throw new ConfigurationError(
      `input '${input}': ${file} is not a pipeline definition: ${(err as Error).message}`,
    );
  }
}
