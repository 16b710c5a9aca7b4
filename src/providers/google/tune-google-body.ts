import type { ModelCall } from '../../core/adapter.ts';

// The request settings a plain chat does not use (sampling, JSON output, effort, service tier,
// thinking, tools), loaded by the adapter only for calls that set one. Each feature's own code
// loads in turn only when that feature is used.

/**
 * Adds what the call's settings ask for: the sampling settings, the output token limit and JSON
 * output go to `generationConfig`; the effort stands for a thinking option unless `thinking` is
 * given; the schema and the thinking configuration go to `generationConfig`; the service tier,
 * tools and tool choice to the body. A native `generationConfig` wins over the mapped settings,
 * member by member; the body gets a `generationConfig` only when it has a member.
 * @param asked - The `thinking` call option, if any.
 * @param native - The `generationConfig` call option, if any (used when it is an object).
 * @param vertex - Whether the request goes to Vertex AI.
 * @param body - The request body: gets `serviceTier` unless the call set it natively, the tools,
 *   then the `generationConfig`.
 * @param warnings - Receives a line per setting not sent.
 */
export async function tuneGoogleBody(
  call: ModelCall,
  asked: unknown,
  native: unknown,
  vertex: boolean,
  body: Record<string, unknown>,
  warnings: string[],
): Promise<void> {
  const gen: Record<string, unknown> = {
    maxOutputTokens: call.maxTokens,
    temperature: call.temperature,
    topP: call.topP,
    stopSequences: call.stop,
    seed: call.seed,
    responseMimeType: call.output.type === 'text' ? undefined : 'application/json',
  };
  for (const key in gen) if (gen[key] === undefined) delete gen[key];
  // The later steps' code loads while the effort is resolved, not after it (in a browser each chunk
  // is a round trip), and so does the reader of an answer's function calls, which otherwise loads
  // only once the answer arrived.
  const tools = !!call.tools?.length || call.toolChoice !== undefined;
  for (const load of [
    (call.output.type === 'json-schema' || tools) && import('./prepare-google-tools.ts'),
    (asked !== undefined || !!call.effort) && import('./prepare-google-thinking.ts'),
    tools && import('./read-google-parts.ts'),
  ])
    if (load) load.catch(() => {});
  const tuned =
    call.effort || call.serviceTier
      ? (await import('./prepare-google-effort.ts')).prepareGoogleEffort(
          call,
          vertex,
          asked !== undefined,
        )
      : undefined;
  if (tuned) warnings.push(...tuned.warnings);
  if (tuned?.serviceTier) body.serviceTier ??= tuned.serviceTier;
  const thinking = asked ?? tuned?.thinking;
  // responseJsonSchema (plain JSON Schema) rather than responseSchema (Google's OpenAPI subset): both
  // specs have it, and it takes what valibot emits ($ref, anyOf, additionalProperties) unchanged.
  if (call.output.type === 'json-schema') {
    const { googleJsonSchema } = await import('./prepare-google-tools.ts');
    gen.responseJsonSchema = googleJsonSchema(call.output.schema);
  }
  if (thinking !== undefined) {
    const { prepareGoogleThinking } = await import('./prepare-google-thinking.ts');
    const resolved = prepareGoogleThinking(thinking, call.model, call.spec);
    if (resolved.thinkingConfig) gen.thinkingConfig = resolved.thinkingConfig;
    warnings.push(...resolved.warnings);
  }
  if (call.tools?.length || call.toolChoice !== undefined) {
    const { prepareGoogleTools } = await import('./prepare-google-tools.ts');
    const tools = prepareGoogleTools(call, body.tools);
    Object.assign(body, tools.members);
    warnings.push(...tools.warnings);
  }
  if (typeof native === 'object' && native !== null) Object.assign(gen, native);
  if (Object.keys(gen).length) body.generationConfig = gen;
}
