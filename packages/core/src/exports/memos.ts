import type { CodeNode } from '../codebook';
import { placeCodes } from './code-path';
import type { ExportHighlight, ExportStudy } from './excerpt-table';
import { escapeMarkdown, markdownParagraph, markdownQuote } from './markup';

export interface MemoEntry {
  quote: string;
  memo: string;
  coder: string;
  documentKind: string;
  created: string;
}

/**
 * What memos a project holds, grouped by what they belong to. Today that is highlight memos
 * (grouped by study, then code) and the codebook's descriptions.
 */
export interface MemoReport {
  title: string;
  meta: string[];
  codes: Array<{ path: string; description: string }>;
  studies: Array<{
    key: string;
    title: string;
    codes: Array<{ path: string; memos: MemoEntry[] }>;
  }>;
}

/**
 * Highlight memos by study (in key order) and code (codebook order); a memo on a highlight with
 * two codes is listed under each. Blank memos and descriptions are left out.
 */
export function buildMemoReport(input: {
  title: string;
  meta: string[];
  codes: ReadonlyArray<CodeNode & { description: string }>;
  highlights: readonly ExportHighlight[];
  studies: ReadonlyMap<string, ExportStudy>;
  keep: ReadonlySet<string> | null;
}): MemoReport {
  const placed = placeCodes(input.codes);
  const order = new Map(placed.map((c, i) => [c.id, i]));
  const byStudy = new Map<string, Map<string, MemoEntry[]>>();
  for (const h of input.highlights) {
    const memo = h.memo?.trim();
    if (!memo) continue;
    const codes = byStudy.get(h.studyId) ?? new Map<string, MemoEntry[]>();
    byStudy.set(h.studyId, codes);
    for (const codeId of h.codeIds) {
      if (!order.has(codeId) || (input.keep && !input.keep.has(codeId))) continue;
      const entry = {
        quote: h.quote,
        memo,
        coder: h.coderName,
        documentKind: h.documentKind,
        created: h.createdAt,
      };
      codes.set(codeId, [...(codes.get(codeId) ?? []), entry]);
    }
  }
  const byKey = new Intl.Collator('en', { numeric: true });
  return {
    title: input.title,
    meta: input.meta,
    codes: placed
      .filter((c) => c.description.trim() && (!input.keep || input.keep.has(c.id)))
      .map((c) => ({ path: c.path, description: c.description.trim() })),
    studies: [...byStudy]
      .map(([studyId, codes]) => {
        const study = input.studies.get(studyId);
        return {
          key: study?.key ?? 'Unknown study',
          title: study?.title ?? '',
          codes: [...codes]
            .sort(([a], [b]) => order.get(a)! - order.get(b)!)
            .map(([codeId, memos]) => ({ path: placed[order.get(codeId)!]!.path, memos })),
        };
      })
      .filter((s) => s.codes.length > 0)
      .sort((a, b) => byKey.compare(a.key, b.key)),
  };
}

const day = (iso: string) => iso.slice(0, 10);

/** The memos as Markdown: code descriptions, then highlight memos by study and code. */
export function memoReportMarkdown(report: MemoReport): string {
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  for (const line of report.meta) out.push(`${escapeMarkdown(line)}  `);
  if (report.codes.length > 0) {
    out.push('', '## Code descriptions');
    for (const c of report.codes)
      out.push('', `### ${escapeMarkdown(c.path)}`, '', markdownParagraph(c.description));
  }
  out.push('', '## Highlight memos');
  if (report.studies.length === 0) out.push('', 'No highlight has a memo in this selection.');
  for (const s of report.studies) {
    out.push('', `### ${escapeMarkdown(s.key)}: ${escapeMarkdown(s.title)}`);
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

/** The line under a memo: who wrote it, when, in which document ("Astrid, 2026-11-20, abstract"). */
export function memoByline(m: MemoEntry): string {
  return `${m.coder}, ${day(m.created)}, ${m.documentKind}`;
}
