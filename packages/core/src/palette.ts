/**
 * The starter palette: Tableau 10, chosen because its hues stay distinguishable for the common
 * colour vision deficiencies (UI.md). New codes take the next colour in turn.
 */
export const PALETTE = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
] as const;

export function nextColor(usedCount: number): string {
  return PALETTE[usedCount % PALETTE.length]!;
}

/**
 * One colour that looks exactly like translucent layers of `colors` (`#RRGGBB`, each at `alpha`
 * out of 255) painted over each other, the first on top as in a CSS background list: alpha
 * compositing is associative, so the stack equals a single `#RRGGBBAA` over any backdrop. A
 * plain background colour is much cheaper for the browser than one gradient layer per colour.
 */
export function stackTints(colors: readonly string[], alpha: number): string {
  if (colors.length === 1) return `${colors[0]}${hex(alpha)}`;
  const t = alpha / 255;
  // Premultiplied red, green, blue and coverage, built up from the bottom layer.
  let [r, g, b, a] = [0, 0, 0, 0];
  for (let i = colors.length - 1; i >= 0; i--) {
    const c = Number.parseInt(colors[i]!.slice(1), 16);
    r = ((c >> 16) & 255) * t + r * (1 - t);
    g = ((c >> 8) & 255) * t + g * (1 - t);
    b = (c & 255) * t + b * (1 - t);
    a = t + a * (1 - t);
  }
  return a === 0 ? 'transparent' : `#${hex(r / a)}${hex(g / a)}${hex(b / a)}${hex(a * 255)}`;
}

function hex(n: number): string {
  return Math.round(n).toString(16).padStart(2, '0').toUpperCase();
}
