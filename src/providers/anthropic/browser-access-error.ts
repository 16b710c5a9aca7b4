import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/**
 * A call to Anthropic from a browser page without `dangerouslyAllowBrowser: true`. Thrown before any
 * request, so the key never leaves the page.
 */
export class BrowserAccessError extends InvalidRequestError {
  override readonly name: string = 'BrowserAccessError';

  constructor() {
    super(
      'AnthropicModel refuses to call Anthropic from a browser: the API key would be sent from the ' +
        'page, where any user of the page can read it. Prefer a proxy: point `endpoint` at your own ' +
        'server, which adds the key and forwards to https://api.anthropic.com. If every user of the ' +
        'page may see the key (a local tool, a user-supplied key), pass `dangerouslyAllowBrowser: true`.',
    );
  }
}
