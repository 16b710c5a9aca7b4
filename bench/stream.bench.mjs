// Client CPU per streamed call against an instant loopback SSE server in another process (40 text
// deltas, usage, [DONE]): a raw fetch + TextDecoderStream SSE loop, alea-llm-client stream(),
// openai-node `stream: true` and the AI SDK's streamText, measured in the same run. CPU time per call
// (process.cpuUsage) is the figure to compare; wall time is shown too.
import OpenAI from 'openai';
import { createOpenAI } from '@ai-sdk/openai';
import { streamText } from 'ai';
import { OpenAIModel } from 'alea-llm-client/openai';
import { measureClients } from './measure-clients.mjs';
import { startInstantServer } from './start-instant-server.mjs';

const N = Number(process.env.BENCH_N ?? 500);
const ROUNDS = 3;
const EXPECTED = Array.from({ length: 40 }, (_, i) => `word${i} `).join('');

const { base, stop } = await startInstantServer();
const messages = [{ role: 'user', content: 'hi' }];

const openaiSdk = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'k', maxRetries: 0 });
const aiSdk = createOpenAI({ baseURL: `${base}/v1`, apiKey: 'k' }).chat('gpt-4o-mini');
const alea = new OpenAIModel({ model: 'gpt-4o-mini', endpoint: base, apiKey: 'k', cache: false });

/** The baseline: what a hand-written client does, with no error handling beyond the status. */
async function rawSse() {
  const res = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  if (!res.ok) throw new Error(String(res.status));
  let text = '';
  let buffer = '';
  for await (const piece of res.body.pipeThrough(new TextDecoderStream())) {
    buffer += piece;
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!event.startsWith('data: ')) continue;
      const data = event.slice(6);
      if (data === '[DONE]') continue;
      text += JSON.parse(data).choices[0]?.delta?.content ?? '';
    }
  }
  return text;
}

/** @type {Record<string, () => Promise<string>>} */
const clients = {
  'raw fetch + TextDecoderStream SSE loop': rawSse,
  'alea-llm-client stream()': async () => {
    let text = '';
    for await (const event of alea.stream(messages)) if (event.type === 'text') text += event.delta;
    return text;
  },
  'openai 6.49 stream: true': async () => {
    const stream = await openaiSdk.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    return text;
  },
  'ai 7 streamText (@ai-sdk/openai 4)': async () => {
    const result = streamText({ model: aiSdk, messages, maxRetries: 0 });
    let text = '';
    for await (const piece of result.textStream) text += piece;
    return text;
  },
};

const rows = await measureClients(clients, {
  n: N,
  warmup: 100,
  rounds: ROUNDS,
  expected: EXPECTED,
});
stop();
const raw = rows[0];
console.log(
  `\nOne streamed call (40 deltas), ${N} sequential calls x ${ROUNDS} rounds (medians), Node ${process.version}\n`,
);
console.log('| Client | ms/call | CPU µs/call | CPU vs raw SSE loop |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.wall.toFixed(3)} | ${r.cpu.toFixed(0)} | ${(r.cpu / raw.cpu).toFixed(2)} |`,
  );
}
