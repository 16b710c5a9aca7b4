import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/**
 * A call to Anthropic from a browser page without `dangerouslyAllowBrowser: true`. Thrown before any
 * request, so the key never leaves the page.
 */
export class BrowserAccessError extends InvalidRequestError {
  override readonly name: string = 'BrowserAccessError';

  constructor() {
    super(
      'AnthropicModel refuses browser calls to api.anthropic.com: any user of the page could read ' +
        'the API key. Use a proxy (point `endpoint` at your server, which adds the key), or pass ' +
        '`dangerouslyAllowBrowser: true` if every user may see the key.',
    );
  }
}
