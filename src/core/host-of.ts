/**
 * The hostname of a URL, or `''` when it does not parse.
 * @param url - An endpoint or request URL.
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
