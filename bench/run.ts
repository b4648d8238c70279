import { parseArgs } from 'node:util';
import { benchHighlightCreation } from './highlights.bench';
import { benchWorkspace } from './workspace.bench';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- --only workspace` one of them.
 * Each prints its figures next to its target; none of them is a pass/fail test.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    studies: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '10' },
  },
});

const benchmarks: Record<string, () => Promise<void>> = {
  highlights: () =>
    benchHighlightCreation({ studies: Number(values.studies), duration: Number(values.duration) }),
  // The same writes on the analysis project: 10,000 studies and 1,000,000 highlights (issue 13).
  'highlights-big': async () => {
    const { benchHighlightCreationAtScale } = await import('./highlights.bench');
    await benchHighlightCreationAtScale({
      studies: Number(values.studies),
      highlights: Number(values.studies) * 100,
      duration: Number(values.duration),
    });
  },
  // Where a highlight write's SQL time goes at a million highlights, in-process (issue 13).
  'write-sql': async () => {
    const { benchWriteSql } = await import('./write-sql.bench');
    benchWriteSql({ studies: Number(values.studies), highlights: Number(values.studies) * 100 });
  },
  workspace: () => benchWorkspace({ characters: 50_000, highlights: 2_000 }),
  // Analysis endpoints on a 1,000,000-highlight project (generated once into bench/.data/analysis).
  analysis: async () => {
    const { benchAnalysis } = await import('./analysis.bench');
    await benchAnalysis({
      studies: Number(values.studies),
      highlights: Number(values.studies) * 100,
      runs: 20,
    });
  },
  // Coder agreement: 2 coders × 100,000 highlights over 10,000 studies (bench/.data/agreement).
  agreement: async () => {
    const { benchAgreement } = await import('./agreement.bench');
    await benchAgreement({ studies: Number(values.studies), runs: 10 });
  },
  // Exports of the analysis project: excerpts.csv at 1,000,000 highlights (issue 9).
  export: async () => {
    const { benchExport } = await import('./export.bench');
    await benchExport({
      studies: Number(values.studies),
      highlights: Number(values.studies) * 100,
    });
  },
  // Issue 12: coders, supervisors and an import at once on the 1,000,000-highlight project.
  mixed: async () => {
    const { benchMixed } = await import('./mixed.bench');
    await benchMixed({
      studies: Number(values.studies),
      highlights: Number(values.studies) * 100,
      seconds: Number(process.env.BENCH_MIXED_SECONDS ?? 60),
    });
  },
  import: async () => {
    const { benchImport } = await import('./import.bench');
    await benchImport({ records: Number(process.env.BENCH_IMPORT_RECORDS ?? 10_000) });
  },
};

const selected = values.only ? values.only.split(',') : Object.keys(benchmarks);
for (const name of selected) {
  const run = benchmarks[name];
  if (!run)
    throw new Error(`No benchmark "${name}"; there are: ${Object.keys(benchmarks).join(', ')}`);
  console.log(`\n# ${name}`);
  await run();
}
