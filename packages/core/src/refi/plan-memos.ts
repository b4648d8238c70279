import type { NoticeList } from './errors';
import type { RefiNote, RefiProject, RefiSelection } from './model';
import { clip } from './plan-codes';
import { coderFor, type Coders } from './plan-selections';
import { normaliseText } from './positions';
import { decodeText, findSourceFile, type ArchiveFiles } from './source-text';

/** As long as a Kodbok memo (highlight or other) may be. */
export const MEMO_MAX = 20_000;

/** One author's memo on one thing (the project, a study, a document or a code). */
export interface PlannedMemo {
  /** A key of the plan's coders; null: the importing user (a Description, a note without a user). */
  authorKey: string | null;
  text: string;
}

/** A piece of a memo and who wrote it (a user's GUID key; null: no one the file names). */
interface MemoPart {
  user: string | null;
  text: string;
}

/**
 * Turns a project's notes and descriptions into memos. Kodbok keeps one memo per author and
 * thing, so the notes one author wrote on one thing are joined by a blank line; a note's author is
 * its user (a placeholder coder when the file's Users lack them), a description's and an
 * authorless note's the importing user. Each note is read when something imported places it, so
 * the notes nothing placed can be counted as skipped.
 */
export function memoPlanner(
  project: RefiProject,
  files: ArchiveFiles,
  ctx: { coders: Coders; adjusted: NoticeList },
) {
  const notes = new Map(project.notes.map((n) => [n.guid, n]));
  const placed = new Set<string>();
  const linked = linkedNotes(project);
  const tally = { joined: 0 };

  const read = (guid: string): MemoPart | null => {
    const n = notes.get(guid);
    if (!n) return null;
    placed.add(guid);
    const text = [n.description.trim(), noteContent(n, files)].filter(Boolean).join('\n\n');
    return { user: n.user, text };
  };
  const noteText = (guid: string) => read(guid)?.text ?? '';

  /** The memos on `what` from its description, its notes and the notes linked to it. */
  const memos = (
    what: string,
    thing: { description?: string; noteRefs: readonly string[]; guid?: string },
    extra: readonly MemoPart[] = [],
  ): PlannedMemo[] => {
    const parts: MemoPart[] = [
      { user: null, text: thing.description?.trim() ?? '' },
      ...thing.noteRefs.flatMap((g) => read(g) ?? []),
      ...(thing.guid ? (linked.get(thing.guid) ?? []).flatMap((g) => read(g) ?? []) : []),
      ...extra,
    ];
    return byAuthor(what, parts);
  };

  const byAuthor = (what: string, parts: readonly MemoPart[]): PlannedMemo[] => {
    const texts = new Map<string | null, string[]>();
    for (const p of parts) {
      if (!p.text) continue;
      const list = texts.get(p.user) ?? [];
      if (!list.includes(p.text)) list.push(p.text);
      texts.set(p.user, list);
    }
    return [...texts].map(([user, list]) => {
      const authorKey = user === null ? null : coderFor(ctx.coders, user, ctx.adjusted);
      if (authorKey !== null) ctx.coders.get(authorKey)!.memos++;
      if (list.length > 1) tally.joined++;
      const joined = list.join('\n\n');
      if (joined.length > MEMO_MAX) {
        const by = authorKey === null ? '' : ` by "${ctx.coders.get(authorKey)!.name}"`;
        ctx.adjusted.add(
          `The memo on ${what}${by}`,
          `cut to ${MEMO_MAX.toLocaleString('en')} characters, the most a Kodbok memo holds`,
        );
      }
      return { authorKey, text: clip(joined, MEMO_MAX) };
    });
  };

  return {
    memos,

    /**
     * The project's memos: its Description, the notes its NoteRefs name, and the notes nothing in
     * the file refers to or links (ATLAS.ti's free memos), each headed by its name.
     */
    projectMemos(): PlannedMemo[] {
      const referenced = new Set([
        ...project.referencedNotes,
        ...project.links.flatMap((l) => [l.origin, l.target]),
      ]);
      const free = project.notes
        .filter((n) => !referenced.has(n.guid))
        .flatMap((n) => {
          const part = read(n.guid);
          const name = n.name.trim();
          return part?.text
            ? [{ ...part, text: name ? `${name}\n\n${part.text}` : part.text }]
            : [];
        });
      return memos('the project', project, free);
    },

    /** A highlight's memo: its selection's description, its notes, its codings' notes and linked notes. */
    selectionMemo(sel: RefiSelection): string | null {
      const parts = [
        sel.description.trim(),
        ...sel.noteRefs.map(noteText),
        ...sel.codings.flatMap((c) => c.noteRefs.map(noteText)),
        ...(linked.get(sel.guid) ?? []).map(noteText),
      ].filter(Boolean);
      const unique = [...new Set(parts)];
      return unique.length > 0 ? clip(unique.join('\n\n'), MEMO_MAX) : null;
    },

    /** Lists the notes joined into one memo and those nothing imported placed. */
    report(skipped: NoticeList) {
      if (tally.joined > 0) {
        ctx.adjusted.add(
          `${tally.joined} memo(s)`,
          'joined from several notes by one author on one thing, a blank line between them: Kodbok keeps one memo per author and thing',
        );
      }
      const unplaced = notes.size - placed.size;
      if (unplaced > 0) {
        skipped.add(
          `${unplaced} note(s) on other things`,
          'they belong to what Kodbok did not import (media, sources without text, selections without a code, links, graphs)',
        );
      }
    },
  };
}

/** A note's own text: inline, or from its file in the archive. */
function noteContent(n: RefiNote, files: ArchiveFiles): string {
  if (n.content !== null) return n.content.trim();
  const file = n.plainTextPath ? findSourceFile(files, n.plainTextPath, n.guid) : undefined;
  return file ? normaliseText(decodeText(file.bytes)).trim() : '';
}

/**
 * Notes joined to something by a Link, by that thing's GUID: how NVivo exports annotations
 * (a selection) and Kodbok its study memos (a case), in either direction.
 */
function linkedNotes(project: RefiProject): Map<string, string[]> {
  const isNote = new Set(project.notes.map((n) => n.guid));
  const linked = new Map<string, string[]>();
  for (const l of project.links) {
    const [thing, note] = isNote.has(l.target)
      ? [l.origin, l.target]
      : isNote.has(l.origin)
        ? [l.target, l.origin]
        : [null, null];
    if (thing && note) linked.set(thing, [...(linked.get(thing) ?? []), note]);
  }
  return linked;
}
