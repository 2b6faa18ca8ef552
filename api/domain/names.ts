// What an account name may be, and when two names are the same name. Pure functions only: the web
// app's forms import this file too (the look-alike skeleton, with its data table, is server-only:
// api/domain/name-key.ts).
import { NAME_MAX, NAME_MIN, charLength } from './limits.js';

/**
 * Characters that draw nothing, draw something other than themselves, or reorder what follows, so
 * two names that read the same could differ in them: controls (Cc), format characters (Cf: zero-width
 * space and joiners, word joiner, BOM, soft hyphen, bidirectional overrides and isolates…),
 * default-ignorable code points (variation selectors, Hangul fillers…), line and paragraph
 * separators, private-use and lone surrogate code units.
 */
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/** Whether the name holds a character that draws nothing or reorders text (see HIDDEN). */
export function hasHiddenCharacters(name: string): boolean {
  return HIDDEN.test(normalizeName(name));
}

/** The form a name is stored and shown in: NFKC (full-width letters, no-break spaces, ligatures folded). */
export function normalizeName(input: string): string {
  return input.normalize('NFKC');
}

/** Why a name cannot be registered, in words for people; null when it can. Checks the NFKC form. */
export function nameProblem(input: string): string | null {
  const name = normalizeName(input);
  const length = charLength(name);
  if (length < NAME_MIN || length > NAME_MAX) {
    return `must be ${NAME_MIN}–${NAME_MAX} characters`;
  }
  if (hasHiddenCharacters(name)) {
    return 'must not contain control, invisible or text-direction characters';
  }
  if (name.trim() !== name) return 'must not start or end with spaces';
  return null;
}

/**
 * Case- and width-insensitive form of a name: NFKC with case folding (upper then lower folds ß to
 * ss and the final sigma too), every run of spaces as one. Two names with one folded form are one.
 */
export function foldName(name: string): string {
  return normalizeName(name)
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .trim();
}
