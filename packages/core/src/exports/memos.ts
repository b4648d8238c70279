import type { CodeNode } from '../codebook';
import { placeCodes } from './code-path';
import type { ExportHighlight, ExportStudy } from './excerpt-table';
import { escapeMarkdown, markdownParagraph, markdownQuote } from './markup';
import { compareText } from '../collation';

/** A highlight's memo, with the passage it is about. */
export interface MemoEntry {
  quote: string;
  memo: string;
  coder: string;
  documentKind: string;
  created: string;
}

/** A member's memo on the project, a study, a document or a code. */
export interface NoteEntry {
  author: string;
  text: string;
  updated: string;
}

/** A memo as stored: what it is about (`targetId` null for the project), who wrote it, when. */
export interface ExportNote {
  on: 'project' | 'study' | 'document' | 'code';
  targetId: string | null;
  author: string;
  text: string;
  updatedAt: string;
}

/**
 * What memos a project holds, grouped by what they belong to: the project's, each code's
 * description and memos, and per study its memos, its documents' memos and its highlights' memos
 * (by code).
 */
export interface MemoReport {
  title: string;
  meta: string[];
  project: NoteEntry[];
  codes: Array<{ path: string; description: string; memos: NoteEntry[] }>;
  studies: Array<{
    key: string;
    title: string;
    memos: NoteEntry[];
    documents: Array<{ kind: string; memos: NoteEntry[] }>;
    codes: Array<{ path: string; memos: MemoEntry[] }>;
  }>;
}

/**
 * Memos by what they belong to. Studies in key order, codes in codebook order; a highlight memo on
 * two codes is listed under each; only `studies` (the filter's) and kept codes are reported.
 * Blank memos and descriptions are left out.
 */
export function buildMemoReport(input: {
  title: string;
  meta: string[];
  codes: ReadonlyArray<CodeNode & { description: string }>;
  highlights: readonly ExportHighlight[];
  notes?: readonly ExportNote[];
  studies: ReadonlyMap<string, ExportStudy>;
  documents?: ReadonlyMap<string, { studyId: string; kind: string }>;
  keep: ReadonlySet<string> | null;
}): MemoReport {
  const placed = placeCodes(input.codes);
  const order = new Map(placed.map((c, i) => [c.id, i]));
  const kept = (codeId: string) => order.has(codeId) && (!input.keep || input.keep.has(codeId));
  const notes = notesByTarget(input.notes ?? []);
  const byStudy = highlightMemos(input.highlights, kept);
  const documentsOf = new Map<string, Array<{ id: string; kind: string }>>();
  for (const [id, d] of input.documents ?? []) {
    if (!notes.has(`document:${id}`)) continue;
    documentsOf.set(d.studyId, [...(documentsOf.get(d.studyId) ?? []), { id, kind: d.kind }]);
  }
  const studyIds = new Set([
    ...byStudy.keys(),
    ...documentsOf.keys(),
    ...[...notes.keys()].filter((k) => k.startsWith('study:')).map((k) => k.slice(6)),
  ]);
  return {
    title: input.title,
    meta: input.meta,
    project: notes.get('project') ?? [],
    codes: placed
      .filter((c) => kept(c.id))
      .map((c) => ({
        path: c.path,
        description: c.description.trim(),
        memos: notes.get(`code:${c.id}`) ?? [],
      }))
      .filter((c) => c.description || c.memos.length > 0),
    studies: [...studyIds]
      .filter((id) => input.studies.has(id))
      .map((studyId) => {
        const study = input.studies.get(studyId)!;
        const codes = byStudy.get(studyId) ?? new Map<string, MemoEntry[]>();
        return {
          key: study.key,
          title: study.title,
          memos: notes.get(`study:${studyId}`) ?? [],
          documents: (documentsOf.get(studyId) ?? []).map((d) => ({
            kind: d.kind,
            memos: notes.get(`document:${d.id}`)!,
          })),
          codes: [...codes]
            .sort(([a], [b]) => order.get(a)! - order.get(b)!)
            .map(([codeId, memos]) => ({ path: placed[order.get(codeId)!]!.path, memos })),
        };
      })
      .filter((s) => s.memos.length + s.documents.length + s.codes.length > 0)
      .sort((a, b) => compareText(a.key, b.key)),
  };
}

function notesByTarget(notes: readonly ExportNote[]): Map<string, NoteEntry[]> {
  const out = new Map<string, NoteEntry[]>();
  for (const n of notes) {
    const text = n.text.trim();
    if (!text) continue;
    const key = n.targetId === null ? n.on : `${n.on}:${n.targetId}`;
    out.set(key, [...(out.get(key) ?? []), { author: n.author, text, updated: n.updatedAt }]);
  }
  return out;
}

/** Highlight memos by study, then code. */
function highlightMemos(highlights: readonly ExportHighlight[], kept: (id: string) => boolean) {
  const byStudy = new Map<string, Map<string, MemoEntry[]>>();
  for (const h of highlights) {
    const memo = h.memo?.trim();
    if (!memo) continue;
    const codes = byStudy.get(h.studyId) ?? new Map<string, MemoEntry[]>();
    for (const codeId of h.codeIds) {
      if (!kept(codeId)) continue;
      const entry = {
        quote: h.quote,
        memo,
        coder: h.coderName,
        documentKind: h.documentKind,
        created: h.createdAt,
      };
      codes.set(codeId, [...(codes.get(codeId) ?? []), entry]);
    }
    if (codes.size > 0) byStudy.set(h.studyId, codes);
  }
  return byStudy;
}

const day = (iso: string) => iso.slice(0, 10);

/** Whether the report holds any memo or description at all. */
export const memoReportIsEmpty = (r: MemoReport) =>
  r.project.length + r.codes.length + r.studies.length === 0;

/** The memos as Markdown: the project's, the codes', then each study's. */
export function memoReportMarkdown(report: MemoReport): string {
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  for (const line of report.meta) out.push(`${escapeMarkdown(line)}  `);
  const notes = (memos: readonly NoteEntry[]) => {
    for (const n of memos)
      out.push('', markdownParagraph(n.text), '', `— ${escapeMarkdown(noteByline(n))}`);
  };
  if (memoReportIsEmpty(report)) out.push('', 'Nothing in this selection has a memo.');
  if (report.project.length > 0) {
    out.push('', '## Project memos');
    notes(report.project);
  }
  if (report.codes.length > 0) {
    out.push('', '## Codes');
    for (const c of report.codes) {
      out.push('', `### ${escapeMarkdown(c.path)}`);
      if (c.description) out.push('', `**Description:** ${markdownParagraph(c.description)}`);
      notes(c.memos);
    }
  }
  if (report.studies.length > 0) out.push('', '## Studies');
  for (const s of report.studies) {
    out.push('', `### ${escapeMarkdown(s.key)}: ${escapeMarkdown(s.title)}`);
    notes(s.memos);
    for (const d of s.documents) {
      out.push('', `#### Memo on the ${escapeMarkdown(d.kind)}`);
      notes(d.memos);
    }
    for (const c of s.codes) {
      out.push('', `#### ${escapeMarkdown(c.path)}`);
      for (const m of c.memos) {
        out.push('', markdownQuote(m.quote), '', markdownParagraph(m.memo));
        out.push('', `— ${escapeMarkdown(memoByline(m))}`);
      }
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The line under a highlight memo: who, when, which document ("Astrid, 2026-11-20, abstract"). */
export function memoByline(m: MemoEntry): string {
  return `${m.coder}, ${day(m.created)}, ${m.documentKind}`;
}

/** The line under a memo: who wrote it and when it was last changed ("Astrid, 2026-11-20"). */
export function noteByline(n: NoteEntry): string {
  return `${n.author}, ${day(n.updated)}`;
}
