/**
 * Tells whether the code runs in a browser page, by feature detection (never user-agent sniffing).
 * Workers, Deno, Bun and Node have no `window` plus `document` pair; Deno 1.x had a `window` but no
 * `document`, which is why both are checked.
 * @returns True in a browser window or iframe.
 */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}
