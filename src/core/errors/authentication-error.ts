import { APICallError, type APICallErrorInit } from './api-call-error.ts';

/**
 * The provider refused the key (401, or Gemini's 400 `API_KEY_INVALID` / `API_KEY_EXPIRED`) or its
 * permissions (403). Never retried: check the key's value, its project and the model's access rights.
 */
export class AuthenticationError extends APICallError {
  override readonly name: string = 'AuthenticationError';
  /**
   * The key itself was refused (401, or a body that says so under another status), not its
   * permissions (403): the call's key resolver is told through its `invalidate`.
   */
  readonly keyRefused: boolean;

  constructor(init: APICallErrorInit & { keyRefused?: boolean }) {
    super(init);
    this.keyRefused = init.keyRefused ?? init.status === 401;
  }
}
