/** "1 study", "2 studies", "10,000 studies": a count with its noun in the right number. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
