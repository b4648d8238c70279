import { describe, expect, it } from 'vitest';
import { parseMedline } from '../../src/imports/medline';
import { fixture } from './fixture';

describe('parseMedline', () => {
  it('reads PMID, TI and AB over continuation lines, FAU, DP, JT, LID [doi], MeSH and keywords', () => {
    const { records, problems } = parseMedline(fixture('pubmed.nbib'), 'pubmed.nbib');
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      line: 2,
      pmid: '25331447',
      title:
        'Introducing New Peer Worker Roles into Mental Health Services in England: Comparative Case Study Research Across a Range of Organisational Contexts.',
      authors: ['Gillard, Steve', 'Holley, Jess'],
      year: 2015,
      journal: 'Administration and policy in mental health',
      volume: '42',
      issue: '6',
      pages: '682-94',
      doi: '10.1007/s10488-014-0603-z',
      abstract:
        'A wide variety of peer worker roles is being introduced into mental health services internationally. Empirical insight into whether conditions supporting role introduction are common across organisational contexts is lacking.',
      attributes: {
        keywords: 'Peer support; Organisational context',
        'MeSH terms': 'Humans; *Mental Health Services/organization & administration',
        language: 'eng',
        'publication type': 'Comparative Study; Journal Article',
      },
    });
  });

  it('falls back to AU initials and the abbreviated journal when FAU and JT are missing', () => {
    const [, r] = parseMedline(fixture('pubmed.nbib'), 'pubmed.nbib').records;
    expect(r).toMatchObject({
      line: 35,
      authors: ['Wall, A', 'Stjernswärd, S'],
      journal: 'Issues Ment Health Nurs',
      abstract: '',
    });
  });

  it('leaves out a record with a line that is neither a field nor a continuation', () => {
    const text = 'PMID- 1\nTI  - A\nrandom words\n\nPMID- 2\nTI  - B\n';
    const { records, problems } = parseMedline(text, 'x.nbib');
    expect(records.map((r) => r.title)).toEqual(['B']);
    expect(problems).toEqual([
      {
        file: 'x.nbib',
        line: 1,
        message:
          'line 3, "random words", is neither a field ("TI  - …") nor its continuation; the record is left out',
      },
    ]);
    expect(() => parseMedline('PMID- 1\nTI  - A\nrandom words\n', 'x.nbib')).toThrow(
      /PubMed MEDLINE file x\.nbib, line 1: line 3, "random words", is neither a field/,
    );
  });
});
