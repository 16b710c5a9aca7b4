// Tests must not see the developer's or CI's real provider settings: a real OPENAI_API_KEY (or a
// VERTEX_PROJECT_ID) in the environment would change what the key-chain and Vertex cases observe,
// and could send a real key to a test peer. Every runner removes them before starting.
const PROVIDER_VARIABLE =
  /^(OPENAI|OPENAI_COMPATIBLE|ANTHROPIC|GEMINI|GOOGLE|XAI|GROK|VLLM|VERTEX)_/;

/**
 * Deletes provider settings from an environment object, in place.
 * @param {Record<string, string | undefined>} env - For example `process.env`.
 * @returns {Record<string, string | undefined>} The same object.
 */
export function withoutProviderSettings(env) {
  for (const name of Object.keys(env)) if (PROVIDER_VARIABLE.test(name)) delete env[name];
  return env;
}
