/**
 * Operation shapes read from an installed AWS SDK v3 client's exported schemas (`PutMetricAlarm$`,
 * `Datapoint$`, ...), so a protocol translation knows, for every operation the SDK knows, which
 * members are lists, maps, structures, numbers, booleans and timestamps, without a hand-copied
 * table per operation. Schema tuples (SDK >= 3.9xx): struct/union/error
 * `[3|4|-3, ns, name, traits, memberNames, memberSchemas]`, list `[1, ns, name, traits, value]`,
 * map `[2, ns, name, traits, key, value]`, operation `[9, ns, name, traits, input, output]`;
 * simple types are numbers (0 string, 1 number, 2 boolean, 4-7 timestamp, 15 document, 17/19 big
 * numbers, 21/42 blob; `64|x` a list of x, `128|x` a map of x); references are thunks.
 * A format this reader does not know throws, so an SDK change fails loudly in the unit test.
 */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document' }
  | { kind: 'list'; member: () => Shape }
  | { kind: 'map'; key: () => Shape; value: () => Shape }
  | { kind: 'structure'; name: string; members: Record<string, () => Shape> };

export interface OperationShapes {
  name: string;
  input: Shape;
  output: Shape;
}

const SIMPLE: Record<number, Shape['kind']> = {
  0: 'string',
  1: 'number',
  2: 'boolean',
  4: 'timestamp',
  5: 'timestamp',
  6: 'timestamp',
  7: 'timestamp',
  15: 'document',
  17: 'number',
  19: 'number',
  21: 'blob',
  42: 'blob',
};

const cache = new WeakMap<object, Shape>();

export function shapeOf(schema: unknown): Shape {
  const s = typeof schema === 'function' ? (schema as () => unknown)() : schema;
  if (typeof s === 'number') {
    if (s & 192) {
      const inner = shapeOf(s & 63);
      return s & 128
        ? { kind: 'map', key: () => ({ kind: 'string' }), value: () => inner }
        : { kind: 'list', member: () => inner };
    }
    const kind = SIMPLE[s];
    if (!kind) throw new Error(`unknown SDK schema code ${s}`);
    return { kind } as Shape;
  }
  if (s === 'unit') return { kind: 'structure', name: 'Unit', members: {} };
  if (!Array.isArray(s)) throw new Error(`unknown SDK schema ${String(s)}`);
  const cached = cache.get(s);
  if (cached) return cached;
  // A member given with its own traits: [schema, traits].
  if (s.length === 2) return shapeOf(s[0]);
  let shape: Shape;
  switch (s[0]) {
    case 0:
      shape = shapeOf(s[4]);
      break;
    case 1:
      shape = { kind: 'list', member: () => shapeOf(s[4]) };
      break;
    case 2:
      shape = { kind: 'map', key: () => shapeOf(s[4]), value: () => shapeOf(s[5]) };
      break;
    case 3:
    case 4:
    case -3: {
      const names = s[4] as string[];
      const schemas = s[5] as unknown[];
      const members: Record<string, () => Shape> = {};
      names.forEach((n, i) => (members[n] = () => shapeOf(schemas[i])));
      shape = { kind: 'structure', name: String(s[2]), members };
      break;
    }
    default:
      throw new Error(`unknown SDK schema tuple ${String(s[0])} (${String(s[2])})`);
  }
  cache.set(s, shape);
  return shape;
}

/** The operation `<name>$` exported by an SDK client module, or undefined. */
export function operationShapes(sdk: Record<string, unknown>, name: string): OperationShapes | undefined {
  const op = sdk[`${name}$`];
  if (!Array.isArray(op) || op[0] !== 9 || op[2] !== name) return undefined;
  return { name, input: shapeOf(op[4]), output: shapeOf(op[5]) };
}
