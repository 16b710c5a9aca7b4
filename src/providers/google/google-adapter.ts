import type { KeyPolicy, ModelCall, ProviderAdapter, WireRequest } from '../../core/adapter.ts';
import { readEnv, type EnvSource } from '../../core/env.ts';
import { convertToGoogleContents } from './convert-to-google-contents.ts';
import { parseGoogleResponse } from './parse-google-response.ts';
import { geminiPath } from './vertex-url.ts';

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

async function generationConfig(
  call: ModelCall,
  native: unknown,
  warnings: string[],
  thinking: unknown,
) {
  const gen: Record<string, unknown> = {};
  if (call.maxTokens !== undefined) gen.maxOutputTokens = call.maxTokens;
  if (call.temperature !== undefined) gen.temperature = call.temperature;
  if (call.topP !== undefined) gen.topP = call.topP;
  if (call.stop) gen.stopSequences = call.stop;
  if (call.seed !== undefined) gen.seed = call.seed;
  if (call.output.type !== 'text') gen.responseMimeType = 'application/json';
  // responseJsonSchema (plain JSON Schema) rather than responseSchema (Google's OpenAPI subset): both
  // specs have it, and it takes what valibot emits ($ref, anyOf, additionalProperties) unchanged.
  // Schema, tool and thinking code is imported on first use, so a plain chat bundle stays small.
  if (call.output.type === 'json-schema') {
    const { googleJsonSchema } = await import('./prepare-google-tools.ts');
    gen.responseJsonSchema = googleJsonSchema(call.output.schema);
  }
  if (thinking !== undefined) {
    const { prepareGoogleThinking } = await import('./prepare-google-thinking.ts');
    const resolved = prepareGoogleThinking(thinking, call.model, call.spec);
    if (resolved.thinkingConfig) gen.thinkingConfig = resolved.thinkingConfig;
    warnings.push(...resolved.warnings);
  }
  // A native `generationConfig` call option wins over the mapped settings, member by member.
  if (typeof native === 'object' && native !== null) Object.assign(gen, native);
  return gen;
}

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
    loadSpec: (model) => import('./google-spec.ts').then((m) => m.googleSpec(model)),
    // Vertex AI batch prediction reads from Cloud Storage or BigQuery: not supported.
    loadBatch: vertex ? undefined : () => import('./google-batch.ts').then((m) => m.googleBatch()),
    authHeaders: (key): Record<string, string> =>
      !key ? {} : vertex ? { authorization: `Bearer ${key}` } : { 'x-goog-api-key': key },

    async buildRequest(call: ModelCall): Promise<WireRequest> {
      const warnings: string[] = [];
      const { thinking: asked, generationConfig: native, ...extra } = call.extra;
      const body: Record<string, unknown> = { ...extra };
      // The universal effort and tier load on first use; an effort stands for a thinking option.
      const tuned =
        call.effort || call.serviceTier
          ? (await import('./prepare-google-effort.ts')).prepareGoogleEffort(
              call,
              !!vertex,
              asked !== undefined,
            )
          : undefined;
      if (tuned) warnings.push(...tuned.warnings);
      if (tuned?.serviceTier) body.serviceTier ??= tuned.serviceTier;
      const gen = await generationConfig(call, native, warnings, asked ?? tuned?.thinking);
      if (Object.keys(gen).length) body.generationConfig = gen;
      const converted = await convertToGoogleContents(call.messages, call.model);
      const { systemInstruction, contents } = converted;
      warnings.push(...converted.warnings);
      if (systemInstruction) body.systemInstruction = systemInstruction;
      body.contents = contents;
      if (call.tools?.length || call.toolChoice !== undefined) {
        const { prepareGoogleTools } = await import('./prepare-google-tools.ts');
        const tools = prepareGoogleTools(call, body.tools);
        Object.assign(body, tools.members);
        warnings.push(...tools.warnings);
      }
      if (!vertex) return { path: await geminiPath(call.model), body, warnings };
      const project = vertex.projectId ?? readEnv('VERTEX_PROJECT_ID', vertex.env);
      const { vertexPath } = await import('./vertex-path.ts');
      return { path: await vertexPath(project, vertex.location, call.model), body, warnings };
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
  };
}
