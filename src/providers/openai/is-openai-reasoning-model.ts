/**
 * The fallback for OpenAI models the registry does not know (new releases): tells from the id
 * whether it is a reasoning model: these take `max_completion_tokens` instead of
 * `max_tokens` and reject sampling `temperature` and `top_p`. The o-series and GPT-5 family are;
 * the `*-chat-latest` GPT-5 variants are not.
 */
export function isOpenAIReasoningModel(model: string): boolean {
  const id = model.replace(/^openai\//, '');
  return /^o\d/.test(id) || (/^gpt-5/.test(id) && !/-chat/.test(id));
}
