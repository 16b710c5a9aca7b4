// A provider stand-in that answers instantly with fixed bodies, in its own process, so the benchmark
// measures client cost only. Prints `PORT=<n>` once listening.
import http from 'node:http';

const chat = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
});
const message = JSON.stringify({
  id: 'msg_bench',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-6',
  content: [{ type: 'text', text: 'hello' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: { input_tokens: 5, output_tokens: 1 },
});

// A streamed answer (`stream: true`): 40 text deltas, the usage chunk and [DONE], as OpenAI sends them.
const chunk = (/** @type {object} */ fields) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', ...fields })}\n\n`;
const sse =
  chunk({
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  }) +
  Array.from({ length: 40 }, (_, i) =>
    chunk({ choices: [{ index: 0, delta: { content: `word${i} ` }, finish_reason: null }] }),
  ).join('') +
  chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
  chunk({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 40, total_tokens: 45 } }) +
  'data: [DONE]\n\n';

// BENCH_PROVIDER_HEADERS=1: whole answers also carry the headers a real OpenAI answer carries (its
// request id, processing time, rate-limit windows and the CDN's), which a client may read and raw
// fetch leaves alone. Off by default, so the tables stay comparable with earlier runs.
const providerHeaders = process.env.BENCH_PROVIDER_HEADERS
  ? {
      'x-request-id': 'req_0123456789abcdef0123456789abcdef',
      'openai-organization': 'org-bench',
      'openai-processing-ms': '412',
      'openai-version': '2020-10-01',
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-limit-tokens': '30000000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-remaining-tokens': '29999990',
      'x-ratelimit-reset-requests': '6ms',
      'x-ratelimit-reset-tokens': '0s',
      'strict-transport-security': 'max-age=31536000; includeSubDomains; preload',
      'cf-cache-status': 'DYNAMIC',
      'x-content-type-options': 'nosniff',
      'cf-ray': '8f0123456789abcd-FRA',
      'alt-svc': 'h3=":443"; ma=86400',
    }
  : {};

const server = http.createServer((req, res) => {
  let request = '';
  req.on('data', (d) => (request += d));
  req.on('end', () => {
    if (request.includes('"stream":true')) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      return void res.end(sse);
    }
    const body = req.url.endsWith('/messages') ? message : chat;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      ...providerHeaders,
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`PORT=${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
