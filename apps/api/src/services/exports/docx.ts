import {
  memoByline,
  memoReportIsEmpty,
  noteByline,
  xmlSafe,
  type ExcerptReport,
  type MemoReport,
  type NoteEntry,
} from '@kodbok/core';
import type * as DocxModule from 'docx';
import type { ExportCode } from './context';

/*
 * Word files through the `docx` package (docs/decisions/012): a document co-authors open,
 * comment on and paste into an appendix. Built whole (a report is bounded by
 * EXPORT_REPORT_LIMIT); the library is loaded on first use.
 */

type Docx = typeof DocxModule;
let docxModule: Promise<Docx> | null = null;
const loadDocx = () => (docxModule ??= import('docx'));

type Paragraph = InstanceType<Docx['Paragraph']>;

/** A small vocabulary of blocks, so the three documents read alike. */
function blocks(d: Docx) {
  const runs = (text: string, style: { italics?: boolean; bold?: boolean; color?: string } = {}) =>
    xmlSafe(text)
      .split(/\r\n|\r|\n/)
      .map((line, i) => new d.TextRun({ text: line, break: i > 0 ? 1 : 0, ...style }));
  const headings = [
    d.HeadingLevel.HEADING_1,
    d.HeadingLevel.HEADING_2,
    d.HeadingLevel.HEADING_3,
    d.HeadingLevel.HEADING_4,
    d.HeadingLevel.HEADING_5,
    d.HeadingLevel.HEADING_6,
  ];
  return {
    title: (text: string) =>
      new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: runs(text) }),
    /** depth 0 (a theme) is Heading 1. */
    heading: (depth: number, text: string, color?: string) =>
      new d.Paragraph({
        heading: headings[Math.min(depth, headings.length - 1)],
        children: [
          ...(color ? [new d.TextRun({ text: '■ ', color: color.replace('#', '') })] : []),
          ...runs(text),
        ],
      }),
    text: (text: string, style: { italics?: boolean; color?: string } = {}) =>
      new d.Paragraph({ children: runs(text, style) }),
    meta: (text: string) => new d.Paragraph({ children: runs(text, { color: '57606A' }) }),
    quote: (text: string) =>
      new d.Paragraph({
        indent: { left: 360 },
        spacing: { before: 160 },
        border: { left: { style: d.BorderStyle.SINGLE, size: 12, color: 'D0D7DE', space: 8 } },
        children: runs(text),
      }),
    cite: (text: string) =>
      new d.Paragraph({ indent: { left: 360 }, children: runs(`— ${text}`, { color: '57606A' }) }),
    memo: (text: string, label = 'Memo: ') =>
      new d.Paragraph({
        indent: { left: 360 },
        shading: { type: d.ShadingType.CLEAR, fill: 'F6F8FA', color: 'auto' },
        children: [new d.TextRun({ text: label, bold: true }), ...runs(text)],
      }),
  };
}

async function pack(title: string, children: (d: Docx) => Paragraph[]): Promise<Buffer> {
  const d = await loadDocx();
  const doc = new d.Document({
    creator: 'Kodbok',
    title: xmlSafe(title),
    sections: [{ children: children(d) }],
  });
  return d.Packer.toBuffer(doc);
}

/** Coded excerpts as a Word report: theme → code → excerpts, each with its citation and memo. */
export function excerptReportDocx(report: ExcerptReport): Promise<Buffer> {
  return pack(report.title, (d) => {
    const b = blocks(d);
    const out: Paragraph[] = [b.title(report.title), ...report.meta.map(b.meta)];
    for (const s of report.sections) {
      out.push(b.heading(s.depth, s.name));
      if (s.description.trim()) out.push(b.text(s.description.trim(), { italics: true }));
      for (const e of s.entries) {
        out.push(
          b.quote(e.quote),
          b.cite(`(${e.citation}), ${e.documentKind}, coded by ${e.coder}`),
        );
        if (e.memo?.trim()) out.push(b.memo(e.memo.trim()));
      }
    }
    return out;
  });
}

/** Memos as Word: the project's, the codes', then each study's (its own, its documents', its highlights'). */
export function memoReportDocx(report: MemoReport): Promise<Buffer> {
  return pack(report.title, (d) => {
    const b = blocks(d);
    const out: Paragraph[] = [b.title(report.title), ...report.meta.map(b.meta)];
    const notes = (memos: readonly NoteEntry[]) => {
      for (const n of memos) out.push(b.text(n.text), b.meta(`— ${noteByline(n)}`));
    };
    if (memoReportIsEmpty(report)) out.push(b.text('Nothing in this selection has a memo.'));
    if (report.project.length > 0) {
      out.push(b.heading(0, 'Project memos'));
      notes(report.project);
    }
    if (report.codes.length > 0) out.push(b.heading(0, 'Codes'));
    for (const c of report.codes) {
      out.push(b.heading(1, c.path));
      if (c.description) out.push(b.memo(c.description, 'Description: '));
      notes(c.memos);
    }
    if (report.studies.length > 0) out.push(b.heading(0, 'Studies'));
    for (const s of report.studies) {
      out.push(b.heading(1, `${s.key}: ${s.title}`));
      notes(s.memos);
      for (const doc of s.documents) {
        out.push(b.heading(2, `Memo on the ${doc.kind}`));
        notes(doc.memos);
      }
      for (const c of s.codes) {
        out.push(b.heading(2, c.path));
        for (const m of c.memos)
          out.push(b.quote(m.quote), b.text(m.memo), b.meta(`— ${memoByline(m)}`));
      }
    }
    return out;
  });
}

/**
 * The codebook for an appendix: each theme and code with its colour, definition, keywords and
 * (when asked) example excerpts with their citations.
 */
export function codebookDocx(input: {
  title: string;
  meta: string[];
  codes: readonly ExportCode[];
  examples: ReadonlyMap<string, ReadonlyArray<{ quote: string; citation: string }>>;
}): Promise<Buffer> {
  return pack(input.title, (d) => {
    const b = blocks(d);
    const out: Paragraph[] = [b.title(input.title), ...input.meta.map(b.meta)];
    for (const c of input.codes) {
      out.push(b.heading(c.depth, c.name, c.color));
      out.push(c.description.trim() ? b.text(c.description.trim()) : b.meta('No definition yet.'));
      if (c.keywords.length > 0) out.push(b.meta(`Keywords: ${c.keywords.join(', ')}`));
      for (const e of input.examples.get(c.id) ?? [])
        out.push(b.quote(e.quote), b.cite(`(${e.citation})`));
    }
    return out;
  });
}
