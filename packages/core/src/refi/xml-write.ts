/*
 * Writing XML by hand: the exchange files are a few fixed shapes, so a string builder with
 * correct escaping is all that is needed (no DOM, no dependency).
 */

// Characters XML 1.0 does not allow at all, and lone surrogates (not valid UTF-8).
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Character data: `&`, `<` and `>` escaped, characters XML cannot hold replaced by U+FFFD. */
export function escapeText(text: string): string {
  return text
    .replace(INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * An attribute value in double quotes. Line breaks and tabs are written as character references,
 * or a parser would turn them into spaces (attribute value normalisation).
 */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** ` name="value"` for each attribute that is not undefined or null, in the order given. */
export function attrs(
  values: Record<string, string | number | boolean | null | undefined>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null) out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}

/** `<name …>text</name>` (empty text still written as a pair, so the element is present). */
export function textElement(
  name: string,
  text: string,
  attributes: Parameters<typeof attrs>[0] = {},
): string {
  return `<${name}${attrs(attributes)}>${escapeText(text)}</${name}>`;
}
