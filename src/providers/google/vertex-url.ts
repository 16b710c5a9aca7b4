/** The Gemini API's host. */
export const GEMINI_ENDPOINT = 'https://generativelanguage.googleapis.com';
/** Vertex AI's default location (the original's `location_id` default). */
export const VERTEX_DEFAULT_LOCATION = 'us-central1';

const REGIONAL = /^([a-z0-9-]+)-aiplatform\.googleapis\.com$/;
const GLOBAL_HOST = 'aiplatform.googleapis.com';

/** Tells whether a host is Vertex AI's: `aiplatform.googleapis.com` or `{location}-aiplatform…`. */
export function isVertexHost(host: string): boolean {
  return host === GLOBAL_HOST || REGIONAL.test(host);
}

/** The location a Vertex host serves (`global` for the bare host), or undefined for other hosts. */
export function locationOfHost(host: string): string | undefined {
  if (host === GLOBAL_HOST) return 'global';
  return REGIONAL.exec(host)?.[1];
}

/** Vertex AI's host for a location; `global` has no location prefix. */
export function vertexHost(location: string): string {
  return location === 'global' ? GLOBAL_HOST : `${location}-aiplatform.googleapis.com`;
}

/** The model id as the URL needs it: `models/` and `publishers/google/models/` prefixes dropped. */
const modelSegment = (model: string) => encodeURIComponent(model.replace(/^.*models\//, ''));

/** The Gemini API path of a model method, such as `/v1beta/models/gemini-2.5-flash:generateContent`. */
export function geminiPath(model: string, method = 'generateContent'): string {
  return `/v1beta/models/${modelSegment(model)}:${method}`;
}

/** The Vertex AI path of a Google model method in a project and location. */
export function vertexPath(
  project: string,
  location: string,
  model: string,
  method = 'generateContent',
): string {
  const p = encodeURIComponent(project);
  const l = encodeURIComponent(location);
  return `/v1/projects/${p}/locations/${l}/publishers/google/models/${modelSegment(model)}:${method}`;
}
