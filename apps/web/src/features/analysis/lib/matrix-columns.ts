/** "Grim 2022": the citation label of a study column (first author's surname and year). */
export function citation(study: {
  authors: readonly string[];
  year: number | null;
  title: string;
}): string {
  const surname = study.authors[0]?.split(',')[0]?.trim();
  const who = surname || study.title.slice(0, 24);
  return study.year ? `${who} ${study.year}` : who;
}

/** Consecutive columns with the same group value, for the grouped header row. */
export function groupRuns(studies: ReadonlyArray<{ group: string | null }>) {
  const runs: Array<{ value: string | null; span: number }> = [];
  for (const s of studies) {
    const last = runs[runs.length - 1];
    if (last && last.value === s.group) last.span++;
    else runs.push({ value: s.group, span: 1 });
  }
  return runs;
}
