// The emulator's streaming answers: OpenAI chat SSE framing ending in [DONE], and the Responses API's
// typed events ending in response.completed (or response.failed), its `error` event and its
// stream_options rule, and a cut inside an event.
import { describe, it, expect } from 'vitest';
import { chat, useEmulator } from './support/emulator-fixture.ts';

const { post, control } = useEmulator();

/** The events of a Responses stream: [type, data]. */
const eventsOf = (text: string) =>
  text
    .split('\n\n')
    .filter(Boolean)
    .map((f) => {
      const [head, data] = f.split('\n');
      return [head!.slice('event: '.length), JSON.parse(data!.slice('data: '.length))] as const;
    });

describe('POST /v1/chat/completions', () => {
  it('streams with OpenAI SSE framing ending in data: [DONE]', async () => {
    const res = await post(
      '/v1/chat/completions',
      chat({ stream: true, stream_options: { include_usage: true } }),
    );
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const frames = text.split('\n\n').filter(Boolean);
    expect(frames.every((f) => f.startsWith('data: ') && !f.includes('\n'))).toBe(true);
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.slice(6)));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id)).toBe(
      true,
    );
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('Echo: hello there world');
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 7 } });
  });
});

describe('POST /v1/responses', () => {
  it('streams typed events ending in response.completed', async () => {
    const text = await (
      await post('/v1/responses', { model: 'gpt-4o', input: 'hi', stream: true })
    ).text();
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((f) => f.split('\n')[0]!.slice('event: '.length));
    expect(events[0]).toBe('response.created');
    expect(events).toContain('response.output_text.delta');
    expect(events.at(-1)).toBe('response.completed');
  });

  it('streams function call arguments in pieces, and a failed response ends with response.failed', async () => {
    await control('rtool', { reply: { toolCalls: [{ name: 'f', arguments: { q: 'a b c' } }] } });
    const tools = [{ type: 'function', name: 'f', parameters: { type: 'object' } }];
    const body = { model: 'gpt-4o', input: 'hi', stream: true, tools };
    const events = eventsOf(await (await post('/s/rtool/v1/responses', body)).text());
    const deltas = events.filter(([t]) => t === 'response.function_call_arguments.delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map(([, d]) => d.delta).join('')).toBe('{"q":"a b c"}');
    expect(events.map(([, d]) => d.sequence_number)).toEqual(events.map((_, i) => i));
    await control('rfail', { reply: { failed: { code: 'server_error', message: 'no' } } });
    const failed = eventsOf(await (await post('/s/rfail/v1/responses', body)).text());
    expect(failed.at(-1)![0]).toBe('response.failed');
    expect(failed.at(-1)![1].response).toMatchObject({
      status: 'failed',
      error: { code: 'server_error' },
    });
  });

  it('fails mid-stream with the error event, and cuts inside an event', async () => {
    await control('rerr', {
      faults: [
        { errorAfter: 3 },
        { errorAfter: 2, errorShape: 'flat' },
        { errorAfter: 1, errorCode: 'insufficient_quota' },
        { cutAfter: 3, cutMidEvent: true },
      ],
    });
    const body = { model: 'gpt-4o', input: 'one two three four', stream: true };
    const events = eventsOf(await (await post('/s/rerr/v1/responses', body)).text());
    expect(events.length).toBe(4);
    // As the API sends it (openai-dotnet#881): the failure nested in `error`.
    expect(events[3]).toEqual([
      'error',
      {
        type: 'error',
        sequence_number: 3,
        error: {
          type: 'server_error',
          code: 'server_error',
          message: expect.any(String),
          param: null,
        },
      },
    ]);
    // The spec's documented ResponseErrorEvent.
    const flat = eventsOf(await (await post('/s/rerr/v1/responses', body)).text());
    expect(flat.at(-1)).toEqual([
      'error',
      {
        type: 'error',
        code: 'server_error',
        message: expect.any(String),
        param: null,
        sequence_number: 2,
      },
    ]);
    const quota = eventsOf(await (await post('/s/rerr/v1/responses', body)).text());
    expect(quota.at(-1)![1].error).toMatchObject({
      type: 'insufficient_quota',
      code: 'credit_balance_exhausted',
    });
    const cut = await post('/s/rerr/v1/responses', body);
    const read = await cut.text().then(
      (t) => t,
      (e: unknown) => e,
    );
    expect(read).toBeInstanceOf(Error);
  });

  it('takes stream_options only with stream, and only include_obfuscation', async () => {
    const base = { model: 'gpt-4o', input: 'hi' };
    const usage = await post('/v1/responses', {
      ...base,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(usage.status).toBe(400);
    expect(((await usage.json()) as { error: unknown }).error).toMatchObject({
      message: "Unknown parameter: 'stream_options.include_usage'.",
      param: 'stream_options.include_usage',
    });
    const alone = await post('/v1/responses', {
      ...base,
      stream_options: { include_obfuscation: false },
    });
    expect(alone.status).toBe(400);
    const ok = await post('/v1/responses', {
      ...base,
      stream: true,
      stream_options: { include_obfuscation: false },
    });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
    const flag = await post('/v1/responses', { ...base, stream: 'yes' });
    expect(flag.status).toBe(400);
  });
});
