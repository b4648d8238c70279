import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  createRepositories,
  inTransaction,
  MIGRATIONS_DIR,
  openDatabase,
  PAGE_SIZE,
  type Repositories,
} from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';
import { insertSyntheticStudies, prng } from './generate';

export interface AnalysisProject {
  dataDir: string;
  token: string;
  projectId: string;
  coderIds: string[];
  themeIds: string[];
  codeIds: string[];
}

export interface AnalysisShape {
  studies: number;
  themes: number;
  codesPerTheme: number;
  coders: number;
  /** The coders' highlights (the consensus's come on top). */
  highlights: number;
  /**
   * One study in this many is reconciled: its consensus coding is a copy of the first coder's
   * highlights there (the analysis project's: one in ten, 20,000 more highlights at a million).
   */
  reconciledEvery?: number;
}

/**
 * Rewrites a saved project made with another page size in the one a new file gets now, so that
 * the benchmark measures what the server creates. VACUUM may renumber the rowids the search
 * indexes point at; only then are they rebuilt (writes after a rebuild were slower, in the one
 * measurement made: decision 022, stop 20).
 */
function toPageSize(file: string): void {
  const db = openDatabase(file, { migrate: false });
  const sqlite = db.$client;
  try {
    const size = sqlite.pragma('page_size', { simple: true });
    if (size === PAGE_SIZE) return;
    const t = performance.now();
    const rowids = sqlite.prepare(`SELECT (SELECT sum(rowid * length(id)) FROM highlights),
      (SELECT sum(rowid * length(id)) FROM documents)`);
    const before = JSON.stringify(rowids.raw().get());
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`page_size = ${PAGE_SIZE}`);
    sqlite.exec('VACUUM');
    sqlite.pragma('journal_mode = WAL');
    if (JSON.stringify(rowids.raw().get()) !== before)
      createRepositories(db).excerpts.rebuildSearchIndexes();
    const s = ((performance.now() - t) / 1000).toFixed(1);
    console.log(`rewrote the saved project from ${String(size)}-byte pages in ${s} s`);
  } finally {
    sqlite.close();
  }
}

/**
 * A synthetic review at the scale of DESIGN.md: studies with a country, a two-level codebook,
 * several coders and random highlights (one or two codes each, often two siblings of one theme,
 * so roll-ups must count a highlight once). Built through the repositories, so the maintained
 * analysis tables are filled exactly as in production; reused from disk when the shape matches.
 */
export function analysisProject(dataDir: string, shape: AnalysisShape): AnalysisProject {
  const manifest = path.join(dataDir, 'manifest.json');
  // The schema is part of what is reused: a file built by older migrations is brought up to date
  // as a user's would be (migrating in place), one built otherwise is rebuilt.
  const journal = readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8');
  const key = { ...shape, schema: migrationTags(journal) };
  if (existsSync(manifest)) {
    const saved = JSON.parse(readFileSync(manifest, 'utf8')) as AnalysisProject & {
      key: AnalysisShape & { schema: string[] | string };
    };
    // The folder is the one asked for, not the one saved: a manifest written through another
    // path to the same folder (a linked checkout) would otherwise send a run to that path.
    if (JSON.stringify(saved.key) === JSON.stringify(key)) {
      toPageSize(path.join(dataDir, 'kodbok.sqlite'));
      return { ...saved, dataDir };
    }
    const { schema: before, ...savedShape } = saved.key;
    // (Manifests before the stop-11 benchmarks saved the journal's text.)
    const tags = typeof before === 'string' ? migrationTags(before) : before;
    const older = Array.isArray(tags) && tags.every((tag, i) => key.schema[i] === tag);
    if (older && JSON.stringify(savedShape) === JSON.stringify(shape)) {
      const t = performance.now();
      toPageSize(path.join(dataDir, 'kodbok.sqlite'));
      openDatabase(path.join(dataDir, 'kodbok.sqlite')).$client.close();
      console.log(`migrated the saved project in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      writeFileSync(manifest, JSON.stringify({ ...saved, key, dataDir }));
      return { ...saved, dataDir };
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const db = openDatabase(path.join(dataDir, 'kodbok.sqlite'));
  const repos = createRepositories(db);
  const token = `kb_bench_${randomBytes(16).toString('hex')}`;
  const base = inTransaction(db, () => setUp(repos, shape, token));
  const random = prng(11);
  const perStudy = Math.round(shape.highlights / shape.studies);
  const batch = 250;
  for (let from = 0; from < base.documents.length; from += batch) {
    inTransaction(db, () => {
      for (const [k, doc] of base.documents.slice(from, from + batch).entries()) {
        const reconciled =
          shape.reconciledEvery !== undefined && (from + k) % shape.reconciledEvery === 0;
        for (let i = 0; i < perStudy; i++) {
          const coder = i % shape.coders;
          insertHighlight(repos, base, doc, random, coder, reconciled && coder === 0);
        }
        if (reconciled)
          repos.consensus.setReconciled(base.projectId, doc.studyId, base.coderIds[0]!);
      }
    });
    if (from % 2000 === 0) process.stdout.write(`  ${from} / ${shape.studies} studies coded\r`);
  }
  // As a running server leaves it: the change logs pruned (no read worker holds a copy yet).
  // Millions of logged changes would otherwise be pruned during every benchmark's run.
  db.$client.prepare('DELETE FROM counts_log').run();
  db.$client.prepare('DELETE FROM highlights_log').run();
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  console.log(
    `generated ${shape.highlights} highlights in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  const project: AnalysisProject = {
    dataDir,
    token,
    projectId: base.projectId,
    coderIds: base.coderIds,
    themeIds: base.themeIds,
    codeIds: base.codeIds,
  };
  writeFileSync(manifest, JSON.stringify({ ...project, key }));
  return project;
}

function setUp(repos: Repositories, shape: AnalysisShape, token: string) {
  const random = prng(42);
  const project = repos.projects.insert('Synthetic review (analysis)');
  const coderIds: string[] = [];
  for (let c = 0; c < shape.coders; c++) {
    const user = repos.users.insert({
      email: `coder${c}@bench.invalid`,
      name: `Coder ${c}`,
      passwordHash: null,
      isInstanceOwner: c === 0,
    });
    repos.members.upsert(project.id, user.id, c === 0 ? 'owner' : 'coder');
    coderIds.push(user.id);
  }
  repos.tokens.insert(coderIds[0]!, 'bench', createHash('sha256').update(token).digest('hex'));
  const themeIds: string[] = [];
  const children: string[][] = [];
  for (let t = 0; t < shape.themes; t++) {
    const code = { color: '#4E79A7', description: '', keywords: [], position: t };
    const theme = repos.codes.insert(project.id, { ...code, name: `Theme ${t}`, parentId: null });
    themeIds.push(theme);
    children.push(
      Array.from({ length: shape.codesPerTheme }, (_, c) =>
        repos.codes.insert(project.id, {
          ...code,
          name: `Code ${t}.${c}`,
          parentId: theme,
          position: c,
        }),
      ),
    );
  }
  const documents = insertSyntheticStudies(repos, project.id, shape.studies, random);
  return {
    projectId: project.id,
    coderIds,
    themeIds,
    children,
    codeIds: children.flat(),
    documents,
  };
}

function insertHighlight(
  repos: Repositories,
  base: ReturnType<typeof setUp>,
  doc: { id: string; text: string },
  random: () => number,
  coder: number,
  /** The consensus takes the same highlight too. */
  alsoConsensus: boolean,
) {
  const start = Math.floor(random() * (doc.text.length - 80));
  const end = start + 10 + Math.floor(random() * 60);
  const theme = base.children[Math.floor(random() * base.children.length)]!;
  const first = theme[Math.floor(random() * theme.length)]!;
  // A third carry a second code of the same theme: the theme must still count them once.
  const second = random() < 0.33 ? theme[Math.floor(random() * theme.length)]! : first;
  const highlight = {
    documentId: doc.id,
    projectId: base.projectId,
    coderId: base.coderIds[coder]!,
    start,
    end,
    quote: doc.text.slice(start, end),
    prefix: doc.text.slice(Math.max(0, start - 32), start),
    suffix: doc.text.slice(end, end + 32),
    memo: random() < 0.05 ? 'memo: stöd och återhämtning' : null,
    codeIds: [...new Set([first, second])],
  };
  repos.highlights.insert(highlight);
  if (alsoConsensus) repos.highlights.insert({ ...highlight, coderId: CONSENSUS_CODER_ID });
}

/** The migrations a file has been through, in order. */
function migrationTags(journal: string): string[] {
  return (JSON.parse(journal) as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag);
}

/** The analysis benchmarks' project shape: 20 themes × 14 codes, 5 coders. */
export const analysisShape = (studies: number, highlights: number): AnalysisShape => ({
  studies,
  themes: 20,
  codesPerTheme: 14,
  coders: 5,
  highlights,
  reconciledEvery: 10,
});

/**
 * A fresh copy of the analysis project in `.data/<name>`, with its documents, for a benchmark
 * that writes: the saved project stays as the analysis benchmark measures it.
 */
export function copyOfAnalysisProject(name: string, studies: number, highlights: number) {
  const data = path.resolve(import.meta.dirname, '.data');
  const big = analysisProject(path.join(data, 'analysis'), analysisShape(studies, highlights));
  const dataDir = path.join(data, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kodbok.sqlite');
  copyFileSync(path.join(big.dataDir, 'kodbok.sqlite'), file);
  // On disk before the benchmark starts: otherwise the kernel writes the copy's 2 GB back while
  // the server's own writes are being timed.
  const fd = openSync(file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  // A project just generated has no session secret until a server has run on it; the copy's
  // server then makes its own (the benchmarks sign in with a token, not a session).
  const secret = path.join(big.dataDir, 'session-secret');
  if (existsSync(secret)) copyFileSync(secret, path.join(dataDir, 'session-secret'));
  const db = openDatabase(file, { migrate: false, readonly: true });
  const documents = db.$client
    .prepare<[string], { id: string; text: string }>(
      'SELECT id, text FROM documents WHERE project_id = ?',
    )
    .all(big.projectId);
  db.$client.close();
  return { ...big, dataDir, documents };
}
