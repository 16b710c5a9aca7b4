// Deterministic JSON instance for a JSON Schema: what a "model" constrained by
// response_format json_schema / text.format / vLLM structured_outputs would produce.
// Always the same output for the same schema, so tests can assert exact values:
//   const -> const, enum -> first value, string -> "example" (or a valid value for common
//   formats), integer -> 1, number -> 1.5 (both clamped into minimum/maximum), boolean -> true,
//   null -> null, array -> max(1, minItems) items, object -> every property (required and
//   optional), anyOf/oneOf -> first branch, allOf -> merged, $ref -> $defs/definitions/pointer.

const FORMATS = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '127.0.0.1',
  hostname: 'example.com',
};

const MAX_DEPTH = 12;

/** Resolves a local JSON pointer ("#/$defs/Foo", "#/definitions/Foo", "#/properties/a"). */
function resolveRef(root, ref) {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref: ${ref}`);
  let node = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[key];
  }
  if (node === undefined) throw new Error(`unresolved $ref: ${ref}`);
  return node;
}

function clamp(value, schema, integer) {
  let v = value;
  if (typeof schema.minimum === 'number' && v < schema.minimum) v = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum)
    v = schema.exclusiveMinimum + (integer ? 1 : 0.5);
  if (typeof schema.maximum === 'number' && v > schema.maximum) v = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number' && v >= schema.exclusiveMaximum)
    v = schema.exclusiveMaximum - (integer ? 1 : 0.5);
  return integer ? Math.ceil(v) : v;
}

function pickType(schema) {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') ?? t[0];
  if (t) return t;
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return undefined;
}

function gen(schema, root, depth) {
  if (schema === true || schema === undefined) return 'example';
  if (schema === false) return null;
  if (depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    return gen({ ...resolveRef(root, $ref), ...rest }, root, depth + 1);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.anyOf) && schema.anyOf.length)
    return gen(schema.anyOf[0], root, depth + 1);
  if (Array.isArray(schema.oneOf) && schema.oneOf.length)
    return gen(schema.oneOf[0], root, depth + 1);
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const { allOf, ...rest } = schema;
    const merged = { ...rest };
    for (const part of allOf) {
      const p = part.$ref ? resolveRef(root, part.$ref) : part;
      Object.assign(merged, p, {
        properties: { ...merged.properties, ...p.properties },
        required: [...(merged.required ?? []), ...(p.required ?? [])],
      });
    }
    return gen(merged, root, depth + 1);
  }
  switch (pickType(schema)) {
    case 'string': {
      if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format];
      let s = 'example';
      if (typeof schema.minLength === 'number') while (s.length < schema.minLength) s += 'x';
      if (typeof schema.maxLength === 'number') s = s.slice(0, schema.maxLength);
      return s;
    }
    case 'integer':
      return clamp(1, schema, true);
    case 'number':
      return clamp(1.5, schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      if (Array.isArray(schema.prefixItems)) {
        return schema.prefixItems.map((s) => gen(s, root, depth + 1));
      }
      const count = schema.maxItems === 0 ? 0 : Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: count }, () => gen(schema.items, root, depth + 1));
    }
    case 'object': {
      const out = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        out[key] = gen(sub, root, depth + 1);
      }
      // Required keys without a property schema still have to be present.
      for (const key of schema.required ?? []) if (!(key in out)) out[key] = 'example';
      return out;
    }
    default:
      return 'example';
  }
}

/** Returns a value that satisfies (most) JSON Schemas; `schema` may also be a JSON string. */
export function jsonFromSchema(schema) {
  const s = typeof schema === 'string' ? JSON.parse(schema) : schema;
  return gen(s, s, 0);
}
