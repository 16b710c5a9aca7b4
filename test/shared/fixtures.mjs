// Values the provider case files share: a hand-written Standard Schema with its JSON Schema, a
// tool, and an error-name predicate for rejects().

/** A hand-written Standard Schema, with an explicit JSON Schema: object() must work without valibot. */
export const personSchema = {
  '~standard': {
    version: 1,
    vendor: 'cases',
    validate: (/** @type {any} */ v) =>
      v && typeof v.name === 'string' && typeof v.age === 'number'
        ? { value: v }
        : { issues: [{ message: 'expected { name: string, age: number }' }] },
  },
};
export const personJsonSchema = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
};
export const weatherTool = {
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
export const named = (/** @type {string} */ name) => (/** @type {any} */ e) => e?.name === name;
