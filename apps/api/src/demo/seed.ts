import type { FastifyBaseLogger } from 'fastify';
import { quoteSelector, spanProblem } from '@kodbok/core';
import { inTransaction, type Db, type Repositories } from '@kodbok/db';
import corpus from './peer-support.json' with { type: 'json' };
import codebook from './codebook.json' with { type: 'json' };
import coding from './demo-coding.json' with { type: 'json' };

interface DemoCode {
  name: string;
  color: string;
  description: string;
  keywords?: string[];
  children?: DemoCode[];
}

/**
 * On an empty database, creates the demo project from the demo corpus (four studies, the starter
 * codebook and two demo coders' coding), so that a first visit shows real work. The demo coders
 * are accounts without a password: they cannot sign in. The first owner account takes the project
 * over at setup. Any inconsistency in the data aborts the whole seed (one transaction).
 */
export function seedDemoProject(db: Db, repos: Repositories, log: FastifyBaseLogger): void {
  if (repos.projects.count() > 0 || repos.users.countWithPassword() > 0) return;
  inTransaction(db, () => {
    const project = repos.projects.insert(corpus.name);
    const coders = new Map<string, string>();
    for (const c of coding.coders) {
      const user = repos.users.insert({ email: `${c.key}@demo.kodbok.invalid`, name: c.name, passwordHash: null });
      repos.members.upsert(project.id, user.id, 'coder');
      coders.set(c.key, user.id);
    }
    const codeIds = new Map<string, string>();
    const addCodes = (list: DemoCode[], parentId: string | null) =>
      list.forEach((c, position) => {
        const id = repos.codes.insert(project.id, {
          name: c.name, parentId, color: c.color, description: c.description, keywords: c.keywords ?? [], position,
        });
        codeIds.set(c.name, id);
        addCodes(c.children ?? [], id);
      });
    addCodes(codebook.codes as DemoCode[], null);
    // Country and design are categories, ready for cross-tabulation.
    repos.attributes.ensure(project.id, [{ name: 'country', type: 'category' }, { name: 'design', type: 'category' }, { name: 'participants', type: 'text' }, { name: 'funder', type: 'text' }]);
    const documents = new Map<string, { id: string; text: string }>();
    const studyIds = new Map<string, string>();
    for (const s of corpus.studies) {
      const study = repos.studies.insert(project.id, {
        title: s.title, authors: s.authors, year: s.year, journal: s.journal || null, doi: s.doi || null,
        pmid: 'pmid' in s ? s.pmid : null, volume: s.volume || null, issue: s.issue || null, pages: s.pages || null,
      });
      repos.studies.setAttributes(study.id, definedOnly(s.attributes));
      const doc = repos.studies.insertDocument({ studyId: study.id, projectId: project.id, kind: 'abstract', text: s.abstract });
      documents.set(s.key, { id: doc.id, text: s.abstract });
      studyIds.set(s.key, study.id);
    }
    for (const h of coding.highlights) {
      const doc = documents.get(h.study);
      const coderId = coders.get(h.coder);
      const ids = h.codes.map((name) => codeIds.get(name));
      const problem = doc ? spanProblem(doc.text, h, h.quote) : `unknown study ${h.study}`;
      if (problem || !doc || !coderId || ids.some((id) => !id)) {
        throw new Error(`demo coding of ${h.study} by ${h.coder} at ${h.start}: ${problem ?? 'unknown coder or code'}`);
      }
      const { prefix, suffix } = quoteSelector(doc.text, h);
      repos.highlights.insert({
        documentId: doc.id, projectId: project.id, coderId, start: h.start, end: h.end, quote: h.quote,
        prefix, suffix, memo: 'memo' in h && typeof h.memo === 'string' ? h.memo : null, codeIds: ids as string[],
      });
    }
    // The demo is double-coded: both demo coders were given every study, blind, and are done.
    const pairs = [...documents.keys()].flatMap((key) => [...coders.values()].map((u) => [studyIds.get(key)!, u] as const));
    repos.assignments.insertMany(project.id, pairs);
    for (const [studyId, userId] of pairs) repos.assignments.setDone(studyId, userId, true);
    repos.projects.update(project.id, { independentCoding: true });
  });
  log.info('created the demo project from the demo corpus');
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));
}
