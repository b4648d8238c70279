import { prng } from './generate';

const SURNAMES = [
  'Grim',
  'Åkerblom',
  'Stjernswärd',
  'Mohn-Haugen',
  'Gillard',
  'Holley',
  'Lövheden',
  'Ness',
  'Øvergård',
  "O'Connor",
  'Nguyen',
  'Müller',
];
const GIVEN = [
  'Katarina',
  'Kristina Bakke',
  'Sigrid',
  'Torbjørn',
  'Steve',
  'Jess',
  'Theresia',
  'Ottar',
  'Åsa',
  'Siobhán',
  'Linh',
  'Jürgen',
];
const JOURNALS = [
  'International Journal of Mental Health Systems',
  'Issues in Mental Health Nursing',
  'Administration and Policy in Mental Health and Mental Health Services Research',
  'Journal of Psychosocial Rehabilitation and Mental Health',
  'Scandinavian Journal of Caring Sciences',
];
const KEYWORDS = [
  'Peer support',
  'Recovery',
  'Mental health services',
  'Qualitative study',
  'Implementation',
  'Lived experience',
  'Stigma',
  'Co-production',
];

const VOCABULARY = (
  'peer support workers mental health services recovery role clarity stigma supervision funding ' +
  'managers staff organisation implementation experience lived identity training team power ' +
  'hierarchy trust sustainability participants interviews themes qualitative analysis findings ' +
  'Åkerblom Tromsø återhämtning stöd brukarrörelsen “ansvar” — kvalitet uppföljning'
).split(' ');

/** Prose-like text of `words` words, with a full stop every dozen or so. */
function prose(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const w = VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
    out.push(i % 13 === 12 ? `${w}.` : w);
  }
  return out.join(' ');
}

/**
 * `count` RIS records as reference managers export them: several authors and keywords, T2
 * journals, "PY  - 2019///", DOIs, abstracts of 150–300 words wrapped over two lines (EndNote
 * style) with non-ASCII text, CRLF line ends. Seeded, so every run reads the same file.
 */
export function generateRis(count: number, seed = 11): string {
  const random = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push('TY  - JOUR');
    const authors = 1 + Math.floor(random() * 6);
    for (let a = 0; a < authors; a++) lines.push(`AU  - ${pick(SURNAMES)}, ${pick(GIVEN)}`);
    lines.push(`TI  - Study ${i}: ${prose(random, 10 + Math.floor(random() * 10))}`);
    lines.push(`T2  - ${pick(JOURNALS)}`);
    lines.push(`PY  - ${1995 + Math.floor(random() * 30)}///`);
    lines.push(`VL  - ${1 + Math.floor(random() * 60)}`, `IS  - ${1 + Math.floor(random() * 12)}`);
    lines.push(`SP  - ${100 + (i % 500)}`, `EP  - ${112 + (i % 500)}`);
    lines.push(`DO  - 10.${1000 + (i % 9000)}/bench.${i}`);
    for (let k = 0; k < 3; k++) lines.push(`KW  - ${pick(KEYWORDS)}`);
    const words = 150 + Math.floor(random() * 150);
    lines.push(
      `AB  - ${prose(random, Math.floor(words / 2))}`,
      prose(random, Math.ceil(words / 2)),
    );
    lines.push(`PB  - Springer Science and Business Media LLC`, 'ER  - ', '');
  }
  return '\ufeff' + lines.join('\r\n');
}
