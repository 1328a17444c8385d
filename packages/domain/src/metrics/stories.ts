// Quotes for the yearly report: names are taken out before a quote is stored, so the report (and
// the database) only ever hold the anonymised text.
import { normalizeNickname } from "../nickname.ts";

export const NAME_PLACEHOLDER = "[…]";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every name and every part of it of three letters or more, longest first. */
function nameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length >= 2) parts.add(trimmed);
    for (const part of trimmed.split(/[\s\-']+/)) if (part.length >= 3) parts.add(part);
  }
  return [...parts].sort((a, b) => b.length - a.length);
}

/**
 * Replaces each of the names (and their parts) with a placeholder, whole words only, ignoring case
 * and accents ("Zoë" also takes out "Zoe"). Returns the text and how many names were taken out.
 */
export function removeNames(text: string, names: readonly string[]): { text: string; removed: number } {
  let out = text;
  let removed = 0;
  for (const part of nameParts(names)) {
    const target = normalizeNickname(part);
    // Compare word by word on the normalised form, so accents and case do not let a name through.
    out = out.replace(/[\p{L}\p{M}]+/gu, (word) => {
      if (normalizeNickname(word) !== target) return word;
      removed++;
      return NAME_PLACEHOLDER;
    });
    // A multi-word name ("Jan de Smet") as a whole, before its parts are handled one by one.
    if (/\s/.test(part)) {
      const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(part)}(?![\\p{L}])`, "giu");
      out = out.replace(pattern, () => {
        removed++;
        return NAME_PLACEHOLDER;
      });
    }
  }
  return { text: out, removed };
}

/** Whether any of the names (or their parts) still occurs in the text. */
export function containsName(text: string, names: readonly string[]): boolean {
  return removeNames(text, names).removed > 0;
}
