import Papa from 'papaparse';
import type { ImportFormat } from './types';
import { stripBom } from './text';
import { looksLikeWos } from './wos';

/** How far into a file detection looks; every format shows itself within its first records. */
const HEAD = 16_384;

/**
 * Recognises the format from the content; the file name's extension only breaks a tie
 * (a .csv of one column looks like plain text, and a .txt may hold MEDLINE or RIS).
 */
export function detectFormat(text: string, fileName = ''): ImportFormat {
  const head = stripBom(text.slice(0, HEAD));
  const firstLine = head.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  // Web of Science plain text first: WoS names it .txt, and rispy's example names it .ris.
  if (looksLikeWos(head)) return 'wos';
  if (/^TY {1,2}-/.test(firstLine) || /^TY {1,2}- /m.test(head)) return 'ris';
  if (/^PMID- ?\d/m.test(head)) return 'medline';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(head)) return 'bibtex';
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'csv' || ext === 'tsv' || /^sep=[,;\t|]\r?\n/.test(head)) return 'csv';
  if (looksLikeTable(head)) return 'csv';
  return 'text';
}

/** A header of short cells and rows with as many cells as it: a table, not prose. */
function looksLikeTable(head: string): boolean {
  const { data, meta } = Papa.parse<string[]>(head, {
    preview: 6,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
  });
  const [header, ...rows] = data;
  if (!header || rows.length === 0 || header.length < 2 || !meta.delimiter) return false;
  if (header.some((c) => c.length > 60 || !c.trim())) return false;
  return rows.every((r) => r.length >= header.length);
}
