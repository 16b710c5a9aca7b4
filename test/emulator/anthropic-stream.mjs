// The streaming form of a Messages API answer (docs "Streaming Messages"), for anthropic.mjs.
import { streamPieces } from './openai-common.mjs';

const event = (type, data) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/**
 * A Message as the streaming Messages API sends it (docs "Streaming Messages"): message_start with
 * empty content and the input usage, a ping, per block content_block_start (empty text, thinking with
 * an empty signature, tool_use and server_tool_use with `{}` input, other blocks whole), its deltas
 * (citations then text, thinking then the signature, tool input as partial JSON) and content_block_stop, then message_delta with the
 * stop reason and output tokens, and message_stop.
 */
export function messageStream(message) {
  const { content, stop_reason, stop_sequence, usage, ...head } = message;
  const frames = [
    event('message_start', {
      message: {
        ...head,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
    event('ping', {}),
  ];
  content.forEach((block, index) => {
    const delta = (d) => frames.push(event('content_block_delta', { index, delta: d }));
    const start = (b) => frames.push(event('content_block_start', { index, content_block: b }));
    if (block.type === 'text') {
      start({ type: 'text', text: '' });
      for (const citation of block.citations ?? []) delta({ type: 'citations_delta', citation });
      for (const text of streamPieces(block.text)) delta({ type: 'text_delta', text });
    } else if (block.type === 'thinking') {
      start({ type: 'thinking', thinking: '', signature: '' });
      for (const thinking of streamPieces(block.thinking))
        delta({ type: 'thinking_delta', thinking });
      delta({ type: 'signature_delta', signature: block.signature });
    } else if (block.type === 'tool_use' || block.type === 'server_tool_use') {
      start({ ...block, input: {} });
      for (const json of streamPieces(JSON.stringify(block.input)))
        delta({ type: 'input_json_delta', partial_json: json });
    } else start(block);
    frames.push(event('content_block_stop', { index }));
  });
  frames.push(
    event('message_delta', {
      delta: { stop_reason, stop_sequence },
      usage: { output_tokens: usage.output_tokens },
    }),
    event('message_stop', {}),
  );
  return frames;
}
