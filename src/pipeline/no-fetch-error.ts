import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';

/**
 * The error of a call in a runtime without a global `fetch` (and none passed). Loaded only there, so
 * other runtimes' bundles carry none of its text.
 */
export const noFetchError = (): InvalidRequestError =>
  new InvalidRequestError(
    'No global fetch in this runtime: pass `fetch` to the model, or use Node 18 or later.',
  );
