import type { ModelCall } from '../core/adapter.ts';
import type { BatchLineResult, ProviderBatchStatus } from '../core/batch-adapter.ts';
import { BatchItemError } from '../core/errors/batch-item-error.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import type { JSONModelResponse, ModelResponse } from '../core/types.ts';
import type { BatchJobRecord, RecordedRequest } from './batch-job-record.ts';
import type { CallKit } from './call-kit.ts';
import type { BatchResult } from './batch-types.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import type { ModelContext } from './run-call.ts';

/** Batch jobs cost half the listed price at OpenAI, Anthropic and Google (see the README). */
const BATCH_PRICE_FACTOR = 0.5;

const neverAborted = () => new AbortController().signal;

/** The result of a sent request from its provider line (or the lack of one). */
export async function lineResult(
  kit: CallKit,
  ctx: ModelContext,
  record: BatchJobRecord,
  request: RecordedRequest,
  line: BatchLineResult | undefined,
  ended: ProviderBatchStatus | undefined,
  check: OutputCheck | undefined,
): Promise<BatchResult> {
  const failure = (reason: BatchItemError['reason'], message: string, more = {}) => ({
    id: request.id,
    error: new BatchItemError({
      provider: record.provider,
      jobId: record.id,
      requestId: request.id,
      reason,
      message,
      ...more,
    }),
  });
  if (!line) {
    // A cancelled or expired job without a line for it: the request never ran (Gemini returns no
    // results at all for such jobs).
    const state = ended?.state;
    if (state === 'cancelled' || state === 'expired')
      return failure(state, `the job was ${state} before the request ran.`);
    const why = state === 'failed' && ended?.error && `the job failed: ${ended.error}`;
    return failure('missing', why || 'the provider returned no result for it.');
  }
  if (line.error) {
    const { reason, message, status, type } = line.error;
    return failure(reason, message, { status, errorType: type });
  }
  const call: ModelCall = { ...request.call! };
  call.spec =
    ctx.options.registry?.getModelDetails(call.model) ?? (await ctx.adapter.loadSpec?.(call.model));
  const url = kit.apiUrl(ctx.endpoint, '/');
  try {
    const parsed = await ctx.adapter.parseResponse(line.body, call, url);
    const response = await kit.toModelResponse({
      provider: ctx.adapter.provider,
      model: ctx.model,
      asked: call,
      answered: call,
      parsed,
      usage: parsed.usage,
      raw: line.body,
      priceFactor: BATCH_PRICE_FACTOR,
    });
    let result: ModelResponse | JSONModelResponse = response;
    let stored = response;
    if (check && !response.toolCalls?.length) {
      // Validated as json()/object() validate, without repair rounds: a job cannot ask again. An
      // invalid answer is this request's OutputValidationError, never cached.
      const { checkAnswer } = await import('./check-answer.ts');
      const checked = await checkAnswer(parsed.text, check, 0, 0);
      if (!checked.ok) throw new Error('unreachable: no repair round is left');
      result = { ...response, data: checked.value };
      // The JSON as the model sent it, as the direct call stores it (a hit re-validates it).
      stored = { ...response, data: checked.raw } as JSONModelResponse;
    }
    if (ctx.store && request.key) {
      await kit.writeCache(ctx, ctx.store, request.key, stored, neverAborted());
    }
    return { id: request.id, response: result };
  } catch (error) {
    if (!isLLMError(error)) throw error;
    return { id: request.id, error };
  }
}
