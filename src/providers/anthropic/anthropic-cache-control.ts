import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { AnthropicBlock, AnthropicTurn } from './convert-to-anthropic-messages.ts';

/**
 * The `cacheControl` call option: where to put Anthropic prompt-cache breakpoints. `true` marks the
 * system prompt, the last tool and the last message (the usual "cache everything so far"); an object
 * picks places and the lifetime (`ttl`, default Anthropic's 5 minutes).
 */
export type AnthropicCacheControl =
  boolean | { system?: boolean; tools?: boolean; messages?: boolean; ttl?: '5m' | '1h' };

/**
 * The request parts a breakpoint can go on. Marked parts are replaced with marked copies, never
 * written to: a tool or a provider-native content block may be the caller's own object.
 */
export interface CacheTargets {
  system?: string | AnthropicBlock[];
  tools?: AnthropicBlock[];
  messages: AnthropicTurn[];
}

/**
 * Adds `cache_control: { type: 'ephemeral' }` breakpoints. Anthropic caches the whole prefix up to a
 * breakpoint, so marking the last block of each part is enough.
 * @throws {@link InvalidRequestError} for a value that is neither a boolean nor the object form.
 */
export function applyAnthropicCacheControl(option: unknown, targets: CacheTargets): void {
  if (option === undefined || option === false) return;
  if (option !== true && (typeof option !== 'object' || option === null || Array.isArray(option))) {
    throw new InvalidRequestError(
      'cacheControl must be true, false or { system?, tools?, messages?, ttl? }; got ' +
        `${JSON.stringify(option)}.`,
    );
  }
  const o =
    option === true
      ? { system: true, tools: true, messages: true }
      : (option as Exclude<AnthropicCacheControl, boolean>);
  if (o.ttl !== undefined && o.ttl !== '5m' && o.ttl !== '1h') {
    throw new InvalidRequestError(
      `cacheControl.ttl must be '5m' or '1h'; got ${JSON.stringify(o.ttl)}.`,
    );
  }
  const mark = { type: 'ephemeral', ...(o.ttl ? { ttl: o.ttl } : {}) };
  const markLast = (blocks: AnthropicBlock[] | undefined) =>
    blocks?.length
      ? [...blocks.slice(0, -1), { ...blocks[blocks.length - 1]!, cache_control: mark }]
      : blocks;
  if (o.system && typeof targets.system === 'string') {
    targets.system = [{ type: 'text', text: targets.system, cache_control: mark }];
  }
  if (o.tools) targets.tools = markLast(targets.tools);
  const last = targets.messages.length - 1;
  const turn = targets.messages[last];
  if (o.messages && turn) targets.messages[last] = { ...turn, content: markLast(turn.content)! };
}
