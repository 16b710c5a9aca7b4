import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/**
 * The error for a Vertex project id or a model name that cannot be part of a Google URL (see
 * vertex-url.ts). Loaded only when one is refused.
 * @param what - Which setting is wrong.
 * @param value - Its value (neither is a secret).
 */
export function googleUrlProblem(what: 'project' | 'model', value: string): InvalidRequestError {
  return new InvalidRequestError(
    what === 'project'
      ? `The Vertex AI project ${JSON.stringify(value)} is not a Google Cloud project id (6 to 30 ` +
          'lowercase letters, digits or hyphens, starting with a letter) or project number: check ' +
          '`projectId` or VERTEX_PROJECT_ID.'
      : `The model ${JSON.stringify(value)} cannot be part of a Google URL: use an id such as ` +
          '`gemini-2.5-flash`, or a resource name whose parts are letters, digits, `.`, `_`, `-` ' +
          'and `@`.',
  );
}
