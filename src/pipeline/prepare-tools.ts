import type { GrammarToolDefinition, ProviderAdapter, ToolDefinition } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';
import type { ToolInput } from './options.ts';
import type { JSONSchema, StandardSchemaV1 } from '../core/standard-schema.ts';
import { toJsonSchema } from './to-json-schema.ts';
import { validateGrammar } from '../core/validate-grammar.ts';

/** Portable tools split by kind: function tools with JSON Schema, and custom tools with a grammar. */
export interface PreparedTools {
  tools: ToolDefinition[];
  grammarTools: GrammarToolDefinition[];
}

/**
 * Checks portable tools and converts schema parameters to JSON Schema. A tool with a `grammar` is a
 * custom tool, for adapters that take them (OpenAI); its grammar is checked here.
 * @param tools - The caller's tools.
 * @param adapter - The provider's adapter, for what it supports.
 * @throws {@link InvalidRequestError} for a tool without a name or parameters, or a bad grammar.
 * @throws {@link UnsupportedFeatureError} for a grammar tool on a provider without custom tools.
 */
export async function prepareTools(
  tools: ToolInput[],
  adapter: Pick<ProviderAdapter, 'provider' | 'features'>,
): Promise<PreparedTools> {
  const prepared: PreparedTools = { tools: [], grammarTools: [] };
  for (const [i, tool] of tools.entries()) {
    if (typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) {
      throw new InvalidRequestError(
        `Tool ${i} needs a name of 1-64 letters, digits, _ or -; got ${JSON.stringify(tool.name)}.`,
      );
    }
    if ('grammar' in tool && tool.grammar !== undefined) {
      if (!adapter.features?.grammarTools) {
        throw new UnsupportedFeatureError({
          provider: adapter.provider,
          feature: 'grammar tools',
          detail: `tool ${tool.name} has a grammar, which only OpenAI's custom tools take: give it \`parameters\` instead.`,
        });
      }
      const { syntax, definition } = tool.grammar;
      if (syntax !== 'lark' && syntax !== 'regex') {
        throw new InvalidRequestError(
          `tool ${tool.name}: a grammar tool's syntax must be 'lark' or 'regex'; got ${JSON.stringify(syntax)}.`,
        );
      }
      validateGrammar(syntax, definition, `tool ${tool.name}`);
      prepared.grammarTools.push({
        name: tool.name,
        description: tool.description,
        grammar: { syntax, definition },
      });
      continue;
    }
    const params = (tool as { parameters?: unknown }).parameters as
      JSONSchema | StandardSchemaV1 | undefined;
    if (!params || typeof params !== 'object') {
      throw new InvalidRequestError(
        `Tool ${tool.name} needs \`parameters\`: a JSON Schema object or a valibot schema ` +
          '(or, on OpenAI, a `grammar`: { syntax, definition }).',
      );
    }
    const parameters =
      '~standard' in params
        ? await toJsonSchema(params as StandardSchemaV1)
        : (params as JSONSchema);
    prepared.tools.push({ name: tool.name, description: tool.description, parameters });
  }
  return prepared;
}
