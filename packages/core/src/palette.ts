import { themeOf } from './codebook';
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

/** Lightness a shade may have: a tint behind text and a stripe in the margin stay visible. */
const SHADE_LIGHTNESS = { min: 22, max: 82 };

/**
 * A shade of a theme's colour for its `index`th child code: the same hue and saturation, another
 * lightness, so a theme's codes read as one family in the text and the charts (NVivo and MAXQDA
 * users colour by theme) while siblings stay apart. Shades alternate darker and lighter than the
 * theme in steps of 8 points, skipping those out of bounds, and go round again past the last.
 */
export function familyColor(themeColor: string, index: number): string {
  const [h, s, l] = toHsl(themeColor);
  const offsets: number[] = [];
  for (let step = 8; step <= 64; step += 8) offsets.push(-step, step);
  const usable = offsets.filter(
    (o) => l + o >= SHADE_LIGHTNESS.min && l + o <= SHADE_LIGHTNESS.max,
  );
  return fromHsl(h, s, l + usable[index % usable.length]!);
}

/** A few shades of a theme's colour, to offer when recolouring one of its codes. */
export function familyPalette(themeColor: string, count = 6): string[] {
  return Array.from({ length: count }, (_, i) => familyColor(themeColor, i));
}

/**
 * The colour a new code gets: a theme (top level) the next palette colour after the themes
 * there are; a code anywhere inside a theme the next shade of that theme's colour, after the
 * codes its family has.
 */
export function defaultCodeColor(
  codes: ReadonlyArray<{ id: string; parentId: string | null; color: string }>,
  parentId: string | null,
): string {
  if (parentId === null) return nextColor(codes.filter((c) => c.parentId === null).length);
  const theme = themeOf(codes, parentId);
  if (!theme || !/^#[0-9a-f]{6}$/i.test(theme.color)) return nextColor(codes.length);
  const family = codes.filter((c) => c.parentId !== null && themeOf(codes, c.id) === theme).length;
  return familyColor(theme.color, family);
}

function toHsl(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l * 100];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === r
      ? ((g - b) / d + (g < b ? 6 : 0)) * 60
      : max === g
        ? ((b - r) / d + 2) * 60
        : ((r - g) / d + 4) * 60;
  return [h, s * 100, l * 100];
}

function fromHsl(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const a = sat * Math.min(light, 1 - light);
  const channel = (k: number) => {
    const p = (k + h / 30) % 12;
    return light - a * Math.max(-1, Math.min(p - 3, 9 - p, 1));
  };
  return `#${hex(channel(0) * 255)}${hex(channel(8) * 255)}${hex(channel(4) * 255)}`;
}
