// OpenAI-compatible routes (also used for xAI and vLLM, which speak the same wire format):
//   POST /v1/chat/completions, POST /v1/completions, POST /v1/responses (openai-responses.mjs),
//   GET /v1/models, GET /v1/models/{id}.
// Shapes follow /work/shared/specs/openai-openapi.yaml (CreateChatCompletionResponse,
// CreateChatCompletionStreamResponse, CreateCompletionResponse, CompletionUsage) and the error
// messages are the ones the real API sends for the same mistakes.
import { dialect } from './openai-common.mjs';
import { chatCompletions } from './openai-chat.mjs';
import { completions } from './openai-completions.mjs';
import { responsesDialect, responsesRoute } from './openai-responses.mjs';

// The server uses `dialect` for faults, 404s, auth and unparsable bodies on these routes.
export { dialect };

const MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-5',
  'gpt-5-mini',
  'o3',
  'o4-mini',
  'gpt-3.5-turbo-instruct',
];
const modelObject = (id) => ({ id, object: 'model', created: 1715367049, owned_by: 'system' });

// Where OpenAI-compatible APIs are mounted: OpenAI's /v1, Gemini's OpenAI compatibility
// (/v1beta/openai), GitLab-style /api/v4 servers and Azure OpenAI's v1 API (/openai/v1). Clients must
// use a versioned base URL as given: /v1/v1/… or /v1beta/openai/v1/… are 404s, as on the real hosts.
const MOUNTS = ['/v1', '/v1beta/openai', '/api/v4', '/openai/v1'];
const under = (operation) => (p) => MOUNTS.some((m) => p === m + operation);

export const routes = [
  { method: 'POST', match: under('/chat/completions'), dialect, handle: chatCompletions },
  { method: 'POST', match: under('/completions'), dialect, handle: completions },
  { ...responsesRoute, dialect: responsesDialect },
  {
    method: 'GET',
    match: (p) => p === '/v1/models',
    dialect,
    handle: () => ({ json: { object: 'list', data: MODELS.map(modelObject) } }),
  },
  {
    method: 'GET',
    match: (p) => p.startsWith('/v1/models/') && p.length > '/v1/models/'.length,
    dialect,
    handle: (ctx) => ({
      json: modelObject(decodeURIComponent(ctx.path.slice('/v1/models/'.length))),
    }),
  },
];
