import { callKit } from './call-kit.ts';
import type { ModelBatch } from './batch-types.ts';
import type { ModelContext } from './run-call.ts';

/**
 * A model's `batch` member over its context: the job code (`run-batch.ts`) loads on the first use,
 * so bundles that never send a batch job carry none of it.
 * @param ctx - The model's context (adapter, endpoint, options, store).
 * @returns `submit`, `status`, `results` and `cancel`.
 */
export function modelBatch(ctx: ModelContext): ModelBatch {
  const run = () => import('./run-batch.ts');
  return {
    submit: async (requests, opts) => (await run()).submitBatch(callKit, ctx, requests, opts),
    status: async (id, opts) => (await run()).batchStatus(callKit, ctx, id, opts),
    async *results(id, opts) {
      yield* (await run()).batchResults(callKit, ctx, id, opts);
    },
    cancel: async (id, opts) => (await run()).cancelBatch(callKit, ctx, id, opts),
  };
}
