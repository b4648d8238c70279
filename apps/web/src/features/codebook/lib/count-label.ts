/**
 * What the number beside a code in the codebook counts, in words. A code's own number is its
 * highlights. A theme's is the sum over it and its sub-codes, so a highlight that carries two of
 * its sub-codes is counted twice: codings, not highlights (Frequencies counts each highlight once
 * per theme, and the two numbers would otherwise seem to disagree).
 */
export function codeCountLabel(count: number, isTheme: boolean): string {
  if (isTheme) return `${count} ${count === 1 ? 'coding' : 'codings'} in it and its sub-codes`;
  return `${count} ${count === 1 ? 'highlight' : 'highlights'}`;
}
