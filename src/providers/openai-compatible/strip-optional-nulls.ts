import type { ModelCall, ParsedResponse } from '../../core/adapter.ts';
import type { JSONSchema } from '../../core/standard-schema.ts';
import { acceptsNull } from './strict-json-schema.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(schema: unknown, root: unknown): JSONSchema | undefined {
  if (!isObject(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
  return isObject(target) ? { ...target, ...schema, $ref: undefined } : undefined;
}

/** The member of a union an object value belongs to: the first object schema naming all its keys. */
function variantFor(schema: JSONSchema, value: unknown, root: unknown): JSONSchema {
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (!Array.isArray(union) || !isObject(value)) return schema;
  for (const member of union) {
    const s = resolve(member, root);
    const props = s && isObject(s.properties) ? s.properties : undefined;
    if (s && props && Object.keys(value).every((k) => k in props)) return s;
  }
  return schema;
}

function strip(value: unknown, schemaIn: unknown, root: unknown): unknown {
  const resolved = resolve(schemaIn, root);
  if (!resolved) return value;
  const schema = variantFor(resolved, value, root);
  if (Array.isArray(value)) {
    return schema.items === undefined ? value : value.map((v) => strip(v, schema.items, root));
  }
  if (!isObject(value) || !isObject(schema.properties)) return value;
  const props = schema.properties;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const optionalNull = v === null && key in props && !required.has(key);
    if (optionalNull && !acceptsNull(resolve(props[key], root) ?? props[key])) continue;
    out[key] = key in props ? strip(v, props[key], root) : v;
  }
  return out;
}

/**
 * Undoes what strict mode asked of optional properties: strict mode makes them required and
 * nullable, so the model sends `null` for "absent". Removes those nulls, guided by the original
 * schema, so that the caller's schema (`v.optional(...)`, defaults included) validates the answer.
 * A property whose own schema accepts null keeps its null.
 * @param value - The parsed answer.
 * @param schema - The schema as it was before the strict rewrite.
 */
export function stripOptionalNulls(value: unknown, schema: JSONSchema): unknown {
  return strip(value, schema, schema);
}

/**
 * An `object()` answer without the nulls strict mode put in for absent optional properties (see
 * {@link stripOptionalNulls}); the answer as sent when it is not JSON or nothing was stripped.
 * @param parsed - The parsed answer of a call whose output is a JSON Schema.
 * @param call - The call (its schema as the caller gave it).
 */
export function withoutOptionalNulls(parsed: ParsedResponse, call: ModelCall): ParsedResponse {
  if (call.output.type !== 'json-schema') return parsed;
  let value: unknown;
  try {
    value = JSON.parse(parsed.text);
  } catch {
    return parsed; // not JSON: the repair round will say so
  }
  const text = JSON.stringify(stripOptionalNulls(value, call.output.schema));
  if (text === JSON.stringify(value)) return parsed; // nothing stripped: keep the answer as sent
  const assistant = { ...parsed.assistant, content: text } as ParsedResponse['assistant'];
  return { ...parsed, text, choices: [text, ...parsed.choices.slice(1)], assistant };
}
