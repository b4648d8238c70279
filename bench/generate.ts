import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRepositories, inTransaction, openDatabase, type Repositories } from '@kodbok/db';

const WORDS = (
  'peer support workers mental health services recovery role clarity stigma supervision funding managers staff ' +
  'organisation implementation experience lived identity training team power hierarchy trust sustainability ' +
  'Åkerblom Tromsø återhämtning stöd brukarrörelsen arbetsplats “ansvar” — kvalitet uppföljning'
).split(' ');

/** A small seeded PRNG (mulberry32), so every run builds the same project. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function synthText(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const w = WORDS[Math.floor(random() * WORDS.length)]!;
    out.push(i % 17 === 16 ? `${w}.` : w);
  }
  return out.join(' ');
}

export interface GeneratedProject {
  dataDir: string;
  token: string;
  projectId: string;
  documents: Array<{ id: string; text: string }>;
  codeIds: string[];
}

/** Writes a project of `studies` synthetic studies and `themes` × `codesPerTheme` codes. */
export function generateProject(opts: {
  dataDir: string;
  studies: number;
  themes?: number;
  codesPerTheme?: number;
}): GeneratedProject {
  rmSync(opts.dataDir, { recursive: true, force: true });
  mkdirSync(opts.dataDir, { recursive: true });
  const db = openDatabase(path.join(opts.dataDir, 'kodbok.sqlite'));
  const repos = createRepositories(db);
  const random = prng(42);
  const token = `kb_bench_${randomBytes(16).toString('hex')}`;
  const result = inTransaction(db, () => {
    const owner = repos.users.insert({
      email: 'bench@example.org',
      name: 'Bench Owner',
      passwordHash: null,
      isInstanceOwner: true,
    });
    repos.tokens.insert(owner.id, 'bench', createHash('sha256').update(token).digest('hex'));
    const project = repos.projects.insert('Synthetic review');
    repos.members.upsert(project.id, owner.id, 'owner');
    const codeIds: string[] = [];
    for (let t = 0; t < (opts.themes ?? 10); t++) {
      const theme = repos.codes.insert(project.id, {
        name: `Theme ${t}`,
        parentId: null,
        color: '#4E79A7',
        description: '',
        keywords: [],
        position: t,
      });
      for (let c = 0; c < (opts.codesPerTheme ?? 5); c++) {
        codeIds.push(
          repos.codes.insert(project.id, {
            name: `Code ${t}.${c}`,
            parentId: theme,
            color: '#F28E2B',
            description: '',
            keywords: [],
            position: c,
          }),
        );
      }
    }
    const documents = insertSyntheticStudies(repos, project.id, opts.studies, random);
    return { projectId: project.id, documents, codeIds };
  });
  db.$client.close();
  return { dataDir: opts.dataDir, token, ...result };
}

/** `count` studies with an abstract-like document each (country cycles Sweden, Norway, England). */
export function insertSyntheticStudies(
  repos: Repositories,
  projectId: string,
  count: number,
  random: () => number,
): Array<{ id: string; studyId: string; text: string }> {
  const documents: Array<{ id: string; studyId: string; text: string }> = [];
  for (let s = 0; s < count; s++) {
    const study = repos.studies.insert(projectId, {
      title: `Study ${s}: ${synthText(random, 8)}`,
      authors: [`Author${s % 997}, A.`],
      year: 2000 + (s % 25),
      journal: null,
      doi: null,
    });
    repos.studies.setAttributes(study.id, { country: ['Sweden', 'Norway', 'England'][s % 3]! });
    const text = synthText(random, 180 + Math.floor(random() * 120));
    const doc = repos.studies.insertDocument({
      studyId: study.id,
      projectId,
      kind: 'abstract',
      text,
    });
    documents.push({ id: doc.id, studyId: study.id, text });
  }
  return documents;
}
