// Model hooks as OpenTelemetry spans, following the GenAI semantic conventions
// (opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/, status Development): one CLIENT span per
// call named `{gen_ai.operation.name} {gen_ai.request.model}`, with the provider, the models, token
// usage, finish reasons and, on failure, `error.type` and an ERROR status. Retries become span
// events. Only this example needs `@opentelemetry/api`; the SDK itself never imports it.
//
//   import { trace } from '@opentelemetry/api';
//   const model = new OpenAIModel({ hooks: openTelemetryHooks(trace.getTracer('my-app')) });
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';

/** The convention's `gen_ai.provider.name` values for the SDK's provider keys. */
const PROVIDERS = { google: 'gcp.gemini', xai: 'x_ai' };

/** `gen_ai.operation.name`: `complete` is a text completion, every other method a chat. */
const operation = (method) => (method === 'complete' ? 'text_completion' : 'chat');

/**
 * Hooks that trace each call as a span of `tracer`.
 * @param {import('@opentelemetry/api').Tracer} tracer
 * @returns {import('alea-llm-client').CallHooks}
 */
export function openTelemetryHooks(tracer) {
  /** Open spans by call id: a call's first request opens its span, its end closes it. */
  const spans = new Map();
  const spanOf = (e) => {
    let span = spans.get(e.callId);
    if (!span) {
      const url = e.url ? new URL(e.url) : undefined;
      span = tracer.startSpan(`${operation(e.method)} ${e.model}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'gen_ai.operation.name': operation(e.method),
          'gen_ai.provider.name':
            e.provider === 'google' && url?.hostname.includes('aiplatform')
              ? 'gcp.vertex_ai'
              : (PROVIDERS[e.provider] ?? e.provider),
          'gen_ai.request.model': e.model,
          ...(url && { 'server.address': url.hostname }),
          ...(url?.port && { 'server.port': Number(url.port) }),
          ...(e.method !== 'chat' && e.method !== 'complete' && { 'gen_ai.output.type': 'json' }),
        },
      });
      spans.set(e.callId, span);
    }
    return span;
  };
  const end = (e) => {
    spans.get(e.callId)?.end();
    spans.delete(e.callId);
  };
  return {
    onRequest: (e) => spanOf(e),
    onRetry: (e) =>
      spanOf(e).addEvent('retry', {
        attempt: e.attempt,
        'error.type': e.error.name,
        ...(e.status !== undefined && { 'http.response.status_code': e.status }),
        'retry.delay_ms': e.delayMs,
      }),
    onResponse: (e) => {
      const span = spanOf(e);
      // A batch API call (`batch.submit`, `batch.status`, …) answers with a job, not a generation.
      if (e.method.startsWith('batch.')) return end(e);
      span.setAttributes({
        ...(e.responseModel && { 'gen_ai.response.model': e.responseModel }),
        ...(e.responseId && { 'gen_ai.response.id': e.responseId }),
        'gen_ai.response.finish_reasons': [e.finishReason],
        ...(e.usage.inputTokens !== undefined && {
          'gen_ai.usage.input_tokens': e.usage.inputTokens,
        }),
        ...(e.usage.outputTokens !== undefined && {
          'gen_ai.usage.output_tokens': e.usage.outputTokens,
        }),
      });
      end(e);
    },
    // A hit sends nothing: a short span marks it, so traces still show where the answer came from.
    onCacheHit: (e) => {
      spanOf(e).setAttribute('alea.cache_hit', e.source);
      end(e);
    },
    onError: (e) => {
      const span = spanOf(e);
      span.setAttribute('error.type', e.error.name);
      if (e.status !== undefined) span.setAttribute('http.response.status_code', e.status);
      span.setStatus({ code: SpanStatusCode.ERROR, message: e.error.message });
      end(e);
    },
  };
}
