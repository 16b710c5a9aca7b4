import type { ModelCall } from '../../core/adapter.ts';
import type { Message } from '../../core/types.ts';
import type { OpenAICompatibleConfig } from './openai-compatible-adapter.ts';

// OpenAI refuses json_object unless a message mentions JSON; text parts count as the API reads them.
const mentionsJson = (messages: readonly Message[]) =>
  messages.some((m) =>
    typeof m.content === 'string'
      ? /json/i.test(m.content)
      : m.content.some((part) => part.type === 'text' && /json/i.test(part.text)),
  );

/** Adds an instruction to the system prompt (creating one when there is none). */
function withInstruction(messages: Message[], instruction: string): Message[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

/**
 * Asks for the call's output format: JSON mode, native structured output in the provider's form, or
 * an instruction where the server has neither.
 * @param call - The call.
 * @param config - The provider's settings.
 * @param body - The body so far; changed in place.
 * @returns The messages to send (with an added instruction where one is needed).
 */
export async function prepareOpenAIOutput(
  call: ModelCall,
  config: OpenAICompatibleConfig,
  body: Record<string, unknown>,
): Promise<Message[]> {
  const { output } = call;
  const messages = call.messages;
  if (output.type === 'json' && config.jsonObject) {
    body.response_format = { type: 'json_object' };
    return mentionsJson(messages) ? messages : withInstruction(messages, 'Respond in JSON.');
  }
  if (
    output.type === 'json' ||
    (output.type === 'json-schema' && config.structuredOutput === 'prompt')
  ) {
    const schema =
      output.type === 'json-schema'
        ? ` matching this JSON Schema: ${JSON.stringify(output.schema)}`
        : '';
    return withInstruction(messages, `Respond with only JSON${schema}, no other text.`);
  }
  if (output.type !== 'json-schema') return messages;
  if (config.structuredOutput === 'structured_outputs')
    body.structured_outputs = { json: output.schema };
  else if (config.structuredOutput === 'guided_json') body.guided_json = output.schema;
  else {
    // Loaded on first use: chat-only bundles carry no strict-mode rewrite.
    const { jsonSchemaFormat } = await import('./json-schema-format.ts');
    body.response_format = jsonSchemaFormat(output.schema, output.name, config.strictSchemas);
  }
  return messages;
}
