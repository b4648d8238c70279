import { describe, expect, it } from 'vitest';
import { parseWos } from '../../src/imports/wos';

/** Two records as Web of Science's "Plain text file" export writes them (BOM, FN/VR, EF). */
const EXPORT = [
  '\ufeffFN Clarivate Analytics Web of Science', // 1
  'VR 1.0',
  'PT J', // 3
  'AU Asampong, E',
  '   Gyeke, MDP',
  'AF Asampong, Emmanuel',
  '   Gyeke, Mavis Dako Plusminus',
  "TI Caregivers' views on stigmatization and discrimination of people",
  '   affected by leprosy in Ghana',
  'SO PLOS NEGLECTED TROPICAL DISEASES',
  'LA English',
  'DE Leprosy; Stigma;',
  '   Caregivers',
  'AB Background',
  '   Leprosy is a condition that has long been associated with stigma.',
  'PY 2018',
  'VL 12',
  'IS 1',
  'AR e0006219',
  'DI 10.1371/journal.pntd.0006219',
  'PM 29377890',
  'ER',
  '',
  'PT J', // 24
  'AU Parkes-Loach, PS',
  'TI Interactions stabilizing the structure',
  'SO BIOCHEMISTRY',
  'PY 2004',
  'VL 43',
  'BP 7003',
  'EP 7016',
  'ER',
  '',
  'EF',
].join('\n');

describe('parseWos', () => {
  it('reads each record from PT to ER, with continuation lines indented by three spaces', () => {
    const { format, records, problems } = parseWos(EXPORT, 'savedrecs.txt');
    expect(format).toBe('wos');
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      line: 3,
      title:
        "Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana",
      authors: ['Asampong, Emmanuel', 'Gyeke, Mavis Dako Plusminus'],
      year: 2018,
      journal: 'PLOS NEGLECTED TROPICAL DISEASES',
      volume: '12',
      issue: '1',
      pages: 'e0006219',
      doi: '10.1371/journal.pntd.0006219',
      pmid: '29377890',
      abstract: 'Background\nLeprosy is a condition that has long been associated with stigma.',
      attributes: { keywords: 'Leprosy; Stigma; Caregivers', language: 'English' },
    });
    expect(records[1]).toMatchObject({
      line: 24,
      authors: ['Parkes-Loach, PS'],
      pages: '7003-7016',
    });
  });

  it('leaves out a record cut short, and refuses a file with no complete record', () => {
    const cut = `${EXPORT.slice(0, EXPORT.indexOf('\nER'))}\n`;
    expect(() => parseWos(cut, 'cut.txt')).toThrow(
      'Web of Science plain text file cut.txt, line 3: no complete record: a Web of Science record starts with "PT" and ends with "ER", and the record that starts here has no "ER" line before the end of the file',
    );
    const { records, problems } = parseWos(`${EXPORT}\nPT J\nTI Cut\n`, 'x.txt');
    expect(records).toHaveLength(2);
    expect(problems).toEqual([
      {
        file: 'x.txt',
        line: 35,
        message:
          'the record that starts here has no "ER" line before the end of the file (the file may be cut short); it is left out',
      },
    ]);
  });
});
