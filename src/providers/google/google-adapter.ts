import type { KeyPolicy, ModelCall, ProviderAdapter, WireRequest } from '../../core/adapter.ts';
import type { EnvSource } from '../../core/env.ts';
import { convertToGoogleContents } from './convert-to-google-contents.ts';
import { parseGoogleResponse } from './parse-google-response.ts';
import { googleSpec } from './google-spec.ts';
import { checkedPath, geminiPath, vertexEndpoint } from './vertex-url.ts';

/** How a {@link createGoogleAdapter} adapter reaches Google. */
export type GoogleAdapterConfig =
  | { api: 'gemini' }
  | {
      api: 'vertex';
      /** The project; when absent, `VERTEX_PROJECT_ID` is read at call time. */
      projectId?: string;
      location: string;
      /** Hosts the `VERTEX_ACCESS_TOKEN` / key-file token may be sent to. */
      hosts: readonly string[];
      env?: EnvSource;
    };

const GEMINI_KEYS: KeyPolicy = {
  env: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  file: 'gemini',
  required: true,
  hosts: ['generativelanguage.googleapis.com'],
};

// The URL checks the Vertex path code takes as arguments (see vertex-path.ts).
const urls = { checkedPath, vertexEndpoint };

/**
 * Creates the adapter for Google's `generateContent`, on the Gemini API (key in `x-goog-api-key`,
 * never in the URL) or Vertex AI (OAuth access token as `Authorization: Bearer`). The wire format is
 * the same; the path, the auth header and the key sources differ.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createGoogleAdapter(config: GoogleAdapterConfig): ProviderAdapter {
  const provider = 'google';
  const vertex = config.api === 'vertex' ? config : undefined;
  return {
    specificationVersion: 'v1',
    provider,
    keys: vertex
      ? { env: ['VERTEX_ACCESS_TOKEN'], file: 'vertex', required: true, hosts: vertex.hosts }
      : GEMINI_KEYS,
    loadSpec: googleSpec,
    // Vertex AI batch prediction reads from Cloud Storage or BigQuery: not supported.
    loadBatch: vertex
      ? undefined
      : () => import('./google-batch.ts').then((m) => m.googleBatch(geminiPath)),
    authHeaders: (key): Record<string, string> =>
      !key ? {} : vertex ? { authorization: `Bearer ${key}` } : { 'x-goog-api-key': key },

    async buildRequest(call: ModelCall): Promise<WireRequest> {
      const warnings: string[] = [];
      const { thinking: asked, generationConfig: native, ...body } = call.extra;
      // What a plain chat does not set (sampling settings, JSON output and a native
      // `generationConfig` included) loads on first use: a plain chat has no generationConfig.
      if (
        call.effort ||
        call.serviceTier ||
        call.output.type !== 'text' ||
        call.tools?.length ||
        [
          asked,
          native,
          call.maxTokens,
          call.temperature,
          call.topP,
          call.stop,
          call.seed,
          call.toolChoice,
        ].some((v) => v !== undefined)
      ) {
        const { tuneGoogleBody } = await import('./tune-google-body.ts');
        await tuneGoogleBody(call, asked, native, !!vertex, body, warnings);
      }
      warnings.push(...(await convertToGoogleContents(call.messages, call.model, body)));
      const path = vertex
        ? await (await import('./vertex-path.ts')).vertexPath(urls, vertex, call.model)
        : await geminiPath(call.model);
      return { path, body, warnings };
    },

    // The streaming method of the same resource; `alt=sse` asks for server-sent events instead of
    // one JSON array (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent).
    streamRequest: (wire) => ({
      ...wire,
      path: `${wire.path.replace(/:generateContent$/, ':streamGenerateContent')}?alt=sse`,
    }),

    streamReader: async (_call, url) =>
      (await import('./parse-google-stream.ts')).createGoogleStreamReader(provider, url),

    parseResponse: (body, _call, url) => parseGoogleResponse(body, url, provider),

    // Google says how long to wait, and that a key was refused, in the body: read on an error only.
    errorDetail: (body) =>
      import('./google-answer-problem.ts').then((m) => m.googleErrorDetail(body)),
  };
}
