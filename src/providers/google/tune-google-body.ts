import type { ModelCall } from '../../core/adapter.ts';

// The request settings a plain chat does not use (effort, service tier, thinking, schema output,
// tools), loaded by the adapter only for calls that set one. Each feature's own code loads in turn
// only when that feature is used.

/**
 * Maps the universal effort and service tier; an effort stands for a thinking option.
 * @param asked - The `thinking` call option, if any.
 * @param vertex - Whether the request goes to Vertex AI.
 * @param body - The request body: gets `serviceTier` unless the call set it natively.
 * @param warnings - Receives a line per setting not sent.
 * @returns The thinking option to send, if any.
 */
export async function tuneGoogleBody(
  call: ModelCall,
  asked: unknown,
  vertex: boolean,
  body: Record<string, unknown>,
  warnings: string[],
): Promise<unknown> {
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
  return asked ?? tuned?.thinking;
}

/**
 * Adds the answer's schema and the thinking configuration to `generationConfig`.
 * @param thinking - The thinking option, if any.
 * @param gen - The `generationConfig` so far, completed in place.
 */
export async function tuneGoogleConfig(
  call: ModelCall,
  thinking: unknown,
  gen: Record<string, unknown>,
  warnings: string[],
): Promise<void> {
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
}

/** Adds the call's tools and tool choice to the request body. */
export async function finishGoogleBody(
  call: ModelCall,
  body: Record<string, unknown>,
  warnings: string[],
): Promise<void> {
  if (call.tools?.length || call.toolChoice !== undefined) {
    const { prepareGoogleTools } = await import('./prepare-google-tools.ts');
    const tools = prepareGoogleTools(call, body.tools);
    Object.assign(body, tools.members);
    warnings.push(...tools.warnings);
  }
}
