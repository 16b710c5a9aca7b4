import { baseUrl } from '../../core/base-url.ts';
import { readEnv } from '../../core/env.ts';
import { hostOf } from '../../core/host-of.ts';
import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import { createGoogleAdapter } from './google-adapter.ts';
import {
  GEMINI_ENDPOINT,
  VERTEX_DEFAULT_LOCATION,
  locationOfHost,
  vertexEndpoint,
} from './vertex-url.ts';

/** Google's default model (the original's 0.3 default). */
export const GOOGLE_DEFAULT_MODEL = 'gemini-3.1-pro-preview';

/** Settings of {@link GoogleModel}. */
export interface GoogleModelOptions extends ModelOptions {
  /**
   * Use Vertex AI instead of the Gemini API. @default true when `endpoint` is an
   * `aiplatform.googleapis.com` host, else false
   */
  vertex?: boolean;
  /** Vertex AI: the Google Cloud project. @default the `VERTEX_PROJECT_ID` variable, read per call */
  projectId?: string;
  /**
   * Vertex AI: the location, such as `europe-west4`; `global` uses `aiplatform.googleapis.com`.
   * @default the endpoint's location, else `VERTEX_LOCATION_ID`, else `us-central1`
   */
  location?: string;
}

/** Picks the API, endpoint and adapter from the options (no I/O; one environment read). */
function resolveTarget(options: GoogleModelOptions) {
  const explicit = options.endpoint ? baseUrl(options.endpoint) : undefined;
  const hostLocation = explicit && locationOfHost(hostOf(explicit));
  if (!(options.vertex ?? hostLocation)) {
    return {
      adapter: createGoogleAdapter({ api: 'gemini' }),
      // The features the adapter sends (systemInstruction, thinking, responseJsonSchema) are the
      // Gemini API's v1beta: a trailing /v1 or /v1beta names the API root, not a version choice.
      endpoint: explicit?.replace(/\/v1(beta)?$/, '') ?? GEMINI_ENDPOINT,
    };
  }
  const location =
    options.location ??
    hostLocation ??
    readEnv('VERTEX_LOCATION_ID', options.env) ??
    VERTEX_DEFAULT_LOCATION;
  // Checked even with an explicit endpoint: the location is also part of every request path.
  const regional = vertexEndpoint(location);
  // Environment and key-file tokens only go to the Vertex host in use; a custom endpoint (a proxy,
  // an emulator) needs an explicit token.
  const adapter = createGoogleAdapter({
    api: 'vertex',
    projectId: options.projectId,
    location,
    hosts: [hostOf(hostLocation ? explicit : regional)],
    env: options.env,
  });
  return { adapter, endpoint: explicit ?? regional, location };
}

/**
 * Google's Gemini models through the Gemini API (AI Studio) or Vertex AI.
 *
 * Gemini API keys come from `apiKey`, `keyResolver`, `GEMINI_API_KEY`, `GOOGLE_API_KEY` or
 * `~/.alea/keys/gemini` and travel in the `x-goog-api-key` header. Vertex AI takes an OAuth access
 * token from `apiKey`, `keyResolver` (see `serviceAccountKeyResolver`), `VERTEX_ACCESS_TOKEN` or
 * `~/.alea/keys/vertex`. Keys from the environment or a file only go to Google's own hosts, over
 * https. Construction does no I/O and never throws for missing settings: the location is read and
 * checked here (it picks the host; a malformed one is an `InvalidRequestError`), the project is read
 * and checked at call time.
 */
export class GoogleModel extends LanguageModel {
  /** True when requests go to Vertex AI. */
  readonly vertex: boolean;
  /** Vertex AI: the location requests go to (undefined for the Gemini API). */
  readonly location: string | undefined;

  constructor(options: GoogleModelOptions = {}) {
    const target = resolveTarget(options);
    super(target.adapter, options.model ?? GOOGLE_DEFAULT_MODEL, target.endpoint, options);
    this.vertex = target.location !== undefined;
    this.location = target.location;
  }
}
