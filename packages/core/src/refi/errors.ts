/**
 * A REFI-QDA file that cannot be read as what it claims to be (not a zip, a zip bomb, a path
 * leaving the archive, a DOCTYPE, the wrong namespace, a selection outside its text, a required
 * attribute missing). The message names the file part and the problem; the API answers 400 (or
 * 413 for `tooLarge`) and stores nothing.
 */
export class RefiFileError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'RefiFileError';
  }
}

/** Something imported differently from how it was written, or left out, and why. */
export interface RefiNotice {
  what: string;
  why: string;
}

/**
 * Notices collected while reading, at most `limit` of them (a file with 10,000 odd selections
 * must not answer with 10,000 lines): the rest are counted in a last line.
 */
export class NoticeList {
  readonly items: RefiNotice[] = [];
  private dropped = 0;

  constructor(private readonly limit = 200) {}

  add(what: string, why: string): void {
    if (this.items.length < this.limit) this.items.push({ what, why });
    else this.dropped++;
  }

  list(): RefiNotice[] {
    if (this.dropped === 0) return [...this.items];
    return [...this.items, { what: `${this.dropped} more`, why: 'not listed, to keep this short' }];
  }
}
