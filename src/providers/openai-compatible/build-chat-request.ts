import type { ModelCall, WireRequest } from '../../core/adapter.ts';
import type { OpenAICompatibleConfig } from './openai-compatible-adapter.ts';
import { isToolTurn, openaiWireRequest } from './openai-wire-request.ts';
import type { ConstraintForm } from './prepare-openai-constraint.ts';
import { prepareOpenAISampling } from './prepare-openai-sampling.ts';

/**
 * Builds a Chat Completions or Completions request that is not plain chat (loaded on the first
 * such call): sampling settings, pass-through members, an output format, tools, a constraint,
 * effort or a service tier, content parts or tool turns. Each of those parts loads on its own first use.
 * @param call - The call.
 * @param config - The provider's settings.
 * @param form - How the provider takes a constraint.
 * @param guess - Whether the id looks like a reasoning model (see {@link prepareOpenAISampling}).
 * @param completions - Whether the call goes to `/v1/completions`.
 */
export async function buildChatRequest(
  call: ModelCall,
  config: OpenAICompatibleConfig,
  form: ConstraintForm | undefined,
  guess: boolean,
  completions: boolean,
): Promise<WireRequest> {
  const body: Record<string, unknown> = { ...call.extra, model: call.model };
  let messages = call.messages;
  if (call.output.type !== 'text') {
    // A schema's converter is loaded by the output step: it starts now, in parallel (in a browser
    // each chunk is a round trip).
    if (call.output.type === 'json-schema') import('./json-schema-format.ts').catch(() => {});
    const { prepareOpenAIOutput } = await import('./prepare-openai-output.ts');
    messages = await prepareOpenAIOutput(call, config, body);
  }
  const warnings = prepareOpenAISampling(call, body, guess);
  const tooling = call.tools || call.grammarTools || call.toolChoice !== undefined;
  if (tooling || 'tools' in body || 'tool_choice' in body) {
    // An answer with tool calls is read by code loaded on demand: it loads with the request instead.
    import('./read-openai-tool-calls.ts').catch(() => {});
    warnings.push(...(await import('./prepare-openai-tools.ts')).prepareOpenAITools(call, body));
  }
  if (call.constraint) {
    const { prepareOpenAIConstraint } = await import('./prepare-openai-constraint.ts');
    prepareOpenAIConstraint(call, body, form!);
  }
  if (call.effort !== undefined || call.serviceTier !== undefined) {
    const { prepareOpenAIEffort } = await import('./prepare-openai-effort.ts');
    warnings.push(...prepareOpenAIEffort(call, body, 'chat', config));
  }
  if (completions) return openaiWireRequest(call, body, warnings, undefined);
  // Text-only turns map as plain chat maps them: a call with sampling settings fetches no converter
  // (one chunk, and a round trip after this one, fewer in a browser).
  if (messages.every((m) => typeof m.content === 'string' && !isToolTurn(m))) {
    return openaiWireRequest(
      call,
      body,
      warnings,
      messages.map(({ role, content }) => ({ role, content })),
    );
  }
  if (messages.some(isToolTurn)) {
    (await import('../../core/check-tool-turns.ts')).checkToolTurns(messages);
  }
  const { convertToOpenAIMessages } = await import('./convert-to-openai-messages.ts');
  return openaiWireRequest(call, body, warnings, convertToOpenAIMessages(messages));
}
