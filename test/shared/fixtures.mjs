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

/**
 * Awaits a json()/object() call to a server whose answer may not be the JSON asked for (a spec
 * peer's example text, an echo): the call may resolve or reject with OutputValidationError (the
 * answer was read, it just is not that JSON). Any other error (a response that cannot be read, a
 * refused request) fails the case, where a bare `.catch(() => undefined)` would hide it.
 * @param {Promise<unknown>} call
 */
export async function answered(call) {
  try {
    await call;
  } catch (error) {
    if (!named('OutputValidationError')(error)) throw error;
  }
}
