import { LLMError } from './llm-error.ts';

/** The call's own input is wrong (a bad option or message). Thrown before any request is sent. */
export class InvalidRequestError extends LLMError {
  override readonly name: string = 'InvalidRequestError';
}
