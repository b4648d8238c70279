import { RefiFileError, type NoticeList } from './errors';
import { sourceLabel, type RefiSelection, type RefiTextSource } from './model';
import { widenToCharacters } from './positions';

/** One coder's coding of one selection, placed on Kodbok's text (UTF-16 offsets). */
export interface PlannedHighlight {
  start: number;
  end: number;
  codeKeys: string[];
  /** A key of the plan's coders. */
  coderKey: string;
  memo: string | null;
}

/**
 * The project's users by GUID key, and the placeholders made for undeclared users, with how many
 * highlights and memos (project, study, document and code memos) each will hold.
 */
export type Coders = Map<string, { key: string; name: string; highlights: number; memos: number }>;

export interface SourceContext {
  source: RefiTextSource;
  /** Kodbok's text of the source. */
  text: string;
  /** The writing tool's positions → offsets in `text` (positions.ts). */
  map: Int32Array;
  codeKeys: ReadonlyMap<string, string>;
  coders: Coders;
  memoOf: (sel: RefiSelection) => string | null;
  notices: { skipped: NoticeList; adjusted: NoticeList };
}

/**
 * The highlights of one source's selections: one per selection and coder (a selection holds
 * codings, each by its own user; NVivo's importer is the selection's creator, the coder is the
 * coding's). A position outside the text makes the file unreadable (RefiFileError); an empty
 * selection, one without codes and a coding of an unknown code are left out and counted.
 */
export function sourceHighlights(ctx: SourceContext): PlannedHighlight[] {
  const { source, text, map, notices } = ctx;
  const units = map.length - 1;
  const tally = { empty: 0, uncoded: 0, unknownCode: 0, widened: 0 };
  const out: PlannedHighlight[] = [];
  for (const sel of source.selections) {
    if (sel.start < 0 || sel.end > units || sel.start > sel.end) {
      const named = sel.name ? ` "${sel.name.slice(0, 40)}"` : '';
      throw new RefiFileError(
        `Selection ${sel.guid}${named} in source "${sourceLabel(source)}" spans [${sel.start}, ${sel.end}), outside its text of ${units} positions`,
      );
    }
    const { start, end, widened } = widenToCharacters(text, map[sel.start]!, map[sel.end]!);
    if (start >= end) {
      tally.empty++;
      continue;
    }
    if (widened) tally.widened++;
    const byCoder = new Map<string, string[]>();
    for (const coding of sel.codings) {
      const codeKey = ctx.codeKeys.get(coding.code);
      if (!codeKey) {
        tally.unknownCode++;
        continue;
      }
      const coderKey = coderFor(ctx.coders, coding.user ?? sel.user ?? '', ctx.notices.adjusted);
      const keys = byCoder.get(coderKey) ?? [];
      if (!keys.includes(codeKey)) keys.push(codeKey);
      byCoder.set(coderKey, keys);
    }
    if (byCoder.size === 0) {
      tally.uncoded++;
      continue;
    }
    const memo = ctx.memoOf(sel);
    for (const [coderKey, codeKeys] of byCoder) {
      ctx.coders.get(coderKey)!.highlights++;
      out.push({ start, end, codeKeys, coderKey, memo });
    }
  }
  report(source, tally, notices);
  return out;
}

/**
 * The coder `key` (a user's GUID key, "" for coding whose user the file does not say); a user
 * the file's Users do not declare becomes a placeholder coder of that name, and is listed.
 */
export function coderFor(coders: Coders, key: string, adjusted: NoticeList): string {
  if (!coders.has(key)) {
    const name = key ? `Unknown user ${key.slice(0, 8)}` : 'Unknown coder';
    coders.set(key, { key, name, highlights: 0, memos: 0 });
    adjusted.add(
      key ? `User ${key}` : 'Coding without a user',
      `not among the file's Users: kept as the ${key ? 'coding and memos' : 'coding'} of "${name}"`,
    );
  }
  return key;
}

function report(
  source: RefiTextSource,
  tally: { empty: number; uncoded: number; unknownCode: number; widened: number },
  notices: SourceContext['notices'],
) {
  const where = `in source "${sourceLabel(source)}"`;
  if (tally.empty > 0)
    notices.skipped.add(`${tally.empty} empty selection(s) ${where}`, 'they cover no text');
  if (tally.uncoded > 0) {
    notices.skipped.add(
      `${tally.uncoded} selection(s) without a code ${where}`,
      'a Kodbok highlight carries at least one code (their comments are not kept)',
    );
  }
  if (tally.unknownCode > 0) {
    notices.skipped.add(
      `${tally.unknownCode} coding(s) ${where}`,
      'they refer to a code the codebook does not have',
    );
  }
  if (tally.widened > 0) {
    notices.adjusted.add(
      `${tally.widened} selection(s) ${where}`,
      'widened to whole characters: an end fell inside a character outside the BMP',
    );
  }
}
