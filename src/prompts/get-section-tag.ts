/**
 * A section's tag, as the original's `get_section_tag`: trimmed, each space a `-`, upper case
 * (`"My List"` → `"MY-LIST"`).
 * @param title - The section's title.
 * @returns The name used in `<TAG>` and `</TAG>`.
 */
export function getSectionTag(title: string): string {
  return title.trim().replaceAll(' ', '-').toUpperCase();
}
