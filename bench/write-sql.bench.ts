import { rmSync } from 'node:fs';
import path from 'node:path';
import { createRepositories, openDatabase, type Repositories } from '@kodbok/db';
import { copyOfAnalysisProject } from './analysis-generate';
import { prng } from './generate';

/**
 * Where a highlight write's SQL time goes at a million highlights: the group commit's own
 * repository calls (the document and codes checked, the same-span lookup, the insert with its
 * codes and counts, the excerpt index at the group's end), run in-process on a copy of the
 * analysis project in groups of 11 (the server's average under `highlights-big`). Without HTTP or
 * a load generator sharing the cores, the figure varies a few per cent between runs, where the
 * client's p99 varies by a quarter; each variant takes out one structure, so the difference is
 * what that structure costs a highlight.
 */
const VARIANTS: Array<{ name: string; sql: string }> = [
  { name: 'as the server writes', sql: '' },
  {
    name: "without the totals' triggers",
    sql: 'DROP TRIGGER analysis_counts_ai; DROP TRIGGER analysis_counts_au;',
  },
  {
    // The same upserts into an empty table without triggers: the share of the counts' size
    // (1.9 million rows) and of everything their rows set off.
    name: 'counts table empty, no triggers',
    sql: `DROP TABLE analysis_counts;
      CREATE TABLE analysis_counts (code integer NOT NULL, study integer NOT NULL,
        document integer NOT NULL, coder integer NOT NULL, highlights integer NOT NULL,
        PRIMARY KEY (code, study, document, coder)) WITHOUT ROWID;`,
  },
  {
    name: 'without the document counts',
    sql: 'DROP TRIGGER document_counts_ai; DROP TRIGGER highlight_counts_ai;',
  },
  {
    name: 'without the highlights log',
    sql: 'DROP TRIGGER highlights_log_ai; DROP TRIGGER highlights_log_codes_ai;',
  },
];

const GROUP = 11;
const GROUPS_A_ROUND = 500;
const ROUNDS = 4;

export function benchWriteSql(opts: { studies: number; highlights: number }) {
  console.log(
    'SQL of a highlight write, in-process (µs a highlight; rounds 2–4, the first warms up)',
  );
  for (const variant of VARIANTS) {
    const copy = copyOfAnalysisProject('write-sql', opts.studies, opts.highlights);
    const db = openDatabase(path.join(copy.dataDir, 'kodbok.sqlite'), {
      migrate: false,
      cacheMb: 8,
    });
    try {
      if (variant.sql) db.$client.exec(variant.sql);
      const rounds = writeRounds(db, createRepositories(db), copy);
      const cpu = rounds.map((r) => r.cpu.toFixed(0)).join(' / ');
      const wall = rounds.map((r) => r.wall.toFixed(0)).join(' / ');
      console.log(`  ${variant.name.padEnd(32)} CPU ${cpu}   wall ${wall}`);
    } finally {
      db.$client.close();
      rmSync(copy.dataDir, { recursive: true, force: true });
    }
  }
}

function writeRounds(
  db: ReturnType<typeof openDatabase>,
  repos: Repositories,
  project: { projectId: string; documents: Array<{ id: string; text: string }>; codeIds: string[] },
) {
  const client = db.$client;
  // The server's checkpoints run in a worker; here they run between rounds, off the clock.
  client.pragma('wal_autocheckpoint = 0');
  const { coderId } = client
    .prepare<[string], { coderId: string }>(
      `SELECT coder_id AS coderId FROM highlight_counts WHERE project_id = ?
       ORDER BY highlights DESC LIMIT 1`,
    )
    .get(project.projectId)!;
  const random = prng(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const write = () => {
    const doc = pick(project.documents);
    const start = Math.floor(random() * (doc.text.length - 80));
    const end = start + 10 + Math.floor(random() * 60);
    const h = {
      documentId: doc.id,
      projectId: project.projectId,
      coderId,
      start,
      end,
      quote: doc.text.slice(start, end),
      prefix: '',
      suffix: '',
      memo: null,
      codeIds: [pick(project.codeIds)],
    };
    repos.highlights.findDocument(doc.id);
    repos.codes.countInProject(project.projectId, h.codeIds);
    if (!repos.highlights.findSameSpan(h)) repos.highlights.insert(h);
  };
  const rounds: Array<{ cpu: number; wall: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let g = 0; g < GROUPS_A_ROUND; g++) {
      client
        .transaction(() => {
          repos.highlights.deferSearchIndex();
          for (let i = 0; i < GROUP; i++) write();
          repos.highlights.indexDeferredForSearch();
        })
        .immediate();
    }
    const n = GROUPS_A_ROUND * GROUP;
    const cpu = process.cpuUsage(cpu0);
    if (round > 0) {
      rounds.push({
        cpu: (cpu.user + cpu.system) / n,
        wall: ((performance.now() - t0) * 1000) / n,
      });
    }
    client.pragma('wal_checkpoint(TRUNCATE)');
  }
  return rounds;
}
