import type { JSONSchema, StandardSchemaV1 } from 'alea-llm-client';

type Issue = { message: string; path: PropertyKey[] };

const typeOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;

/** Checks the keywords most schemas rely on: type, enum, const, properties, required, items. */
function check(schema: unknown, value: unknown, path: PropertyKey[], issues: Issue[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  const types = s.type === undefined ? undefined : ([] as unknown[]).concat(s.type);
  const actual = typeOf(value);
  if (types && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    issues.push({ message: `expected ${types.join(' or ')}, got ${actual}`, path });
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    issues.push({ message: `expected one of ${JSON.stringify(s.enum)}`, path });
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value))
    issues.push({ message: `expected ${JSON.stringify(s.const)}`, path });
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Array.isArray(s.required) ? s.required : [])
      if (!(key in obj)) issues.push({ message: `missing required property "${key}"`, path });
    const props = (s.properties ?? {}) as Record<string, unknown>;
    for (const [key, sub] of Object.entries(props))
      if (key in obj) check(sub, obj[key], [...path, key], issues);
    if (s.additionalProperties === false)
      for (const key of Object.keys(obj))
        if (!(key in props)) issues.push({ message: `unexpected property "${key}"`, path });
  }
  if (actual === 'array' && s.items)
    (value as unknown[]).forEach((item, i) => check(s.items, item, [...path, i], issues));
}

/**
 * A Standard Schema over a JSON Schema document, for `alea chat --schema file.json`: `object()`
 * sends the document to the provider and validates the answer with the keywords above (others,
 * such as `pattern` or `$ref`, are left to the provider's structured output).
 * @param jsonSchema - The parsed file.
 * @returns A schema `object()` accepts, describing itself as `jsonSchema`.
 */
export function jsonSchemaCheck(jsonSchema: JSONSchema): StandardSchemaV1 {
  return {
    '~standard': {
      version: 1,
      vendor: 'alea-cli',
      validate(value) {
        const issues: Issue[] = [];
        check(jsonSchema, value, [], issues);
        return issues.length ? { issues } : { value };
      },
      jsonSchema: { output: () => jsonSchema },
    },
  };
}
