// A path segment that names an API version: v1, v4, v1beta, v1beta1, v2alpha.
const VERSION_SEGMENT = /(^|\/)v\d+[a-z]*\d*(?=\/|$)/;
const LEADING_VERSION = /^\/v\d+[a-z]*\d*(?=\/)/;

/**
 * Normalises an endpoint to the base URL that identifies it: trimmed and without trailing slashes.
 * The path is kept as given (`/v1`, `/v1beta/openai`, `/api/v4`), so the same normaliser serves every
 * model class and the cache's `modelCachePrefix`. Idempotent.
 * @param endpoint - What the caller configured, such as `https://api.openai.com/v1/`.
 */
export function baseUrl(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '');
}

/**
 * The path of an endpoint: what follows the scheme and host, up to a query or fragment. A pattern
 * rather than `new URL()`: every call builds its URL twice, and the URL parser cost each some
 * 0.01 M instructions in Node.
 */
const pathOf = (endpoint: string): string =>
  endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*|[?#][^]*/gi, '');

/**
 * The URL of one API operation. Adapters write paths with the provider's default version
 * (`/v1/chat/completions`, `/v1beta/models/…`). An endpoint whose path already names a version
 * anywhere (`…/v1`, Gemini's `…/v1beta/openai`, `…/api/v4`, `…/openai/v1` on Azure) is the versioned
 * API root and is used as given: only the operation is appended (`/chat/completions`). A bare host,
 * or a path without a version (a proxy's mount point such as `https://gw.example/llm`), gets the
 * default version first.
 * @param endpoint - A normalised endpoint (see {@link baseUrl}).
 * @param path - The adapter's path, starting with its default version.
 */
export function apiUrl(endpoint: string, path: string): string {
  const base = baseUrl(endpoint);
  return VERSION_SEGMENT.test(pathOf(base))
    ? base + path.replace(LEADING_VERSION, '')
    : base + path;
}
