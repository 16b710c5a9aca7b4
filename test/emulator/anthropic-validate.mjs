// Request checks of POST /v1/messages, in the order and with the messages of the real API. Each
// returns an error Result, or null when the request is acceptable. Per-model rules are in
// anthropic-model-rules.mjs, structured-output schema rules in anthropic-schema-rules.mjs.
import { invalidRequest, validRedacted, validSignature } from './anthropic-common.mjs';
import { checkEffortAndTier, checkModelRules } from './anthropic-model-rules.mjs';
import { checkSchemas } from './anthropic-schema-rules.mjs';
import { isObject } from './openai-common.mjs';

const blocksOf = (m) =>
  typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content;

/**
 * The members of a Messages request (CreateMessageParams of ../shared/specs/anthropic-openapi.json;
 * test/emulator-anthropic.node.test.ts checks the list against it). The API refuses any other
 * ("seed: Extra inputs are not permitted"); beta members pass when an `anthropic-beta` header is sent.
 */
export const MESSAGE_PARAMS = [
  'model',
  'messages',
  'cache_control',
  'container',
  'inference_geo',
  'max_tokens',
  'metadata',
  'output_config',
  'service_tier',
  'stop_sequences',
  'stream',
  'system',
  'temperature',
  'thinking',
  'tool_choice',
  'tools',
  'top_k',
  'top_p',
];

function checkBody(b, ctx) {
  if (!isObject(b)) return invalidRequest('Invalid request body: expected a JSON object.', ctx);
  const extra = ctx.headers['anthropic-beta']
    ? undefined
    : Object.keys(b).find((k) => !MESSAGE_PARAMS.includes(k));
  if (extra !== undefined) return invalidRequest(`${extra}: Extra inputs are not permitted`, ctx);
  if (typeof b.model !== 'string' || !b.model) return invalidRequest('model: Field required', ctx);
  if (b.max_tokens === undefined) return invalidRequest('max_tokens: Field required', ctx);
  if (!Number.isInteger(b.max_tokens) || b.max_tokens < 1)
    return invalidRequest('max_tokens: Input should be greater than or equal to 1', ctx);
  if (!Array.isArray(b.messages)) return invalidRequest('messages: Field required', ctx);
  if (b.messages.length === 0)
    return invalidRequest('messages: at least one message is required', ctx);
  return null;
}

function checkThinking(b, ctx) {
  const t = b.thinking;
  if (t === undefined) return null;
  if (!isObject(t) || !['enabled', 'adaptive', 'disabled'].includes(t.type))
    return invalidRequest(
      "thinking.type: Input should be 'enabled', 'adaptive' or 'disabled'",
      ctx,
    );
  if (t.type === 'disabled') return null;
  return (t.type === 'enabled' ? checkBudget(b, ctx) : null) ?? checkThinkingSampling(b, ctx);
}

function checkBudget(b, ctx) {
  const t = b.thinking;
  if (!Number.isInteger(t.budget_tokens))
    return invalidRequest('thinking.enabled.budget_tokens: Field required', ctx);
  if (t.budget_tokens < 1024)
    return invalidRequest(
      'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
      ctx,
    );
  if (t.budget_tokens >= b.max_tokens)
    return invalidRequest(
      '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size',
      ctx,
    );
  return null;
}

// "Thinking isn't compatible with temperature or top_k modifications" (docs.claude.com extended
// thinking, feature compatibility); top_p may stay between 0.95 and 1. Adaptive thinking alike.
function checkThinkingSampling(b, ctx) {
  if (b.temperature !== undefined && b.temperature !== 1)
    return invalidRequest(
      '`temperature` may only be set to 1 when thinking is enabled or in adaptive mode.',
      ctx,
    );
  if (b.top_p !== undefined && b.top_p < 0.95)
    return invalidRequest(
      '`top_p` must be greater than or equal to 0.95 or unset when thinking is enabled.',
      ctx,
    );
  if (b.top_k !== undefined)
    return invalidRequest('`top_k` is not supported when thinking is enabled.', ctx);
  return null;
}

function checkToolChoice(b, ctx) {
  const choice = b.tool_choice;
  if (choice === undefined) return null;
  if (!Array.isArray(b.tools) || b.tools.length === 0)
    return invalidRequest('tool_choice may only be specified while providing tools.', ctx);
  const thinkingOn = b.thinking?.type === 'enabled' || b.thinking?.type === 'adaptive';
  if (thinkingOn && (choice?.type === 'any' || choice?.type === 'tool'))
    return invalidRequest('Thinking may not be enabled when tool_choice forces tool use.', ctx);
  return null;
}

/** Members of a custom tool (the spec's Tool, `additionalProperties: false`). */
const TOOL_MEMBERS = new Set([
  'type',
  'description',
  'name',
  'input_schema',
  'cache_control',
  'strict',
  'eager_input_streaming',
  'allowed_callers',
  'defer_loading',
  'input_examples',
]);

/**
 * A custom tool (no `type`, or `custom`) needs `input_schema` and takes no other member, as the API
 * answers; server tools (typed) are left to the API's own checks.
 */
function checkTools(b, ctx) {
  if (!Array.isArray(b.tools)) return null;
  for (const [i, tool] of b.tools.entries()) {
    if (!isObject(tool) || (tool.type !== undefined && tool.type !== 'custom')) continue;
    const extra = Object.keys(tool).find((k) => !TOOL_MEMBERS.has(k));
    if (extra !== undefined)
      return invalidRequest(`tools.${i}.custom.${extra}: Extra inputs are not permitted`, ctx);
    if (!isObject(tool.input_schema))
      return invalidRequest(`tools.${i}.custom.input_schema: Field required`, ctx);
  }
  return null;
}

/** Base64ImageSource.media_type of the spec. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function checkBlock(block, at, ctx) {
  if (!isObject(block) || typeof block.type !== 'string')
    return invalidRequest(`${at}.type: Field required`, ctx);
  if (block.type === 'thinking') {
    if (typeof block.signature !== 'string')
      return invalidRequest(`${at}.thinking.signature: Field required`, ctx);
    if (!validSignature(block.thinking, block.signature))
      return invalidRequest(`${at}: Invalid \`signature\` in \`thinking\` block`, ctx);
  }
  if (
    block.type === 'image' &&
    block.source?.type === 'base64' &&
    !IMAGE_TYPES.has(block.source.media_type)
  )
    return invalidRequest(
      `${at}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`,
      ctx,
    );
  if (block.type === 'redacted_thinking' && !validRedacted(block.data))
    return invalidRequest(`${at}: Invalid \`data\` in \`redacted_thinking\` block`, ctx);
  if (block.type === 'text' && (typeof block.text !== 'string' || block.text === ''))
    return invalidRequest(`${at}: text content blocks must be non-empty`, ctx);
  return null;
}

function checkMessages(b, ctx) {
  const thinkingOn = b.thinking?.type === 'enabled' || b.thinking?.type === 'adaptive';
  for (const [i, m] of b.messages.entries()) {
    if (!isObject(m))
      return invalidRequest(`messages.${i}: Input should be a valid dictionary`, ctx);
    if (m.role === 'system')
      return invalidRequest(
        `messages.${i}.role: Unexpected role "system". The Messages API accepts a top-level \`system\` parameter, not "system" as an input message role.`,
        ctx,
      );
    if (m.role !== 'user' && m.role !== 'assistant')
      return invalidRequest(`messages.${i}.role: Input should be 'user' or 'assistant'`, ctx);
    if (typeof m.content !== 'string' && !Array.isArray(m.content))
      return invalidRequest(`messages.${i}.content: Field required`, ctx);
    const blocks = blocksOf(m);
    for (const [j, block] of blocks.entries()) {
      const err = checkBlock(block, `messages.${i}.content.${j}`, ctx);
      if (err) return err;
    }
    const prev = b.messages[i - 1];
    const uses =
      prev && prev.role === 'assistant' ? blocksOf(prev).filter((x) => x?.type === 'tool_use') : [];
    const results = blocks.filter((x) => x?.type === 'tool_result');
    for (const r of results) {
      if (m.role !== 'user' || !uses.some((u) => u.id === r.tool_use_id))
        return invalidRequest(
          `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${r.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
          ctx,
        );
    }
    if (uses.length && !uses.every((u) => results.some((r) => r.tool_use_id === u.id)))
      return invalidRequest(
        `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${uses.map((u) => u.id).join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        ctx,
      );
    // With thinking on, an assistant turn that used a tool must start with its (signed) thinking.
    const last = i === b.messages.length - 2 && m.role === 'assistant';
    if (
      thinkingOn &&
      last &&
      blocks.some((x) => x?.type === 'tool_use') &&
      !['thinking', 'redacted_thinking'].includes(blocks[0]?.type)
    )
      return invalidRequest(
        `messages.${i}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${blocks[0]?.type}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns.`,
        ctx,
      );
  }
  return null;
}

/** All request checks, first failure wins. */
export function validateMessagesRequest(b, ctx) {
  return (
    checkBody(b, ctx) ??
    checkModelRules(b, ctx) ??
    checkEffortAndTier(b, ctx) ??
    checkThinking(b, ctx) ??
    checkToolChoice(b, ctx) ??
    checkTools(b, ctx) ??
    checkSchemas(b, ctx) ??
    checkMessages(b, ctx)
  );
}
