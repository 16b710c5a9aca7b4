import { formatSectionContent } from './format-section-content.ts';
import { getSectionTag } from './get-section-tag.ts';
import { normalizeSectionTitle } from './normalize-section-title.ts';

/**
 * Sections by title: an object (its insertion order; note that JS puts integer-like keys first), or
 * `[title, content]` pairs or a Map when the order must be exact.
 */
export type PromptSections =
  Readonly<Record<string, unknown>> | Iterable<readonly [string, unknown]>;

const entriesOf = (sections: PromptSections): Array<readonly [string, unknown]> =>
  Symbol.iterator in sections
    ? [...(sections as Iterable<readonly [string, unknown]>)]
    : Object.entries(sections);

/**
 * Renders each section as the original's `format_prompt_sections`:
 * `# {Title}\n<{TAG}>\n{content, trimmed}\n</{TAG}>`.
 * @param sections - The sections, in order.
 * @returns One string per section.
 */
export function formatPromptSections(sections: PromptSections): string[] {
  return entriesOf(sections).map(([title, content]) => {
    const tag = getSectionTag(String(title));
    const body = formatSectionContent(content).trim();
    return `# ${normalizeSectionTitle(String(title))}\n<${tag}>\n${body}\n</${tag}>`;
  });
}

/**
 * Builds a sectioned prompt, as the original's top-level `format_prompt`: the sections of
 * {@link formatPromptSections} separated by a blank line.
 * @param sections - The sections, in order.
 * @returns The prompt text.
 * @example
 * formatPrompt({ instructions: formatInstructions(['Answer in JSON']), schema: Person })
 * // '# Instructions\n<INSTRUCTIONS>\n- 1. Answer in JSON.\n</INSTRUCTIONS>\n\n# Schema\n<SCHEMA>\n{…}\n</SCHEMA>'
 */
export function formatPrompt(sections: PromptSections): string {
  return formatPromptSections(sections).join('\n\n');
}
