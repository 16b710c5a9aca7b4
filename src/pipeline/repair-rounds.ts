import { addUsage } from './add-usage.ts';
import { checkAnswer } from './check-answer.ts';
import type { RequestInit, Round, sendRound } from './request-with-repairs.ts';
import type { JSONModelResponse, ModelResponse } from '../core/types.ts';

/**
 * The rounds of a `json` or `object` call after its first answer: checks each answer and asks again
 * with the problems spelled out, up to `maxRepairs` times. Loaded with the first such call, so a
 * chat-only page carries none of it. `send` is the pipeline's round (taken as an argument: importing
 * the call chunk here would make bundlers split it).
 * @returns The checked answer with `data`, or an answer with tool calls as it is.
 * @throws {@link OutputValidationError} once no repair round is left.
 */
export async function repairRounds(
  init: RequestInit,
  first: Round,
  send: typeof sendRound,
): Promise<ModelResponse | JSONModelResponse> {
  const { plan } = init;
  let call = plan.call;
  let { parsed, response } = first;
  for (let round = 0; ;) {
    const checked = await checkAnswer(parsed.text, plan.check!, round, init.maxRepairs);
    if (checked.ok) {
      init.rawData.value = checked.raw;
      return { ...response, data: checked.value };
    }
    call = {
      ...call,
      messages: [
        ...call.messages,
        parsed.assistant,
        { role: 'user', content: checked.repairPrompt },
      ],
    };
    const wire = await init.ctx.adapter.buildRequest(call);
    ({ parsed, response } = await send(init, call, wire, ++round, {
      usage: response.usage,
      latencyMs: response.latencyMs ?? 0,
      add: addUsage,
    }));
    // Tool calls are an answer too (see requestWithRepairs): no repair turn follows them.
    if (response.toolCalls?.length) return response;
  }
}
