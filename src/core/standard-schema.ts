import { InvalidRequestError } from './errors/invalid-request-error.ts';

/** One problem reported by a schema. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/**
 * The Standard Schema v1 interface (standardschema.dev), implemented by valibot, Zod, ArkType and
 * others, so `object()` accepts any of them without depending on them.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: ReadonlyArray<SchemaIssue> }
      | Promise<
          | { readonly value: Output; readonly issues?: undefined }
          | { readonly issues: ReadonlyArray<SchemaIssue> }
        >;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    /** Standard JSON Schema: libraries that can describe themselves as JSON Schema. */
    readonly jsonSchema?: {
      readonly output: (options: { target: string }) => Record<string, unknown>;
    };
  };
}

/** The output type of a Standard Schema. */
export type InferSchemaOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : unknown;

/** A JSON Schema document, as sent to providers' structured-output features. */
export type JSONSchema = Record<string, unknown>;

function formatIssue(issue: SchemaIssue): string {
  const path = (issue.path ?? [])
    .map((p) => String(typeof p === 'object' && p !== null ? p.key : p))
    .join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates a value with a Standard Schema (sync or async).
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

/**
 * Turns the caller's schema into JSON Schema for the provider: valibot through
 * `@valibot/to-json-schema` (loaded on first use, so chat-only bundles do not carry it), any library
 * implementing Standard JSON Schema through its own converter, or an explicit `jsonSchema`.
 * @param schema - The caller's schema.
 * @param explicit - A JSON Schema the caller supplied; it wins.
 * @returns The JSON Schema, without a `$schema` member (several providers reject it).
 */
export async function toJsonSchema(
  schema: StandardSchemaV1,
  explicit?: JSONSchema,
): Promise<JSONSchema> {
  let json: JSONSchema;
  const std = schema['~standard'];
  if (explicit) json = explicit;
  else if (std.vendor === 'valibot') {
    const { toJsonSchema: convert } = await import('@valibot/to-json-schema');
    json = convert(schema as never, { errorMode: 'ignore' }) as JSONSchema;
  } else if (std.jsonSchema) json = std.jsonSchema.output({ target: 'draft-2020-12' });
  else {
    throw new InvalidRequestError(
      `Cannot derive a JSON Schema from a ${std.vendor} schema. Pass \`jsonSchema\` in the options ` +
        'of object(), or use a valibot schema.',
    );
  }
  const { $schema: _ignored, ...rest } = json;
  return rest;
}
