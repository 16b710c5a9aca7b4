import type { OutputFormat } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { StandardSchemaV1 } from '../core/standard-schema.ts';
import type { BatchJobRecord } from './batch-job-record.ts';
import type { BatchCallOptions, BatchRequest } from './batch-types.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import type { ModelContext } from './run-call.ts';

/** The call a batch request stands for. */
export type BatchRequestMethod = 'chat' | 'json' | 'object';

/** `json()`'s check: any JSON value will do. */
export const anyJson: OutputCheck = async (value) => ({ ok: true, value });

/**
 * What a batch request asks for, built as `chat`, `json` or `object` builds it: the output format
 * (the provider's JSON mode, or the schema as JSON Schema) and the check of the answer.
 * @throws InvalidRequestError for an unknown method or an `object` request without a schema.
 */
export async function batchOutput(
  request: BatchRequest,
): Promise<{ method: BatchRequestMethod; output: OutputFormat; check?: OutputCheck }> {
  const method = request.method ?? 'chat';
  const name = JSON.stringify(request.id);
  if (method === 'chat') return { method, output: { type: 'text' } };
  if (method === 'json') return { method, output: { type: 'json' }, check: anyJson };
  if (method !== 'object') {
    throw new InvalidRequestError(
      `batch request ${name}: \`method\` must be 'chat', 'json' or 'object'; got ${JSON.stringify(method)}.`,
    );
  }
  if (!request.options?.schema) {
    throw new InvalidRequestError(
      `batch request ${name}: method 'object' needs \`options.schema\` (a valibot schema or any ` +
        'Standard Schema), as object() does.',
    );
  }
  const { prepareObjectOutput } = await import('./prepare-object-output.ts');
  return { method, ...(await prepareObjectOutput(request.options)) };
}

/** The check of `object` requests read in another process: the schema passed to `results()`. */
export async function schemaCheck(schema: StandardSchemaV1): Promise<OutputCheck> {
  if (!schema || typeof schema !== 'object' || !('~standard' in schema)) {
    throw new InvalidRequestError(
      'batch.results(): `schema` must be a valibot schema or any Standard Schema.',
    );
  }
  const { validateWithSchema } = await import('./validate-with-schema.ts');
  return (value) => validateWithSchema(schema, value);
}

// The schemas of `object` requests, by job and request id: code, kept for this process only.
const schemaChecks = new WeakMap<ModelContext, Map<string, Map<string, OutputCheck>>>();
/** The schema checks of `object` requests submitted in this process, by job id. */
export function objectChecks(ctx: ModelContext) {
  let checks = schemaChecks.get(ctx);
  if (!checks) schemaChecks.set(ctx, (checks = new Map()));
  return checks;
}

/**
 * The check of each `json` and `object` request of a job: `object` ones by the schema given at
 * submit (this process) or to `results()` (any process).
 * @throws InvalidRequestError when an `object` request has neither.
 */
export async function checksOf(
  ctx: ModelContext,
  record: BatchJobRecord,
  schema: BatchCallOptions['schema'],
): Promise<Map<string, OutputCheck>> {
  const known = objectChecks(ctx).get(record.id);
  const given = schema === undefined ? undefined : await schemaCheck(schema);
  const checks = new Map<string, OutputCheck>();
  const lacking: string[] = [];
  for (const { id, method } of record.requests) {
    if (method === 'json') checks.set(id, anyJson);
    if (method !== 'object') continue;
    const check = given ?? known?.get(id);
    if (check) checks.set(id, check);
    else lacking.push(id);
  }
  if (lacking.length) {
    throw new InvalidRequestError(
      `batch job ${JSON.stringify(record.id)} has object requests (${lacking.join(', ')}) submitted ` +
        'in another process: pass their schema, results(id, { schema }), to validate the answers.',
    );
  }
  return checks;
}
