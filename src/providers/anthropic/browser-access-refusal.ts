import { BrowserAccessError } from './browser-access-error.ts';

/**
 * The error of a browser call to api.anthropic.com without the opt-in. The adapter loads this file,
 * not the class's: a file that is an import() target is a chunk a bundler keeps whole, and the
 * entry's export of the class made every Anthropic first call download it.
 */
export const browserAccessRefusal = (): BrowserAccessError => new BrowserAccessError();
