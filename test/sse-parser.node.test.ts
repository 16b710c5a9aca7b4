// The SSE parser under any chunking (issue 11, "Robustness"): every byte split of recorded streams
// (LF and CRLF, multi-line data, comments, [DONE], a last event without its blank line), and a
// property test with random events, line ends and chunk boundaries against a direct reading of the
// WHATWG rules. End to end, through fetch and TextDecoder, in every runtime: cases-stream-bytes.mjs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../src/core/sse-parser.ts';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return events;
}

const RECORDED: Record<string, { text: string; events: SseEvent[] }> = {
  'OpenAI (LF, [DONE])': {
    text: 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n',
    events: [
      { event: undefined, data: '{"a":1}' },
      { event: undefined, data: '{"b":2}' },
      { event: undefined, data: '[DONE]' },
    ],
  },
  'Anthropic (event names, ping)': {
    text: 'event: message_start\ndata: {"type":"message_start"}\n\nevent: ping\ndata: {"type": "ping"}\n\n',
    events: [
      { event: 'message_start', data: '{"type":"message_start"}' },
      { event: 'ping', data: '{"type": "ping"}' },
    ],
  },
  'Gemini (CRLF)': {
    text: 'data: {"x":"é"}\r\n\r\ndata: {"y":"😀"}\r\n\r\n',
    events: [
      { event: undefined, data: '{"x":"é"}' },
      { event: undefined, data: '{"y":"😀"}' },
    ],
  },
  'comments, multi-line data, CR line ends, no space, id and retry': {
    text: ': keep-alive\n\ndata:first\rdata:  second\r\nid: 7\nretry: 10\n\n:x\nevent:e\ndata\n\n',
    events: [
      { event: undefined, data: 'first\n second' },
      { event: 'e', data: '' },
    ],
  },
  'a last event without its blank line': {
    text: 'data: one\n\ndata: two',
    events: [
      { event: undefined, data: 'one' },
      { event: undefined, data: 'two' },
    ],
  },
  'an event without data is not dispatched': {
    text: 'event: nothing\n\ndata: x\n\n',
    events: [{ event: undefined, data: 'x' }],
  },
};

describe('createSseParser', () => {
  for (const [name, { text, events }] of Object.entries(RECORDED)) {
    it(`${name}: whole, in 1-character chunks, and split at every boundary`, () => {
      expect(parse([text])).toEqual(events);
      expect(parse([...text])).toEqual(events);
      for (let i = 1; i < text.length; i++)
        expect(parse([text.slice(0, i), text.slice(i)]), `split at ${i}`).toEqual(events);
    });
  }

  it('any events, any line ends, any chunking: the events as the standard reads them', () => {
    const line = fc.stringMatching(/^[^\r\n]*$/);
    const event = fc.record({
      comment: fc.option(line, { nil: undefined }),
      type: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
      data: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, ending), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.boolean(),
        (items, cuts, closeLast) => {
          let text = '';
          items.forEach(([e, eol], i) => {
            if (e.comment !== undefined) text += `:${e.comment}${eol}`;
            if (e.type !== undefined) text += `event: ${e.type}${eol}`;
            for (const d of e.data) text += `data: ${d}${eol}`;
            if (closeLast || i < items.length - 1) text += eol;
          });
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
          const expected = items.map(([e]) => ({
            event: e.type || undefined,
            data: e.data.join('\n'),
          }));
          expect(parse(chunks)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
