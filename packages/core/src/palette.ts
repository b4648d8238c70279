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
