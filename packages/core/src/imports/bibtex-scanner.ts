import { MalformedFileError } from './types';

export interface BibtexEntry {
  type: string;
  key: string;
  /** 1-based line of the "@". */
  line: number;
  /** Lower-cased field names → raw values (macros expanded, braces and LaTeX still in). */
  fields: Map<string, string>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An entry that could not be read, and why; reading goes on at the next entry. */
export interface BibtexFailure {
  line: number;
  reason: string;
}

/**
 * The entries of a BibTeX file. Text between entries is a comment, as in BibTeX itself;
 * @comment and @preamble are skipped; @string macros are expanded where they are used. An entry
 * that cannot be read (an unclosed brace, a missing comma) is a failure, and reading resumes at
 * the next line that starts with "@".
 */
export function readBibtexEntries(
  text: string,
  file: string,
): { entries: BibtexEntry[]; failures: BibtexFailure[] } {
  const s = new Scanner(text, file);
  const macros = new Map<string, string>(MONTHS.map((m, i) => [m, String(i + 1)]));
  const entries: BibtexEntry[] = [];
  const failures: BibtexFailure[] = [];
  for (;;) {
    const at = text.indexOf('@', s.pos);
    if (at < 0) return { entries, failures };
    s.pos = at + 1;
    const line = s.lineAt(at);
    const type = s.identifier().toLowerCase();
    s.skipSpace();
    const open = text[s.pos];
    if (!type || (open !== '{' && open !== '(')) continue; // an "@" in a comment
    const close = open === '{' ? '}' : ')';
    s.pos++;
    try {
      if (type === 'comment' || type === 'preamble') {
        s.skipBalanced(close, line);
      } else if (type === 'string') {
        const [name, value] = s.field(macros, line);
        macros.set(name, value);
        s.expect(close, line);
      } else {
        entries.push(s.entry(type, close, line, macros));
      }
    } catch (err) {
      if (!(err instanceof MalformedFileError)) throw err;
      const where = err.line === line ? '' : `at line ${err.line}, `;
      failures.push({ line, reason: `${where}${err.reason}` });
      const next = text.slice(at + 1).search(/\n[ \t]*@/);
      if (next < 0) return { entries, failures };
      s.pos = at + 1 + next + 1;
    }
  }
}

class Scanner {
  pos = 0;
  private lineCache = { pos: 0, line: 1 };
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** Line of a position; scanning moves forward, so counting resumes from the last answer. */
  lineAt(pos: number): number {
    let { pos: p, line } = this.lineCache;
    if (pos < p) [p, line] = [0, 1];
    for (; p < pos; p++) if (this.text.charCodeAt(p) === 10) line++;
    this.lineCache = { pos, line };
    return line;
  }

  fail(reason: string, at = this.pos): never {
    throw new MalformedFileError(
      'bibtex',
      this.file,
      this.lineAt(Math.min(at, this.text.length)),
      reason,
    );
  }

  skipSpace() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  identifier(): string {
    const m = /[A-Za-z0-9_\-:.+/'!?*&<>[\]|]*/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.text)![0];
    this.pos += found.length;
    return found;
  }

  expect(c: string, entryLine: number) {
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      this.pos++;
      this.skipSpace();
    }
    if (this.text[this.pos] !== c) this.unclosed(entryLine, c);
    this.pos++;
  }

  unclosed(entryLine: number, c: string): never {
    if (this.pos >= this.text.length) {
      this.fail(
        `the entry that starts at line ${entryLine} is not closed with "${c}"; the file may be cut short`,
      );
    }
    if (this.text[this.pos] === '@') {
      this.fail(
        `the entry that starts at line ${entryLine} is not closed before the next entry; a "}" may be missing`,
      );
    }
    this.fail(`expected "${c}" or "," but found "${this.text.slice(this.pos, this.pos + 20)}"`);
  }

  skipBalanced(close: string, entryLine: number) {
    let depth = 1;
    const open = close === '}' ? '{' : '(';
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        this.pos++;
        return;
      }
    }
    this.unclosed(entryLine, close);
  }

  entry(type: string, close: string, line: number, macros: Map<string, string>): BibtexEntry {
    this.skipSpace();
    const keyEnd = this.text.indexOf(',', this.pos);
    const closeAt = this.text.indexOf(close, this.pos);
    if (keyEnd < 0 || (closeAt >= 0 && closeAt < keyEnd)) this.unclosed(line, ',');
    const key = this.text.slice(this.pos, keyEnd).trim();
    // Scopus writes keys with spaces ("Inês Silva2023"); a line break or "=" means a lost comma.
    if (/[\r\n{}"@=]/.test(key))
      this.fail(`"${key.slice(0, 40)}" is not a citation key; is a "," missing?`);
    this.pos = keyEnd + 1;
    const fields = new Map<string, string>();
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return { type, key, line, fields };
      }
      if (this.pos >= this.text.length) this.unclosed(line, close);
      const [name, value] = this.field(macros, line);
      fields.set(name, value);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) this.unclosed(line, close);
    }
  }

  /** `name = value # value …` */
  field(macros: Map<string, string>, entryLine: number): [string, string] {
    this.skipSpace();
    const name = this.identifier().toLowerCase();
    if (!name)
      this.fail(`expected a field name but found "${this.text.slice(this.pos, this.pos + 20)}"`);
    this.skipSpace();
    if (this.text[this.pos] !== '=') this.fail(`expected "=" after the field name "${name}"`);
    this.pos++;
    let value = '';
    for (;;) {
      this.skipSpace();
      value += this.piece(macros, entryLine);
      this.skipSpace();
      if (this.text[this.pos] !== '#') return [name, value];
      this.pos++;
    }
  }

  private piece(macros: Map<string, string>, entryLine: number): string {
    const c = this.text[this.pos];
    if (c === '{' || c === '"') return this.delimited(c === '{' ? '}' : '"', entryLine);
    const word = this.identifier();
    if (!word) this.fail(`expected a value in braces, quotes, a number or a @string name`);
    if (/^\d+$/.test(word)) return word;
    const macro = macros.get(word.toLowerCase());
    if (macro === undefined) this.fail(`"${word}" is not a defined @string`);
    return macro;
  }

  /** A braced or quoted value; braces nest, and a quote inside braces does not end it. */
  private delimited(end: string, entryLine: number): string {
    const start = ++this.pos;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === end && depth === 0) return this.text.slice(start, this.pos++);
    }
    this.fail(
      `the value that starts here is not closed with "${end}" (entry at line ${entryLine})`,
      start,
    );
  }
}
