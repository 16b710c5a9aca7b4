/** The `$ref` the original replaced: it was hard-coded there, and is the default here. */
export const CONTENT_TYPE_REF = '#/$defs/ContentType';

/**
 * Inlines an enum where a schema refers to it, as the original's `replace_jsons_refs_with_enum`:
 * every object whose `$ref` is `ref` loses that `$ref` and gets `enumDef`'s members. Unlike the
 * original, the schema you pass is not modified (a changed copy is returned), and the reference is a
 * parameter instead of always `#/$defs/ContentType`.
 * @param schema - A JSON Schema (or any JSON value).
 * @param enumDef - The members to put in place of the reference, e.g. `{ type: 'string', enum: […] }`.
 * @param ref - The reference to replace.
 * @returns The schema with the references replaced.
 */
export function replaceJsonRefsWithEnum<T>(
  schema: T,
  enumDef: Readonly<Record<string, unknown>>,
  ref: string = CONTENT_TYPE_REF,
): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record))
      if (!(key === '$ref' && value === ref)) out[key] = walk(value);
    return record.$ref === ref ? Object.assign(out, enumDef) : out;
  };
  return walk(schema) as T;
}
