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
