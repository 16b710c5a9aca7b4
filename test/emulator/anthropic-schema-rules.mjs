// The JSON Schema subset of Anthropic's structured outputs, enforced on `output_config.format.schema`
// and on the `input_schema` of strict tools (`strict: true`) the way the real API does: 400 with
// "<path>: For '<type>' type, property '<keyword>' is not supported". What is refused is from
// docs.claude.com build-with-claude/structured-outputs, "JSON Schema limitations": numeric limits,
// string lengths, array counts beyond minItems 0 or 1, object property counts, additionalProperties
// other than false (which every object must set explicitly), unlisted string formats, regexes with
// backreferences, lookaround or word boundaries, and external $ref. Plain tools take any schema.
import { invalidRequest } from './anthropic-common.mjs';
import { isObject } from './openai-common.mjs';

const REFUSED = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
];
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
const COMPLEX_PATTERN = /\\[1-9bBk]|\(\?<?[=!]/;

/** The schemas directly inside a node. */
function children(node) {
  const out = [];
  for (const key of ['properties', '$defs', 'definitions'])
    if (isObject(node[key])) out.push(...Object.values(node[key]));
  for (const key of ['anyOf', 'allOf', 'oneOf'])
    if (Array.isArray(node[key])) out.push(...node[key]);
  if (isObject(node.items)) out.push(node.items);
  if (isObject(node.additionalProperties)) out.push(node.additionalProperties);
  return out;
}

/** The first violation in a schema, as the API words it, or null. */
function violation(node) {
  if (!isObject(node)) return null;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const type = types[0] ?? 'object';
  const at = `For '${type}' type,`;
  for (const key of REFUSED) if (key in node) return `${at} property '${key}' is not supported`;
  if (typeof node.minItems === 'number' && node.minItems > 1)
    return `${at} 'minItems' values other than 0 or 1 are not supported`;
  if (types.includes('object') || isObject(node.properties)) {
    if (node.additionalProperties === undefined)
      return "For 'object' type, 'additionalProperties' must be explicitly set to false";
    if (node.additionalProperties !== false)
      return "For 'object' type, 'additionalProperties: true' is not supported. Please set 'additionalProperties' to false";
  }
  if (node.format !== undefined && !FORMATS.has(node.format))
    return `${at} format '${node.format}' is not supported`;
  if (typeof node.pattern === 'string' && COMPLEX_PATTERN.test(node.pattern))
    return `${at} pattern '${node.pattern}' uses regex features that are not supported (backreferences, lookaround, word boundaries)`;
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#'))
    return `External $ref '${node.$ref}' is not supported`;
  for (const child of children(node)) {
    const found = violation(child);
    if (found) return found;
  }
  return null;
}

/** Checks the structured-output schema and every strict tool's schema; an error Result or null. */
export function checkSchemas(b, ctx) {
  const format = b.output_config?.format;
  if (isObject(format) && format.type === 'json_schema') {
    const found = violation(format.schema);
    if (found) return invalidRequest(`output_config.format.schema: ${found}`, ctx);
  }
  for (const [i, tool] of (Array.isArray(b.tools) ? b.tools : []).entries()) {
    if (!isObject(tool) || tool.strict !== true) continue;
    const found = violation(tool.input_schema);
    if (found) return invalidRequest(`tools.${i}.custom.input_schema: ${found}`, ctx);
  }
  return null;
}
