import type { CacheStore, LanguageModel } from 'alea-llm-client';
import { UsageError } from './usage.ts';

/** The model settings common to `chat` and `batch`. */
export interface ModelFlags {
  provider?: string;
  model?: string;
  endpoint?: string;
  'key-env'?: string;
  cache?: boolean;
}

export const PROVIDERS = ['openai', 'anthropic', 'google', 'xai', 'vllm', 'compatible'] as const;

/** parseArgs options for {@link ModelFlags}. */
export const MODEL_FLAG_OPTIONS = {
  provider: { type: 'string' },
  model: { type: 'string' },
  endpoint: { type: 'string' },
  'key-env': { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

/**
 * Builds the model the flags describe, loading only that provider's entry point.
 * @param flags - The parsed flags.
 * @param command - The command, for usage errors.
 * @param extra - More model options (a rate-limited `fetch`, a store).
 * @returns The model.
 */
export async function createModel(
  flags: ModelFlags & { 'no-cache'?: boolean },
  command: 'chat' | 'batch',
  extra: { fetch?: typeof fetch; cache?: CacheStore } = {},
): Promise<LanguageModel> {
  const provider = flags.provider ?? 'openai';
  let apiKey: string | undefined;
  if (flags['key-env'] !== undefined) {
    apiKey = process.env[flags['key-env']]?.trim();
    if (!apiKey)
      throw new UsageError(
        `--key-env: the environment variable ${flags['key-env']} is not set`,
        command,
      );
  }
  const options = {
    ...(flags.model !== undefined && { model: flags.model }),
    ...(flags.endpoint !== undefined && { endpoint: flags.endpoint }),
    ...(apiKey !== undefined && { apiKey }),
    ...(extra.fetch && { fetch: extra.fetch }),
    cache: flags['no-cache'] ? (false as const) : extra.cache,
  };
  switch (provider) {
    case 'openai':
      return new (await import('alea-llm-client/openai')).OpenAIModel(options);
    case 'anthropic':
      return new (await import('alea-llm-client/anthropic')).AnthropicModel(options);
    case 'google':
      return new (await import('alea-llm-client/google')).GoogleModel(options);
    case 'xai':
      return new (await import('alea-llm-client/xai')).GrokModel(options);
    case 'vllm':
      return new (await import('alea-llm-client/vllm')).VLLMModel(options);
    case 'compatible': {
      if (flags.model === undefined || flags.endpoint === undefined)
        throw new UsageError('--provider compatible needs --model and --endpoint', command);
      const { OpenAICompatibleModel } = await import('alea-llm-client/openai-compatible');
      return new OpenAICompatibleModel({
        ...options,
        model: flags.model,
        endpoint: flags.endpoint,
      });
    }
    default:
      throw new UsageError(
        `--provider: unknown provider "${provider}"; use one of ${PROVIDERS.join(', ')}`,
        command,
      );
  }
}

/**
 * The call options `--effort` stands for on this provider.
 * @param provider - The provider flag.
 * @param effort - The effort flag.
 * @returns Options to merge into the call.
 */
export function effortOptions(
  provider: string | undefined,
  effort: string,
): Record<string, unknown> {
  if (provider === 'google') return { thinking: { level: effort } };
  if (provider === 'anthropic')
    throw new UsageError('--effort: Anthropic models take no effort level; leave it out', 'chat');
  return { reasoning_effort: effort };
}
