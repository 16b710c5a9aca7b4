import type { JSONSchema } from '../../core/standard-schema.ts';

// Anthropic's structured outputs (`output_config.format`, strict tools) take a subset of JSON Schema
// and answer 400 ("For 'integer' type, property 'minimum' is not supported") for the rest. The subset,
// from docs.claude.com build-with-claude/structured-outputs, "JSON Schema limitations": basic types,
// enum, const, anyOf, allOf, local $ref/$defs/definitions, default, required, additionalProperties
// (false only), the string formats below, simple `pattern`s and minItems 0 or 1. No numeric, length or
// count limits, no recursion. Anthropic's own SDK moves what the API refuses into the description
// (its transformJSONSchema); so does this, by its own rules.

/** Keywords kept on any schema node. */
const ANY = new Set(['type', 'description', 'title', 'enum', 'const', 'default', '$ref']);
/** Keywords kept where the node's type allows them. */
const BY_TYPE: Record<string, ReadonlySet<string>> = {
  object: new Set(['properties', 'required', 'additionalProperties']),
  array: new Set(['items', 'minItems']),
  string: new Set(['format', 'pattern']),
};
/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const ONE = new Set(['items']);
const LIST = new Set(['anyOf', 'allOf']);
const MAP = new Set(['properties', '$defs', 'definitions']);
/** The string formats Anthropic documents. */
const FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'uri',
  'ipv4',
  'ipv6',
  'uuid',
]);
/** Regex features Anthropic's grammar does not take: backreferences, lookaround, word boundaries. */
const COMPLEX_PATTERN = /\\[1-9bBk]|\(\?<?[=!]/;

const isNode = (v: unknown): v is JSONSchema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(node: JSONSchema): string[] {
  const t = node.type;
  const types = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
  // A schema with properties but no type is an object schema in practice.
  if (!types.length && isNode(node.properties)) types.push('object');
  return types;
}

/** Whether a keyword and its value are in Anthropic's subset for a node of these types. */
function supported(key: string, value: unknown, types: string[]): boolean {
  if (ANY.has(key) || LIST.has(key) || key === 'oneOf' || key === '$defs' || key === 'definitions')
    return key !== '$ref' || (typeof value === 'string' && value.startsWith('#'));
  if (!types.some((t) => BY_TYPE[t]?.has(key))) return false;
  if (key === 'minItems') return value === 0 || value === 1;
  if (key === 'format') return typeof value === 'string' && FORMATS.has(value);
  if (key === 'pattern') return typeof value === 'string' && !COMPLEX_PATTERN.test(value);
  // additionalProperties is always set to false below; a schema or `true` is a constraint to note.
  if (key === 'additionalProperties') return value === false;
  return true;
}

function transform(node: unknown): unknown {
  if (!isNode(node)) return node;
  const types = typesOf(node);
  const out: JSONSchema = {};
  const moved: JSONSchema = {};
  for (const [key, value] of Object.entries(node)) {
    // `$schema` names the dialect; it is no constraint and the API needs none.
    if (key === '$schema') continue;
    if (!supported(key, value, types)) moved[key] = value;
    else if (key === 'oneOf' || LIST.has(key))
      // oneOf is not in the subset; anyOf accepts every answer it accepts, and the caller's schema
      // still validates the answer.
      out[key === 'oneOf' ? 'anyOf' : key] = Array.isArray(value) ? value.map(transform) : value;
    else if (MAP.has(key) && isNode(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v)]));
    else out[key] = ONE.has(key) ? transform(value) : value;
  }
  if (types.includes('object')) out.additionalProperties = false;
  if (Object.keys(moved).length) {
    const note = `Constraints: ${JSON.stringify(moved)}`;
    out.description = typeof out.description === 'string' ? `${out.description}\n\n${note}` : note;
  }
  return out;
}

/**
 * Rewrites a JSON Schema into the subset Anthropic's structured outputs accept: every object closed
 * (`additionalProperties: false`, which Anthropic requires), `oneOf` as `anyOf`, and each keyword
 * outside the subset (`minimum`, `maxLength`, `minItems` above 1, `maxItems`, `uniqueItems`, unknown
 * formats, complex patterns, …) moved into the node's `description` as JSON, so the model still
 * reads it. The answer is validated against the full original schema afterwards.
 * @param schema - The caller's schema; never modified.
 * @returns A new schema.
 */
export function toAnthropicSchema(schema: JSONSchema): JSONSchema {
  return transform(schema) as JSONSchema;
}
