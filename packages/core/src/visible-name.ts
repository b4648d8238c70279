/**
 * One visible character, as a regular-expression source: not a space, and not one of the
 * characters that render as nothing: controls (NUL…), format characters (zero-width space and
 * joiner, BOM, direction marks), lone surrogates and the other default-ignorable ones (Hangul
 * filler, variation selectors). A name without one looks blank in every list and cannot be told
 * apart from another. Needs the `u` flag (Ajv and TypeBox compile patterns with it); the
 * contracts use it as NOT_BLANK, so the wire and the importers keep one rule.
 */
export const VISIBLE_CHARACTER = '[^\\s\\p{Cc}\\p{Cf}\\p{Cs}\\p{Default_Ignorable_Code_Point}]';

const VISIBLE = new RegExp(VISIBLE_CHARACTER, 'u');

/** Whether `name` has a character a reader can see (see VISIBLE_CHARACTER). */
export function hasVisibleCharacter(name: string): boolean {
  return VISIBLE.test(name);
}

/**
 * `text` as its code points, "U+200B U+0000", for a message about a name that shows as nothing
 * (printing it would show nothing, or cut the message at the NUL).
 */
export function codePoints(text: string): string {
  if (text === '') return '(empty)';
  return [...text]
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}
