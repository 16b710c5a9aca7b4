// OpenAI's check of a strict JSON Schema (response_format json_schema with strict: true, and function
// tools with strict: true), written independently of the SDK's rewrite so that each catches the
// other's mistakes. Rules from the Structured Outputs guide ("Supported schemas"); the messages are
// the API's own, as users report them, e.g.:
//   Invalid schema for response_format 'x': In context=('properties', 'a'), 'additionalProperties'
//   is required to be supplied and to be false.
//   … In context=(), 'required' is required to be supplied and to be an array including every key
//   in properties. Missing 'b'.
//   … In context=('properties', 'url'), 'uri' is not a valid format.
//   … In context=('properties', 'name'), 'minLength' is not permitted.
//   … schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.

const ALLOWED = new Set([
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
  'default',
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
const NAME = /^[a-zA-Z0-9_-]+$/;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Python's repr of a tuple of strings, as the API prints the context. */
const context = (path) =>
  path.length === 1 ? `('${path[0]}',)` : `(${path.map((p) => `'${p}'`).join(', ')})`;

function walk(node, path) {
  const at = `In context=${context(path)}, `;
  if (!isObject(node)) return `${at}schema must be a JSON Schema object.`;
  for (const key of Object.keys(node)) {
    if (!ALLOWED.has(key)) return `${at}'${key}' is not permitted.`;
  }
  if (node.format !== undefined && !FORMATS.has(node.format))
    return `${at}'${node.format}' is not a valid format.`;
  const type = node.type;
  const isObj = type === 'object' || (Array.isArray(type) && type.includes('object'));
  if (isObj || node.properties !== undefined) {
    if (node.additionalProperties !== false)
      return `${at}'additionalProperties' is required to be supplied and to be false.`;
    const required = Array.isArray(node.required) ? node.required : [];
    const missing = Object.keys(node.properties ?? {}).find((k) => !required.includes(k));
    if (missing !== undefined || !Array.isArray(node.required))
      return `${at}'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
  }
  const children = [
    ...Object.entries(isObject(node.properties) ? node.properties : {}).map(([k, v]) => [
      ['properties', k],
      v,
    ]),
    ...Object.entries(isObject(node.$defs) ? node.$defs : {}).map(([k, v]) => [['$defs', k], v]),
    ...Object.entries(isObject(node.definitions) ? node.definitions : {}).map(([k, v]) => [
      ['definitions', k],
      v,
    ]),
    ...(Array.isArray(node.anyOf) ? node.anyOf.map((v, i) => [['anyOf', String(i)], v]) : []),
    ...(node.items !== undefined ? [[['items'], node.items]] : []),
  ];
  for (const [sub, child] of children) {
    const error = walk(child, [...path, ...sub]);
    if (error) return error;
  }
  return null;
}

/**
 * Checks a strict schema; returns OpenAI's message for the first problem, or null.
 * @param {unknown} schema
 */
export function strictSchemaError(schema) {
  if (!isObject(schema) || schema.type !== 'object') {
    const type = isObject(schema) ? (schema.type ?? 'None') : typeof schema;
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${type}"'.`;
  }
  return walk(schema, []);
}

/** OpenAI's error for a name outside `^[a-zA-Z0-9_-]+$` (at most 64 characters), or null. */
export function nameError(param, name) {
  if (typeof name !== 'string' || !NAME.test(name))
    return `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`;
  if (name.length > 64)
    return `Invalid '${param}': string too long. Expected a string with maximum length 64, but got a string with length ${name.length} instead.`;
  return null;
}
