import type { JSONSchema } from '../../core/standard-schema.ts';

/**
 * Tells whether a schema meets OpenAI's strict structured-output rules: every object closes
 * `additionalProperties` and requires all its properties. Strict mode guarantees the shape, but a
 * schema that breaks the rules is rejected with a 400, so it is only requested when it fits.
 */
export function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as JSONSchema;
  if (node.type === 'object' || node.properties) {
    const keys = Object.keys((node.properties as object | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false || !keys.every((k) => required.has(k))) return false;
  }
  return Object.values(node).every(isStrictCompatible);
}
