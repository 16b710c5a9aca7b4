/**
 * Normalises an endpoint to the API's base URL: trimmed, without trailing slashes or a trailing API
 * version (`/v1`, `/v1beta`), since every adapter adds its own versioned path. Idempotent.
 * @param endpoint - What the caller configured, such as `https://api.openai.com/v1/`.
 */
export function baseUrl(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v1(beta)?$/, '');
}
