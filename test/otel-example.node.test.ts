// The OpenTelemetry example (examples/otel/otel-hooks.mjs) against the emulator, with a recording
// tracer: one CLIENT span per call named after the GenAI operation and model, the convention's
// attributes, retries as span events, errors as `error.type` with an ERROR status.
import { SpanKind, SpanStatusCode, type Attributes, type Tracer } from '@opentelemetry/api';
import { expect, it } from 'vitest';
import { openTelemetryHooks } from '../examples/otel/otel-hooks.mjs';
import { OpenAIModel } from '../src/providers/openai/index.ts';
import { AnthropicModel } from '../src/providers/anthropic/index.ts';
import { useEmulator } from './support/emulator-fixture.ts';

interface Recorded {
  name: string;
  kind?: SpanKind;
  attributes: Attributes;
  events: { name: string; attributes?: Attributes }[];
  status?: { code: SpanStatusCode; message?: string };
  ended: boolean;
}

/** A tracer that keeps its spans (the API alone records nothing without an SDK). */
function recordingTracer() {
  const spans: Recorded[] = [];
  const tracer = {
    startSpan(name: string, options: { kind?: SpanKind; attributes?: Attributes } = {}) {
      const rec: Recorded = {
        name,
        kind: options.kind,
        attributes: { ...options.attributes },
        events: [],
        ended: false,
      };
      spans.push(rec);
      const span = {
        setAttribute: (k: string, v: unknown) => ((rec.attributes[k] = v as never), span),
        setAttributes: (a: Attributes) => (Object.assign(rec.attributes, a), span),
        addEvent: (n: string, attributes?: Attributes) => (
          rec.events.push({ name: n, attributes }),
          span
        ),
        setStatus: (s: Recorded['status']) => ((rec.status = s), span),
        end: () => void (rec.ended = true),
      };
      return span;
    },
  } as unknown as Tracer;
  return { tracer, spans };
}

const emu = useEmulator();

it('the OpenTelemetry example: GenAI spans for an answer after a retry, a cache hit and a failure', async () => {
  await emu.control('otel', { faults: [{ status: 500 }] });
  const { tracer, spans } = recordingTracer();
  const hooks = openTelemetryHooks(tracer);
  const endpoint = `${emu.url}/s/otel`;
  const { memoryStore } = await import('../src/cache/index.ts');
  const m = new OpenAIModel({
    model: 'gpt-4o-mini',
    endpoint,
    apiKey: 'sk-t',
    retryDelay: 5,
    hooks,
    cache: memoryStore(),
  });
  const r = await m.chat('hi');
  expect(spans).toHaveLength(1);
  const [answer] = spans;
  expect(answer).toMatchObject({ name: 'chat gpt-4o-mini', kind: SpanKind.CLIENT, ended: true });
  expect(answer!.attributes).toEqual({
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': 'openai',
    'gen_ai.request.model': 'gpt-4o-mini',
    'gen_ai.response.model': r.model,
    'gen_ai.response.id': r.id,
    'gen_ai.response.finish_reasons': ['stop'],
    'gen_ai.usage.input_tokens': r.usage.inputTokens,
    'gen_ai.usage.output_tokens': r.usage.outputTokens,
    'server.address': '127.0.0.1',
    'server.port': Number(new URL(emu.url).port),
  });
  expect(answer!.events).toEqual([
    {
      name: 'retry',
      attributes: expect.objectContaining({
        attempt: 1,
        'error.type': 'APICallError',
        'http.response.status_code': 500,
      }),
    },
  ]);
  expect(answer!.status).toBeUndefined();

  await m.chat('hi');
  expect(spans[1]).toMatchObject({
    name: 'chat gpt-4o-mini',
    ended: true,
    attributes: { 'alea.cache_hit': 'cache' },
  });

  await emu.control('otel-fail', { faults: [{ status: 400 }] });
  const a = new AnthropicModel({
    endpoint: `${emu.url}/s/otel-fail`,
    apiKey: 'sk-t',
    cache: false,
    hooks,
  });
  await expect(
    a.object('a person', { schema: (await import('valibot')).object({}) }),
  ).rejects.toThrow();
  const failed = spans[2]!;
  expect(failed.name).toMatch(/^chat claude-/);
  expect(failed.attributes).toMatchObject({
    'gen_ai.provider.name': 'anthropic',
    'gen_ai.output.type': 'json',
    'error.type': 'APICallError',
    'http.response.status_code': 400,
  });
  expect(failed.status?.code).toBe(SpanStatusCode.ERROR);
  expect(failed.ended).toBe(true);
});
