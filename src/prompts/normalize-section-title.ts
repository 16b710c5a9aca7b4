const APOSTROPHES = new Set(["'", '\u2019']);

/**
 * A section's display title, as Python's `title.strip().title()`: every word capitalised, the rest
 * lower case (`"my list"` → `"My List"`). Unlike Python, an apostrophe inside a word does not start a
 * new one (`"user's notes"` → `"User's Notes"`, not `"User'S Notes"`).
 * @param title - The section's title as given.
 * @returns The title for the `# Title` line.
 */
export function normalizeSectionTitle(title: string): string {
  let out = '';
  let inWord = false;
  for (const ch of title.trim()) {
    const cased = ch.toLowerCase() !== ch.toUpperCase();
    out += cased ? (inWord ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    inWord = cased || (inWord && APOSTROPHES.has(ch));
  }
  return out;
}
