// Every entry point of package.json "exports" and the runtime exports it documents (its index file's
// JSDoc'd exports; types are not runtime values). Each harness loads the entry points its runtime
// can load and passes them as `env.entries`; the case checks that each one exposes exactly these
// names with these kinds. test/entry-points.node.test.ts checks that the keys here are exactly
// package.json's "exports", so a new entry point without a row here fails there.
import { assert, deepEqual, equal } from './assert.mjs';

/**
 * @typedef {{ classes?: string[], functions?: string[], values?: Record<string, string> }} EntryExports
 * `values` maps a constant's name to its `typeof`.
 */

/** @type {Record<string, EntryExports>} */
export const ENTRY_POINTS = {
  '.': {
    classes: [
      'APICallError',
      'AuthenticationError',
      'ContentFilterError',
      'BatchItemError',
      'InvalidRequestError',
      'InvalidResponseError',
      'LLMError',
      'LanguageModel',
      'Limiter',
      'MissingKeyError',
      'NetworkError',
      'OutputValidationError',
      'RateLimitError',
      'RetryError',
      'StreamError',
      'TimeoutError',
      'UnsupportedFeatureError',
    ],
    functions: [
      'cacheKey',
      'createLimiter',
      'extractJson',
      'isFallbackError',
      'isLLMError',
      'isRetryableStatus',
      'llmOptions',
      'readEnv',
      'withFallback',
    ],
    values: {
      DEFAULT_MAX_REPAIRS: 'number',
      DEFAULT_RETRY_DELAY: 'number',
      DEFAULT_RETRY_LIMIT: 'number',
      DEFAULT_TIMEOUT: 'number',
      EFFORTS: 'object',
      MAX_GRAMMAR_LENGTH: 'number',
      SERVICE_TIERS: 'object',
    },
  },
  './openai': {
    classes: ['OpenAIModel'],
    values: { OPENAI_DEFAULT_MODEL: 'string', OPENAI_ENDPOINT: 'string' },
  },
  './xai': {
    classes: ['GrokModel'],
    values: { XAI_DEFAULT_MODEL: 'string', XAI_ENDPOINT: 'string' },
  },
  './google': {
    classes: ['GoogleModel'],
    functions: ['createGoogleAdapter', 'serviceAccountKeyResolver'],
    values: {
      GEMINI_ENDPOINT: 'string',
      GOOGLE_DEFAULT_MODEL: 'string',
      VERTEX_DEFAULT_LOCATION: 'string',
    },
  },
  './vllm': {
    classes: ['VLLMModel'],
    values: { VLLM_DEFAULT_MODEL: 'string', VLLM_ENDPOINT: 'string' },
  },
  './anthropic': {
    classes: ['AnthropicModel', 'BrowserAccessError'],
    values: {
      ANTHROPIC_DEFAULT_MODEL: 'string',
      ANTHROPIC_ENDPOINT: 'string',
      ANTHROPIC_VERSION: 'string',
    },
  },
  './openai-compatible': {
    classes: ['OpenAICompatibleModel'],
    functions: ['createOpenAICompatibleAdapter'],
  },
  './cache': {
    functions: [
      'clearCache',
      'defaultStore',
      'deleteCacheEntry',
      'listCacheKeys',
      'memoryStore',
      'modelCachePrefix',
      'pruneCache',
    ],
  },
  './cache/fs': { functions: ['fsStore'] },
  './cache/indexeddb': { functions: ['indexedDBStore'] },
  './cache/kv': { functions: ['kvStore'] },
  './cache/unstorage': { functions: ['unstorageStore'] },
  './registry': {
    classes: ['UnknownCapabilityError'],
    functions: [
      'compareModels',
      'computeCost',
      'createRegistry',
      'filterModels',
      'findModelSpec',
      'generateCapabilityTable',
      'getAllModels',
      'getModelCapabilities',
      'getModelDetails',
      'getModelsByTier',
      'getModelsWithCapability',
      'getModelsWithContextWindowGte',
      'getProviderModels',
      'isCapability',
      'isModelDeprecated',
      'modelEfforts',
      'modelServiceTiers',
      'supportsFeature',
    ],
    values: {
      CAPABILITIES: 'object',
      DEFAULT_MODELS: 'object',
      EFFORTS: 'object',
      MODEL_FEATURES: 'object',
      MODEL_TIERS: 'object',
      SERVICE_TIERS: 'object',
    },
  },
  './prompts': {
    functions: [
      'formatInstructions',
      'formatModelPrompt',
      'formatPrompt',
      'formatPromptLlama3',
      'formatPromptSections',
      'formatSectionContent',
      'getSectionTag',
      'normalizeJsonResponse',
      'normalizeSectionTitle',
      'replaceJsonRefsWithEnum',
    ],
    values: { CONTENT_TYPE_REF: 'string', TOKEN_MAPPING: 'object', TokenType: 'object' },
  },
};

/**
 * Entry points a runtime cannot load, by design, and why. `alea-llm-client/cache/fs` imports
 * node:fs, which browsers and a Worker without nodejs_compat do not have (README "Runtimes").
 * @type {Record<string, { runtimes: string[], reason: string }>}
 */
export const NOT_LOADABLE = {
  './cache/fs': {
    runtimes: ['browser', 'workers', 'workerd-bundle'],
    reason: 'imports node:fs/promises (Node, Deno and Bun only)',
  },
};

/**
 * The `sdk` object the case files use, taken from the loaded entry points.
 * @param {Record<string, any>} entries
 * @returns {import('./cases.mjs').Sdk}
 */
export const sdkOf = (entries) => ({
  core: entries['.'],
  openai: entries['./openai'],
  xai: entries['./xai'],
  vllm: entries['./vllm'],
  compat: entries['./openai-compatible'],
  cache: entries['./cache'],
  anthropic: entries['./anthropic'],
  google: entries['./google'],
  registry: entries['./registry'],
  prompts: entries['./prompts'],
});

/** The entry points a harness must load in `runtime`. @param {string} runtime */
export const entryPointsFor = (runtime) =>
  Object.keys(ENTRY_POINTS).filter((e) => !NOT_LOADABLE[e]?.runtimes.includes(runtime));

/** @param {unknown} f */
const isClass = (f) =>
  typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function entryPointCases({ entries, runtime }) {
  return [
    [
      `entry points: every one of package.json's exports loadable in ${runtime} exposes its documented exports`,
      async () => {
        assert(entries, `${runtime}: the harness passes no entries`);
        deepEqual(
          Object.keys(entries).sort(),
          entryPointsFor(runtime).sort(),
          `${runtime}: entry points loaded`,
        );
        for (const [entry, ns] of Object.entries(entries)) {
          const want = ENTRY_POINTS[entry];
          const { classes = [], functions = [], values = {} } = want;
          deepEqual(
            Object.keys(ns).sort(),
            [...classes, ...functions, ...Object.keys(values)].sort(),
            `${entry}: runtime export names`,
          );
          for (const name of classes) assert(isClass(ns[name]), `${entry}: ${name} is a class`);
          for (const name of functions)
            assert(
              typeof ns[name] === 'function' && !isClass(ns[name]),
              `${entry}: ${name} is a function`,
            );
          for (const [name, type] of Object.entries(values))
            equal(typeof ns[name], type, `${entry}: typeof ${name}`);
        }
      },
    ],
  ];
}
