// The emulator's streaming answers: OpenAI chat SSE framing ending in [DONE], and the Responses API's
// typed events ending in response.completed.
import { describe, it, expect } from 'vitest';
import { chat, useEmulator } from './support/emulator-fixture.ts';

const { post } = useEmulator();

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
});
