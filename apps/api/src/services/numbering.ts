/**
 * Keys (ids, or rowids) numbered in the order first met: the read worker's copies hold small
 * numbers for codes, documents and coders (decisions 020, 025).
 */
export class Numbering<K extends string | number> {
  readonly ids: K[] = [];
  private readonly byId = new Map<K, number>();
  of(id: K): number {
    // A handful (the coders): comparing is quicker than hashing a string read a moment ago.
    if (this.ids.length <= 8) {
      const n = this.ids.indexOf(id);
      if (n >= 0) return n;
    }
    let n = this.byId.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.byId.set(id, n);
    }
    return n;
  }
  get(id: K): number | undefined {
    return this.byId.get(id);
  }
  /** The number of `id`, looked for in the few after `from` first (ids met in order). */
  after(from: number, id: K): number | undefined {
    const end = Math.min(this.ids.length, from + 64);
    for (let n = from + 1; n < end; n++) if (this.ids[n] === id) return n;
    return this.byId.get(id);
  }
}
