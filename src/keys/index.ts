export type { KeyContext, KeyResolver } from '../core/key-resolver.ts';
export { resolveKey, type ResolveKeyInit } from './resolve-key.ts';
