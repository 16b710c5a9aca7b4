import type { JSONSchema } from '../../core/standard-schema.ts';

// OpenAI's strict Structured Outputs accept a subset of JSON Schema ("Supported schemas" in the
// Structured Outputs guide): an object root; every object closed with `additionalProperties: false`
// and listing every property in `required` (optional ones become nullable); types, `enum`, `const`,
// `anyOf`, `$ref`/`$defs`; `pattern` and these formats on strings; `multipleOf` and the four bounds on
// numbers; `minItems`/`maxItems` on arrays; at most 10 levels of nesting and 5000 properties.
// openai-python's `to_strict_json_schema` makes the same rewrite (closing objects, inlining a `$ref`
// that has siblings, merging a one-member `allOf`, dropping `default: null`).

const FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);
const KEPT = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'const',
  'description',
  'title',
  '$ref',
  '$defs',
  'definitions',
  'pattern',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
]);
// Value constraints strict mode cannot express: dropped from the schema and spelled out in the
// description, so the model still sees them. The caller's schema enforces them on the answer.
const DESCRIBED = new Set([
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
]);
// Keywords that change which shapes are valid: a schema using them cannot be made strict.
const STRUCTURAL = [
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'dependentRequired',
  'dependentSchemas',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'prefixItems',
  'additionalItems',
];
const MAX_DEPTH = 10;
const MAX_PROPERTIES = 5000;

class NotStrict extends Error {}

const isSchema = (v: unknown): v is JSONSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a schema accepts `null` as it is. */
export function acceptsNull(schema: unknown): boolean {
  if (!isSchema(schema)) return schema === true;
  const type = schema.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return true;
  if (schema.const === null) return true;
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  return Array.isArray(union) && union.some(acceptsNull);
}

function nullable(schema: JSONSchema): JSONSchema {
  if (acceptsNull(schema)) return schema;
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }] };
  if (typeof schema.type === 'string' && !('enum' in schema) && !('const' in schema))
    return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

interface Walk {
  root: JSONSchema;
  properties: number;
}

function strictObject(node: JSONSchema, walk: Walk, depth: number): JSONSchema {
  const props = (isSchema(node.properties) ? node.properties : {}) as Record<string, unknown>;
  const open = node.additionalProperties;
  if (open !== undefined && typeof open !== 'boolean') throw new NotStrict('a map of any keys');
  if (!Object.keys(props).length && open !== false) throw new NotStrict('an object of any keys');
  walk.properties += Object.keys(props).length;
  if (depth > MAX_DEPTH || walk.properties > MAX_PROPERTIES) throw new NotStrict('too large');
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const converted = strictNode(value, walk, depth + 1);
    properties[key] = required.has(key) ? converted : nullable(converted);
  }
  return { ...node, properties, required: Object.keys(props), additionalProperties: false };
}

function strictNode(value: unknown, walk: Walk, depth: number): JSONSchema {
  if (!isSchema(value)) throw new NotStrict('a boolean schema');
  let node: JSONSchema = { ...value };
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && isSchema(node.allOf[0])) {
    const {
      allOf: [only],
      ...rest
    } = node as { allOf: JSONSchema[] };
    node = { ...only, ...rest };
  }
  if (typeof node.$ref === 'string' && Object.keys(node).length > 1) {
    const { $ref, ...rest } = node;
    node = { ...resolveRef(walk.root, $ref as string), ...rest };
  }
  if (Array.isArray(node.oneOf)) {
    // Strict mode knows anyOf only; the caller's schema still checks "exactly one".
    const { oneOf, ...rest } = node;
    node = { ...rest, anyOf: oneOf };
  }
  if (STRUCTURAL.some((k) => k in node) || Array.isArray(node.items)) throw new NotStrict('shape');
  const notes: string[] = [];
  for (const key of Object.keys(node)) {
    const keep = KEPT.has(key) && !(key === 'format' && !FORMATS.has(node.format as string));
    if (keep) continue;
    if (DESCRIBED.has(key) || key === 'format') notes.push(`${key}: ${JSON.stringify(node[key])}`);
    delete node[key];
  }
  if (notes.length) {
    const text = typeof node.description === 'string' ? `${node.description} ` : '';
    node.description = `${text}(${notes.join(', ')})`;
  }
  for (const key of ['$defs', 'definitions'] as const) {
    if (isSchema(node[key])) {
      const defs = node[key] as Record<string, unknown>;
      node[key] = Object.fromEntries(
        Object.entries(defs).map(([k, v]) => [k, strictNode(v, walk, depth)]),
      );
    }
  }
  if (Array.isArray(node.anyOf)) node.anyOf = node.anyOf.map((v) => strictNode(v, walk, depth));
  if (node.items !== undefined) node.items = strictNode(node.items, walk, depth + 1);
  const type = node.type;
  if (type === 'object' || (Array.isArray(type) && type.includes('object')) || node.properties)
    node = strictObject(node, walk, depth);
  return node;
}

function resolveRef(root: JSONSchema, ref: string): JSONSchema {
  let target: unknown = root;
  if (!ref.startsWith('#/')) throw new NotStrict('an external $ref');
  for (const part of ref.slice(2).split('/')) target = isSchema(target) ? target[part] : undefined;
  if (!isSchema(target)) throw new NotStrict('an unresolved $ref');
  return target;
}

/**
 * Rewrites a JSON Schema for OpenAI's strict mode, or tells that it cannot be. Objects are closed
 * (`additionalProperties: false`), since the caller's schema validates the answer anyway; optional
 * properties become required and nullable (strip the nulls with {@link stripOptionalNulls});
 * unsupported value constraints move into `description`.
 * @param schema - The schema as converted from the caller's.
 * @returns The strict schema, or undefined when the schema cannot be made strict (a root that is not
 *   an object, maps of any keys, tuples, `not`/`if`/`allOf` combinations, too large): then it is sent
 *   as it is, without `strict`.
 */
export function toStrictJsonSchema(schema: JSONSchema): JSONSchema | undefined {
  if (schema.type !== 'object') return undefined;
  try {
    return strictNode(schema, { root: schema, properties: 0 }, 1);
  } catch (error) {
    if (error instanceof NotStrict) return undefined;
    throw error;
  }
}
