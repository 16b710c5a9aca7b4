import { toJsonSchema } from '@valibot/to-json-schema';
import type { StandardSchemaV1 } from '../core/standard-schema.ts';
import { bytesText, pythonJson } from './python-json.ts';

const isSchema = (value: object): value is StandardSchemaV1 => '~standard' in value;

/** The JSON Schema of a valibot schema or of a Standard JSON Schema library's schema. */
function schemaJson(schema: StandardSchemaV1): Record<string, unknown> {
  const std = schema['~standard'];
  const json = std.jsonSchema
    ? std.jsonSchema.output({ target: 'draft-2020-12' })
    : std.vendor === 'valibot'
      ? (toJsonSchema(schema as never, { errorMode: 'ignore' }) as Record<string, unknown>)
      : undefined;
  if (!json)
    throw new TypeError(
      `formatSectionContent: cannot describe a ${std.vendor} schema as JSON Schema; pass its JSON ` +
        'Schema object instead.',
    );
  const { $schema: _ignored, ...rest } = json;
  return rest;
}

/**
 * Renders one section's content as the original's `format_section_content` does: text as is,
 * objects and arrays as JSON with Python's separators, a schema (valibot, or any Standard JSON
 * Schema library; the original's pydantic class) as its JSON Schema, anything else as text.
 * Unlike the original, bytes are decoded as UTF-8 instead of rendering as `b'...'`, and `null` or
 * `undefined` render as an empty string rather than `None`.
 * @param content - The section's content.
 * @returns The text placed between the section's tags.
 * @example formatSectionContent({ a: [1, 2] }) // '{"a": [1, 2]}'
 */
export function formatSectionContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  const bytes = bytesText(content);
  if (bytes !== undefined) return bytes;
  if (typeof content !== 'object') return String(content);
  if (isSchema(content)) return pythonJson(schemaJson(content));
  const custom = (content as { toString?: unknown }).toString;
  // Class instances with their own text form (a URL, …) are text, as Python's str(); data is JSON.
  if (
    typeof custom === 'function' &&
    custom !== Object.prototype.toString &&
    !Array.isArray(content)
  )
    return String(content);
  return pythonJson(content);
}
