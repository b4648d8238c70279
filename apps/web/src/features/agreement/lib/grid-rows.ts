import type { AgreementGrid } from '@kodbok/contracts';

type GridStudy = AgreementGrid['studies'][number];
type GridCode = AgreementGrid['codes'][number];

/** One cell as a supervisor reads it: everyone applied the code, or only some did (and who). */
export type GridCell =
  { kind: 'agree'; appliedBy: string[] } | { kind: 'some'; appliedBy: string[] };

export interface GridRow {
  study: GridStudy;
  /** "Grim 2022": the citation label the row is known by. */
  label: string;
  /** By code id; a code nobody applied in the study has no cell. */
  cells: ReadonlyMap<string, GridCell>;
}

export interface GridView {
  rows: GridRow[];
  /** The code columns shown: with `disputedCodesOnly`, the codes some study differs on. */
  codes: GridCode[];
}

/** "Grim 2022": first author's surname and year, else the start of the title. */
export function citation(study: {
  authors: readonly string[];
  year: number | null;
  title: string;
}) {
  const surname = study.authors[0]?.split(',')[0]?.trim();
  const who = surname || study.title.slice(0, 40);
  return study.year ? `${who} ${study.year}` : who;
}

/**
 * A page of the grid as rows of studies (studies run to thousands, codes to dozens, so studies
 * are the rows), in the server's order. With `disputedCodesOnly` (the "disagreements" filter),
 * only the codes some study of the page differs on keep a column: what still needs a meeting.
 */
export function buildGrid(grid: AgreementGrid, disputedCodesOnly: boolean): GridView {
  const cellsByStudy = new Map<string, Map<string, GridCell>>();
  for (const c of grid.cells) {
    let row = cellsByStudy.get(c.studyId);
    if (!row) cellsByStudy.set(c.studyId, (row = new Map()));
    row.set(c.codeId, { kind: c.agree ? 'agree' : 'some', appliedBy: c.appliedBy });
  }
  const disputed = new Set(grid.cells.filter((c) => !c.agree).map((c) => c.codeId));
  return {
    rows: grid.studies.map((study) => ({
      study,
      label: citation(study),
      cells: cellsByStudy.get(study.id) ?? new Map<string, GridCell>(),
    })),
    codes: disputedCodesOnly ? grid.codes.filter((c) => disputed.has(c.codeId)) : grid.codes,
  };
}

/**
 * Short marks for coders in cells ("AS", "BL"), unique within the list: initials of the first and
 * last name, lengthened from the first name when two coders share them, numbered as a last resort.
 */
export function coderMarks(
  coders: ReadonlyArray<{ id: string; name: string }>,
): Map<string, string> {
  // "Astrid Lind (demo coder)" is marked by "Astrid Lind": asides and punctuation are not initials.
  const words = (name: string) =>
    name
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const candidates = coders.map(({ name }) => {
    const w = words(name);
    const first = w[0] ?? '?';
    const last = w.length > 1 ? w[w.length - 1]! : '';
    const letters = [...first];
    // Longer and longer prefixes of the first name, then the last name's initial.
    return Array.from({ length: Math.max(1, letters.length) }, (_, i) =>
      (letters.slice(0, i + 1).join('') + [...last].slice(0, 1).join('')).toLocaleUpperCase(),
    );
  });
  const marks = new Map<string, string>();
  const taken = new Set<string>();
  coders.forEach((coder, i) => {
    const options = candidates[i]!;
    const clash = (mark: string) =>
      taken.has(mark) || candidates.some((other, j) => j !== i && other[0] === mark);
    let mark = options.find((m) => !clash(m)) ?? options[0]!;
    for (let n = 2; taken.has(mark); n++) mark = `${options[0]}${n}`;
    taken.add(mark);
    marks.set(coder.id, mark);
  });
  return marks;
}
