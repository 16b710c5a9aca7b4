import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';

/** The Gemini API's host. */
export const GEMINI_ENDPOINT = 'https://generativelanguage.googleapis.com';
/** Vertex AI's default location (the original's `location_id` default). */
export const VERTEX_DEFAULT_LOCATION = 'us-central1';

const LOCATION = /^[a-z0-9-]+$/;
// `aiplatform.googleapis.com` (global) or `{location}-aiplatform.googleapis.com`.
const VERTEX_HOST = /^(?:([a-z0-9-]+)-)?aiplatform\.googleapis\.com$/;
// One path segment of a model name: the characters model ids, tuned models and endpoint ids use.
// `.` and `..` cannot pass (a segment starts with a letter or digit), so a name never climbs paths.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@~-]*$/;

/**
 * The location a Vertex AI host serves (`global` for `aiplatform.googleapis.com`), or undefined for
 * a host that is not Vertex AI's.
 */
export function locationOfHost(host: string): string | undefined {
  const match = VERTEX_HOST.exec(host);
  return match ? (match[1] ?? 'global') : undefined;
}

/**
 * Vertex AI's endpoint for a location (`global` has no location prefix), built with `URL` and
 * checked, so a location can never choose another host.
 * @throws {@link InvalidRequestError} for a location that is not `[a-z0-9-]+`.
 */
export function vertexEndpoint(location: string): string {
  const host = `${location === 'global' ? '' : `${location}-`}aiplatform.googleapis.com`;
  const url = LOCATION.test(location) ? new URL(`https://${host}`) : undefined;
  if (url?.hostname !== host) {
    throw new InvalidRequestError(
      `The Vertex AI location ${JSON.stringify(location)} is not [a-z0-9-]+ (such as \`europe-west4\` ` +
        'or `global`): check `location` or VERTEX_LOCATION_ID.',
    );
  }
  return url.origin;
}

/** The model name's path, each segment checked (the error's code loads only when one is bad). */
export async function checkedPath(model: string): Promise<string> {
  if (model.split('/').every((segment) => SEGMENT.test(segment))) return model;
  throw (await import('./google-url-problem.ts')).googleUrlProblem('model', model);
}

// Model names as Google's own SDK (google-genai `_transformers.t_model`) resolves them: the Gemini
// API takes `models/…` and `tunedModels/…` as they are (Vertex's rule is in vertex-path.ts).

/** The Gemini API path of a model method, such as `/v1beta/models/gemini-2.5-flash:generateContent`. */
export async function geminiPath(model: string, method = 'generateContent'): Promise<string> {
  const name = /^(models|tunedModels)\//.test(model) ? model : `models/${model}`;
  return `/v1beta/${await checkedPath(name)}:${method}`;
}
