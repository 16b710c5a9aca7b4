import type { SchemaIssue, StandardSchemaV1 } from '../core/standard-schema.ts';

function formatIssue(issue: SchemaIssue): string {
  const path = (issue.path ?? [])
    .map((p) => String(typeof p === 'object' && p !== null ? p.key : p))
    .join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates a value with a Standard Schema (sync or async). Loaded on demand by `object()`.
 * @returns The schema's output, or readable issue strings (`path: message`).
 */
export async function validateWithSchema<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<{ ok: true; value: T } | { ok: false; issues: string[] }> {
  const result = await schema['~standard'].validate(value);
  if (result.issues) return { ok: false, issues: result.issues.map(formatIssue) };
  return { ok: true, value: result.value };
}
