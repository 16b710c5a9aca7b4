// Shared pieces of the Google emulation (Gemini API and Vertex AI speak the same generateContent
// format): the google.rpc.Status error envelope, the dialect (auth, faults, 404s, bad JSON), and the
// thought signatures the emulator issues and later checks, as Gemini 3 does.
import { createHash } from 'node:crypto';
import { isIssuedToken } from './gemini-token.mjs';

const STATUS = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Google's error body: `{ error: { code, message, status } }`. */
export function googleError(code, message, status = STATUS[code] ?? 'UNKNOWN') {
  return { status: code, json: { error: { code, message, status } } };
}
export const invalidArgument = (message) => googleError(400, message);

const FAULT_MESSAGES = {
  400: 'Request contains an invalid argument.',
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  503: 'The model is overloaded. Please try again later.',
  504: 'Deadline expired before operation could complete.',
};

export const GEMINI_RE = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
export const VERTEX_RE =
  /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

function bearer(ctx) {
  const auth = ctx.headers.authorization;
  return typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
}

/** Google's answer to a wrong API key (400, with an ErrorInfo detail); `echoed` repeats the key. */
function invalidKey(echoed) {
  const error = googleError(
    400,
    `API key not valid. Please pass a valid API key.${echoed ? ` (${echoed})` : ''}`,
  );
  error.json.error.details = [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com', ...(echoed && { key: echoed }) },
    },
  ];
  return error;
}

/**
 * Gemini's 429 for a spent per-minute quota, as real traffic shows it (python-genai#2044,
 * Roo-Code#3883): no retry-after header; the message, a QuotaFailure, a Help link, and a RetryInfo
 * whose `retryDelay` is the wait (whole seconds, rounded up here so a client that waits it finds
 * the window open).
 */
export function quotaExceeded(model, retryDelay) {
  const error = googleError(
    429,
    `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: ${model}\nPlease retry in ${retryDelay}.`,
  );
  error.json.error.details = [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
          quotaDimensions: { location: 'global', model },
          quotaValue: '10',
        },
      ],
    },
    {
      '@type': 'type.googleapis.com/google.rpc.Help',
      links: [
        {
          description: 'Learn more about Gemini API quotas',
          url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
        },
      ],
    },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ];
  return error;
}

const modelOf = (ctx) =>
  (GEMINI_RE.exec(ctx.path) ?? VERTEX_RE.exec(ctx.path))?.at(-2) ?? 'gemini-2.5-flash';

/**
 * A status fault's body. With the fault's `retryDelay`, a 429 is Gemini's quota error and another
 * status carries the RetryInfo detail too (Google's 503 may), never a retry-after header.
 */
function faultError(status, ctx, fault) {
  const retryDelay = fault?.retryDelay;
  if (retryDelay !== undefined && status === 429) return quotaExceeded(modelOf(ctx), retryDelay);
  const error = googleError(status, FAULT_MESSAGES[status] ?? `Emulated error ${status}.`);
  if (retryDelay !== undefined)
    error.json.error.details = [
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
    ];
  return error;
}

/** The server uses this for faults, 404s, auth and unparsable bodies on the Google routes. */
export const dialect = {
  name: 'google',
  faultError,
  // A spent rate-limit window: Vertex's 429 has no details (and no retry-after); Gemini's says
  // when to retry only in its body.
  rateLimited: (ctx, waitMs) =>
    VERTEX_RE.test(ctx.path)
      ? googleError(
          429,
          'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
        )
      : quotaExceeded(modelOf(ctx), `${Math.max(1, Math.ceil(waitMs / 1000))}s`),
  notFound: (ctx) =>
    googleError(
      404,
      `models/${ctx.path.split('/').pop()} is not found for API version v1beta, or is not supported for generateContent.`,
    ),
  invalidJson: () => invalidArgument('Invalid JSON payload received. Unexpected token.'),
  // Google's mid-stream failure: a data event holding the google.rpc.Status error.
  streamError: () => `data: ${JSON.stringify(googleError(503, FAULT_MESSAGES[503]).json)}\r\n\r\n`,
  checkAuth(ctx) {
    if (VERTEX_RE.test(ctx.path)) {
      const token = bearer(ctx);
      // Tokens the emulated OAuth endpoint issues look like Google's (ya29.…) and must be ones it issued.
      if (token && ctx.scenario.echoKey)
        return googleError(401, `${FAULT_MESSAGES[401]} Rejected token: ${token}`);
      if (token === 'bad-key' || (token?.startsWith('ya29.') && !isIssuedToken(token)))
        return googleError(401, FAULT_MESSAGES[401]);
      if (ctx.scenario.requireAuth && !token)
        return googleError(
          401,
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        );
      return null;
    }
    const key = ctx.headers['x-goog-api-key'] ?? ctx.query.get('key');
    if (key === 'bad-key' || (key && ctx.scenario.echoKey))
      return invalidKey(ctx.scenario.echoKey ? key : undefined);
    if (ctx.scenario.requireAuth && !key)
      return googleError(
        403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    return null;
  },
};

const SIG_PREFIX = 'emulator-thought-signature:';
/** An opaque signature, as Gemini attaches to parts of thinking models. */
export const issueSignature = (...parts) =>
  Buffer.from(
    SIG_PREFIX + createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16),
  ).toString('base64');
/** Whether a signature is one this emulator issued (i.e. it was sent back unchanged). */
export const isIssuedSignature = (s) =>
  typeof s === 'string' && Buffer.from(s, 'base64').toString('utf8').startsWith(SIG_PREFIX);
/**
 * Google's documented values for function calls Gemini did not make (FAQ of
 * https://ai.google.dev/gemini-api/docs/thought-signatures): accepted in place of a signature.
 */
export const SKIP_SIGNATURES = [
  'skip_thought_signature_validator',
  'context_engineering_is_the_way_to_go',
];
// The field is bytes: compared decoded, so the base64url and standard base64 spellings both match.
const bytes = (s) => Buffer.from(String(s), 'base64').toString('hex');
const SKIP_BYTES = new Set(SKIP_SIGNATURES.map(bytes));
/** A signature the API accepts: one it issued, or a documented skip value. */
export const isAcceptedSignature = (s) =>
  isIssuedSignature(s) || (typeof s === 'string' && SKIP_BYTES.has(bytes(s)));

export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
export const countWords = (text) =>
  typeof text === 'string' ? (text.match(/\S+/g) ?? []).length : 0;
export const isGemini3 = (model) => /^gemini-3/.test(model);
