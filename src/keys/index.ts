export type { KeyContext, KeyResolver } from './key-resolver.ts';
export { resolveKey, type ResolveKeyInit } from './resolve-key.ts';
