import { describe, expect, it } from 'vitest';
import {
  buildExcerptReport,
  buildMemoReport,
  escapeHtml,
  escapeMarkdown,
  excerptReportHtml,
  excerptReportMarkdown,
  markdownQuote,
  markdownTable,
  memoReportMarkdown,
  xmlSafe,
  type ExportHighlight,
  type ExportStudy,
} from '../src/index';

const codes = [
  { id: 't', parentId: null, name: 'Role and identity', position: 0, description: '' },
  { id: 'c', parentId: 't', name: 'Role clarity', position: 0, description: 'Knowing what to do' },
  { id: 'o', parentId: null, name: 'Other theme', position: 1, description: '' },
];
const studies = new Map<string, ExportStudy>([
  [
    's1',
    {
      key: 'Wall 2023',
      citation: 'Wall & Åkerblom 2023',
      authors: '',
      year: 2023,
      title: 'W',
      doi: null,
    },
  ],
  [
    's2',
    {
      key: 'Grim 2022',
      citation: 'Grim et al. 2022',
      authors: '',
      year: 2022,
      title: 'G',
      doi: null,
    },
  ],
]);
const highlight = (
  id: string,
  studyId: string,
  codeIds: string[],
  quote: string,
  memo: string | null = null,
  start = 0,
): ExportHighlight => ({
  id,
  documentId: `d-${studyId}`,
  studyId,
  documentKind: 'abstract',
  coderId: 'u',
  coderName: 'Astrid',
  start,
  end: start + quote.length,
  quote,
  prefix: '',
  suffix: '',
  memo,
  createdAt: '2026-11-29T10:00:00.000Z',
  codeIds,
});

describe('escapeMarkdown', () => {
  it('shows markup, links and HTML as text', () => {
    expect(escapeMarkdown('<script>alert(1)</script> [x](http://e) *b* _i_ `c` a|b &amp;')).toBe(
      '\\<script\\>alert(1)\\</script\\> \\[x\\](http://e) \\*b\\* \\_i\\_ \\`c\\` a\\|b \\&amp;',
    );
  });

  it('keeps a line from starting a list, heading, quote or code block', () => {
    expect(escapeMarkdown('- item\n+ item\n# h\n> q\n1. one\n    code')).toBe(
      '\\- item\n\\+ item\n\\# h\n\\> q\n1\\. one\ncode',
    );
  });

  it('quotes every line and tabulates with pipes escaped', () => {
    expect(markdownQuote('first\nsecond')).toBe('> first  \n> second');
    expect(
      markdownTable([
        ['code', 'Grim 2022'],
        ['A|B\nC', 3],
      ]),
    ).toBe('| code | Grim 2022 |\n| --- | --- |\n| A\\|B C | 3 |');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that could open markup', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });
});

describe('buildExcerptReport', () => {
  const report = buildExcerptReport({
    title: 'Coded excerpts: Peer support',
    meta: ['Exported 2026-11-29'],
    codes,
    highlights: [
      highlight('h1', 's1', ['c'], 'later in Wall', null, 50),
      highlight('h2', 's2', ['c', 't'], 'Tromsø 👩🏽‍⚕️ <b>bold</b>', 'a memo\non two lines'),
      highlight('h3', 's1', ['c'], 'earlier in Wall', null, 10),
    ],
    studies,
    keep: null,
  });

  it('groups theme → code → excerpts by study key, then position; empty themes are left out', () => {
    expect(report.sections.map((s) => [s.path, s.depth])).toEqual([
      ['Role and identity', 0],
      ['Role and identity › Role clarity', 1],
    ]);
    expect(report.sections[1]!.entries.map((e) => e.highlightId)).toEqual(['h2', 'h3', 'h1']);
    expect(report.sections[0]!.entries.map((e) => e.highlightId)).toEqual(['h2']);
  });

  it('keeps a chosen code under its theme heading, with only the chosen codes excerpts', () => {
    const only = buildExcerptReport({
      title: 't',
      meta: [],
      codes,
      highlights: [highlight('h2', 's2', ['c', 't'], 'q')],
      studies,
      keep: new Set(['c']),
    });
    expect(only.sections.map((s) => [s.name, s.entries.length])).toEqual([
      ['Role and identity', 0],
      ['Role clarity', 1],
    ]);
  });

  it('writes Markdown with citations and memos, escaping the text', () => {
    const md = excerptReportMarkdown(report);
    expect(md).toContain('## Role and identity\n');
    expect(md).toContain('### Role clarity\n\n*Knowing what to do*');
    expect(md).toContain('> Tromsø 👩🏽‍⚕️ \\<b\\>bold\\</b\\>');
    expect(md).toContain('— (Grim et al. 2022), abstract, coded by Astrid');
    expect(md).toContain('**Memo:** a memo  \non two lines');
  });

  it('writes a self-contained HTML page without scripts, escaping the text', () => {
    const html = excerptReportHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<b>bold/);
    expect(html).toContain('Tromsø 👩🏽‍⚕️ &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('<h3>Role clarity</h3>');
    expect(html).toContain('<strong>Memo:</strong> a memo<br>on two lines');
  });
});

describe('buildMemoReport', () => {
  const notes = [
    {
      on: 'project',
      targetId: null,
      author: 'Astrid',
      text: 'plan',
      updatedAt: '2026-11-28T10:00:00Z',
    },
    {
      on: 'study',
      targetId: 's1',
      author: 'Bo',
      text: 'study one',
      updatedAt: '2026-11-28T11:00:00Z',
    },
    {
      on: 'document',
      targetId: 'd3',
      author: 'Bo',
      text: 'doc of s3',
      updatedAt: '2026-11-28T11:00:00Z',
    },
    {
      on: 'code',
      targetId: 'o',
      author: 'Bo',
      text: 'other theme memo',
      updatedAt: '2026-11-28T12:00:00Z',
    },
    { on: 'code', targetId: 't', author: 'Bo', text: '  ', updatedAt: '2026-11-28T12:00:00Z' },
  ] as const;
  const documents = new Map([
    ['d1', { studyId: 's1', kind: 'abstract' }],
    ['d3', { studyId: 's3', kind: 'full text' }],
  ]);

  it('groups memos by what they belong to: project, codes, then studies with documents and highlights', () => {
    const report = buildMemoReport({
      title: 'Memos',
      meta: [],
      codes,
      highlights: [
        highlight('h1', 's1', ['c', 'o'], 'q1', 'memo one'),
        highlight('h2', 's2', ['c'], 'q2', '   '),
        highlight('h3', 's2', ['t'], 'q3', 'memo three'),
      ],
      notes,
      studies,
      documents,
      keep: null,
    });
    expect(report.project).toEqual([
      { author: 'Astrid', text: 'plan', updated: '2026-11-28T10:00:00Z' },
    ]);
    expect(report.codes.map((c) => [c.path, c.description, c.memos.map((m) => m.text)])).toEqual([
      ['Role and identity › Role clarity', 'Knowing what to do', []],
      ['Other theme', '', ['other theme memo']],
    ]);
    // s3 is not among the studies the export covers: its document memo is left out.
    expect(
      report.studies.map((s) => [
        s.key,
        s.memos.length,
        s.documents.length,
        s.codes.map((c) => c.path),
      ]),
    ).toEqual([
      ['Grim 2022', 0, 0, ['Role and identity']],
      ['Wall 2023', 1, 0, ['Role and identity › Role clarity', 'Other theme']],
    ]);
    const md = memoReportMarkdown(report);
    expect(md).toContain('## Project memos\n\nplan\n\n— Astrid, 2026-11-28');
    expect(md).toContain(
      '### Grim 2022: G\n\n#### Role and identity\n\n> q3\n\nmemo three\n\n— Astrid, 2026-11-29, abstract',
    );
    expect(md).toContain(
      '### Wall 2023: W\n\nstudy one\n\n— Bo, 2026-11-28\n\n#### Role and identity › Role clarity',
    );
  });

  it('keeps only the filtered codes’ memos and says when nothing has one', () => {
    const report = buildMemoReport({
      title: 'Memos',
      meta: [],
      codes,
      highlights: [highlight('h1', 's1', ['o'], 'q1', 'memo one')],
      notes: [],
      studies,
      documents,
      keep: new Set(['t']),
    });
    expect(report.codes).toEqual([]);
    expect(report.studies).toEqual([]);
    expect(memoReportMarkdown(report)).toContain('Nothing in this selection has a memo.');
  });
});

describe('xmlSafe', () => {
  it('drops what XML 1.0 cannot carry and keeps tabs, breaks and pairs', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\tline\r\nØ 👩🏽‍⚕️\ufffe')).toBe('abcd\tline\r\nØ 👩🏽‍⚕️');
    expect(xmlSafe('lone \ud83d and \udc69 end')).toBe('lone  and  end');
  });
});
