// Shared pieces of the OpenAI emulation: the error envelope, auth, ids, the deterministic
// "tokenizer" (whitespace words) and the echo logic used by chat, completions and responses.
import { createHash, randomBytes } from 'node:crypto';

// Constant so bodies are deterministic apart from id/created (real ones look like fp_fc9f1d7035).
export const SYSTEM_FINGERPRINT = 'fp_e0a1b2c3d4';

// ---- errors: OpenAI always answers { error: { message, type, param, code } } ----
export function apiError(
  status,
  message,
  { type = 'invalid_request_error', param = null, code = null } = {},
) {
  return { status, json: { error: { message, type, param, code } } };
}
export const badRequest = (message, param = null, code = null) =>
  apiError(400, message, { param, code });
export const missing = (param) =>
  badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');

const jsonType = (v) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isInteger(v)
        ? 'integer'
        : typeof v;
export const invalidType = (param, expected, value) =>
  badRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${jsonType(value) === 'integer' ? 'an integer' : `a ${jsonType(value)}`} instead.`,
    param,
    'invalid_type',
  );

/** Masks a key like OpenAI does in "Incorrect API key provided: sk-ab***********wxyz." */
export function maskKey(key) {
  if (key.length <= 8) return `${key.slice(0, 2)}***${key.slice(-2)}`;
  return `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}`;
}

// Default bodies for `{ status }` faults, using the types/codes OpenAI really sends.
export function faultError(status, ctx) {
  const model = typeof ctx?.body?.model === 'string' ? ctx.body.model : 'gpt-4o';
  switch (status) {
    case 400:
      return apiError(400, 'Invalid request (emulated fault).');
    case 401:
      return apiError(
        401,
        'Incorrect API key provided: sk-em***********ault. You can find your API key at https://platform.openai.com/account/api-keys.',
        { code: 'invalid_api_key' },
      );
    case 403:
      return apiError(403, 'Country, region, or territory not supported', {
        type: 'request_forbidden',
        code: 'unsupported_country_region_territory',
      });
    case 404:
      return apiError(
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        { code: 'model_not_found' },
      );
    case 429:
      return apiError(
        429,
        `Rate limit reached for ${model} in organization org-emulator on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        { type: 'requests', code: 'rate_limit_exceeded' },
      );
    case 500:
      return apiError(
        500,
        `The server had an error processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if you keep seeing this error. (Please include the request ID ${ctx?.requestId ?? 'req_0'} in your email.)`,
        { type: 'server_error' },
      );
    case 502:
      return apiError(502, 'Bad gateway.', { type: 'server_error' });
    case 503:
      return apiError(503, 'The server is overloaded or not ready yet.', { type: 'server_error' });
    case 504:
      return apiError(504, 'Gateway timeout.', { type: 'server_error' });
    default:
      return apiError(status, `Emulated error ${status}.`, {
        type: status >= 500 ? 'server_error' : 'invalid_request_error',
      });
  }
}

// ---- the dialect object the server uses for faults, 404s, auth and bad JSON ----
export const dialect = {
  name: 'openai',
  headers: () => ({ 'openai-version': '2020-10-01', 'openai-processing-ms': '1' }),
  faultError,
  notFound: (ctx) => apiError(404, `Invalid URL (${ctx.method} ${ctx.path})`),
  invalidJson: () =>
    badRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
    ),
  // OpenAI's mid-stream failure: a data event with the error envelope (openai-node throws on it).
  streamError: (ctx) => `data: ${JSON.stringify(faultError(500, ctx).json)}\n\n`,
  checkAuth(ctx) {
    const auth = ctx.headers.authorization;
    const m = typeof auth === 'string' ? /^Bearer\s+(\S.*)$/i.exec(auth) : null;
    const key = m?.[1]?.trim();
    if (key === 'bad-key' || (key && ctx.scenario.echoKey)) {
      // The real message masks the key; `echoKey` sends it whole, the worst a server could do.
      return apiError(
        401,
        `Incorrect API key provided: ${ctx.scenario.echoKey ? key : maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        { code: 'invalid_api_key' },
      );
    }
    if (ctx.scenario.requireAuth && !key) {
      // OpenAI's answer to a missing key: code is null (only a wrong key gets invalid_api_key).
      return apiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      );
    }
    return null;
  },
};

// ---- ids ----
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(prefix, len = 29) {
  const bytes = randomBytes(len);
  let s = '';
  for (const b of bytes) s += ALNUM[b % ALNUM.length];
  return prefix + s;
}
export const hexId = (prefix) => prefix + randomBytes(24).toString('hex');
/** Deterministic id (tool call ids) so identical requests give identical bodies. */
export const stableId = (prefix, ...parts) =>
  prefix +
  createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 24);
export const nowSeconds = () => Math.floor(Date.now() / 1000);

// ---- text and tokens: one whitespace-separated word == one token ----
export const countWords = (text) =>
  typeof text === 'string' ? (text.match(/\S+/g) ?? []).length : 0;
/** Splits keeping all whitespace, so the pieces concatenate back to the input exactly. */
export const splitWords = (text) => text.match(/\s*\S+|\s+$/g) ?? [];
/**
 * The pieces a streamed text arrives in: words with their leading whitespace, and long words (JSON
 * answers have few spaces) in pieces of at most 8 characters. They concatenate to the text exactly.
 */
export const streamPieces = (text) =>
  splitWords(text).flatMap((word) => word.match(/[\s\S]{1,8}/g) ?? []);
/** Keeps the first `n` words (original whitespace between them). */
export function truncateWords(text, n) {
  const pieces = splitWords(text).filter((p) => /\S/.test(p));
  return pieces.slice(0, Math.max(0, n)).join('').replace(/^\s+/, '');
}

/** Text of a message `content`: a string, or an array of parts whose text parts are joined. */
export function contentText(content) {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((p) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? p.text : ''))
    .filter(Boolean)
    .join(' ');
}

// Reasoning models (o1, o3, o4-mini, gpt-5, gpt-5-mini...; not gpt-5-chat-latest).
export const isReasoningModel = (model) => /^o\d/.test(model) || /^gpt-5(?!-chat)/.test(model);
export const REASONING_TOKENS = 16;

export const hasJsonWord = (texts) => texts.some((t) => /json/i.test(t));

/** Deep-merges `extra` (the reply override's usage) into `usage`. */
export function mergeUsage(usage, extra) {
  if (!extra || typeof extra !== 'object') return usage;
  const out = { ...usage };
  for (const [k, v] of Object.entries(extra)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && typeof out[k] === 'object'
        ? mergeUsage(out[k], v)
        : v;
  }
  return out;
}

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
