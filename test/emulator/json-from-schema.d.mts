/** Deterministic JSON instance for a JSON Schema (object or JSON string). */
export function jsonFromSchema(schema: unknown): unknown;
