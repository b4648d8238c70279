import type { CodeNode } from '../codebook';
import { placeCodes } from './code-path';
import type { ExportHighlight, ExportStudy } from './excerpt-table';
import {
  escapeHtml,
  escapeMarkdown,
  headingLevel,
  htmlDocument,
  htmlLines,
  markdownParagraph,
  markdownQuote,
} from './markup';
import { compareText } from '../collation';

/** One excerpt under one code in a report. */
export interface ReportEntry {
  highlightId: string;
  quote: string;
  /** "Grim & Bergmark 2022". */
  citation: string;
  studyKey: string;
  documentKind: string;
  coder: string;
  memo: string | null;
}

/** A code's heading and its own excerpts (its sub-codes follow as sections of their own). */
export interface ReportSection {
  codeId: string;
  name: string;
  path: string;
  /** 0 for a theme. */
  depth: number;
  description: string;
  entries: ReportEntry[];
}

/** Coded excerpts as a readable report: theme → code → excerpts, in codebook order. */
export interface ExcerptReport {
  title: string;
  /** Lines under the title: project, date, filters, how many. */
  meta: string[];
  sections: ReportSection[];
}

export type ReportCode = CodeNode & { description: string };

/**
 * Groups highlights under the codes they carry. `keep` (the codes a filter chose, with their
 * descendants) leaves the other codes out; a code without excerpts in itself or below is left
 * out too. Within a code, excerpts run by study key, then position.
 */
export function buildExcerptReport(input: {
  title: string;
  meta: string[];
  codes: readonly ReportCode[];
  highlights: readonly ExportHighlight[];
  studies: ReadonlyMap<string, ExportStudy>;
  keep: ReadonlySet<string> | null;
}): ExcerptReport {
  const entriesByCode = new Map<string, Array<ReportEntry & { start: number }>>();
  for (const h of input.highlights) {
    const study = input.studies.get(h.studyId);
    for (const codeId of h.codeIds) {
      if (input.keep && !input.keep.has(codeId)) continue;
      const list = entriesByCode.get(codeId) ?? [];
      list.push({
        highlightId: h.id,
        quote: h.quote,
        citation: study?.citation ?? 'Unknown study',
        studyKey: study?.key ?? '',
        documentKind: h.documentKind,
        coder: h.coderName,
        memo: h.memo,
        start: h.start,
      });
      entriesByCode.set(codeId, list);
    }
  }
  const placed = placeCodes(input.codes);
  // A heading is worth showing when it or a code below it has excerpts (so a chosen code keeps
  // its theme's heading above it).
  const used = new Set<string>();
  const parentOf = new Map(input.codes.map((c) => [c.id, c.parentId]));
  for (const codeId of entriesByCode.keys()) {
    for (let id: string | null | undefined = codeId; id && !used.has(id); id = parentOf.get(id))
      used.add(id);
  }
  return {
    title: input.title,
    meta: input.meta,
    sections: placed
      .filter((c) => used.has(c.id))
      .map((c) => ({
        codeId: c.id,
        name: c.name,
        path: c.path,
        depth: c.depth,
        description: c.description,
        entries: (entriesByCode.get(c.id) ?? [])
          .sort((a, b) => compareText(a.studyKey, b.studyKey) || a.start - b.start)
          .map(({ start: _start, ...entry }) => entry),
      })),
  };
}

function entryLine(e: ReportEntry): string {
  return `(${e.citation}), ${e.documentKind}, coded by ${e.coder}`;
}

/** The report as Markdown: headings for codes, block quotes for excerpts, memos beneath. */
export function excerptReportMarkdown(report: ExcerptReport): string {
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  for (const line of report.meta) out.push(`${escapeMarkdown(line)}  `);
  for (const s of report.sections) {
    out.push('', `${'#'.repeat(headingLevel(s.depth))} ${escapeMarkdown(s.name)}`, '');
    if (s.description.trim()) out.push(`*${markdownParagraph(s.description.trim())}*`, '');
    for (const e of s.entries) {
      out.push(markdownQuote(e.quote), '', `— ${escapeMarkdown(entryLine(e))}`, '');
      if (e.memo?.trim()) out.push(`**Memo:** ${markdownParagraph(e.memo.trim())}`, '');
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The report as one self-contained HTML page. */
export function excerptReportHtml(report: ExcerptReport): string {
  const out: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  if (report.meta.length > 0)
    out.push(`<p class="meta">${report.meta.map(escapeHtml).join('<br>')}</p>`);
  for (const s of report.sections) {
    const h = `h${headingLevel(s.depth)}`;
    out.push(`<${h}>${escapeHtml(s.name)}</${h}>`);
    if (s.description.trim())
      out.push(`<p class="definition">${htmlLines(s.description.trim())}</p>`);
    for (const e of s.entries) {
      out.push(`<blockquote><p>${htmlLines(e.quote)}</p></blockquote>`);
      out.push(`<p class="cite">— ${escapeHtml(entryLine(e))}</p>`);
      if (e.memo?.trim())
        out.push(`<p class="memo"><strong>Memo:</strong> ${htmlLines(e.memo.trim())}</p>`);
    }
  }
  return htmlDocument(report.title, out.join('\n'));
}
