/**
 * Escaping for the Markdown and HTML that exports write. Everything shown comes from users and
 * imports (titles, quotes, memos), so none of it may become markup, a link or a script.
 */

/**
 * Text that Markdown shows as written: inline syntax and raw HTML are backslash-escaped
 * (CommonMark lets any ASCII punctuation be), and so is what would start a list, heading, quote
 * or code block at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&#]/g, '\\$&')
    .replace(/^[ \t]+/gm, '')
    .replace(/^([-+=>])/gm, '\\$1')
    .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

/** A Markdown block quote of `text`, its lines kept apart (hard line breaks). */
export function markdownQuote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${escapeMarkdown(line)}`.trimEnd())
    .join('  \n');
}

/** A paragraph of `text` whose line breaks are kept. */
export function markdownParagraph(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdown)
    .join('  \n');
}

/** A Markdown (GFM) table, header first; cells on one line, pipes escaped. */
export function markdownTable(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null) =>
    v === null ? '' : escapeMarkdown(String(v).replace(/\s*[\r\n]+\s*/g, ' '));
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (r: ReadonlyArray<string | number | null>) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `| ${header.map(() => '---').join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/**
 * Text as XML 1.0 can carry it (Word and Excel files are XML): control characters other than
 * tab, line feed and carriage return, U+FFFE/U+FFFF and unpaired surrogates are dropped. An
 * imported text holding one would otherwise make the whole file unreadable.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML character data or an attribute value: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Escaped text whose line breaks show as <br>. */
export function htmlLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}

const REPORT_STYLE = `
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; }
h3, h4, h5, h6 { font-size: 1.05rem; margin-top: 1.6rem; }
.meta, .cite, .definition { color: #57606a; }
blockquote { margin: 1rem 0 0.25rem; padding: 0.1rem 1rem; border-left: 4px solid #d0d7de; }
.memo { margin: 0.25rem 0 1rem; padding: 0.4rem 0.8rem; background: #f6f8fa; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; text-align: left; }
`;

/**
 * A self-contained HTML page: its own styles, no scripts and a policy that would block any
 * (`default-src 'none'`), so a report opened from disk or mail runs nothing. `body` must already
 * be escaped HTML.
 */
export function htmlDocument(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A heading tag for a codebook depth: themes are h2, their codes h3, … (at most h6). */
export function headingLevel(depth: number): number {
  return Math.min(6, depth + 2);
}
