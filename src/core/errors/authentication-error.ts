import { APICallError } from './api-call-error.ts';

/**
 * The provider refused the key (401) or its permissions (403). Never retried: check the key's value,
 * its project and the model's access rights.
 */
export class AuthenticationError extends APICallError {
  override readonly name: string = 'AuthenticationError';
}
