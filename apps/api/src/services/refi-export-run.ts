import { writeProjectArchive, type ProjectExport, type RefiExportStudy } from '@kodbok/core';
import type { AnalysisScope, Repositories } from '@kodbok/db';
import { CONSENSUS_CODER_ID } from '@kodbok/contracts';

/** Whose coding an export holds: listed coders, or everyone (the consensus included or not). */
export type ExportCoders = readonly string[] | 'everyone' | 'all-but-consensus';

/** A project export, authorised and with its filters resolved on the API thread. */
export interface RefiExportJob {
  kind: 'export-project';
  projectId: string;
  projectName: string;
  exporter: { id: string; name: string };
  /** The study filters (coderIds in it is not used: see `coders`). */
  scope: AnalysisScope;
  coders: ExportCoders;
  /** The codes kept by a code filter, with their descendants; null: every code. */
  keep: string[] | null;
  /**
   * Whose memos: `readable` as the memo rule gives the caller (null: everyone's; else these and
   * the owners' and supervisors'), narrowed to `chosen` when coders were named (null: not narrowed).
   */
  memoAuthors: { readable: string[] | null; chosen: readonly string[] | null };
  date: string;
  origin: string;
}

/**
 * Reads what the export holds and writes the .qdpx. Runs in a worker (refi-worker.ts): every
 * document's text is read, which for a large review is tens of MB the API's heap need not hold.
 */
export function runProjectExport(repos: Repositories, job: RefiExportJob): Uint8Array {
  const keep = job.keep ? new Set(job.keep) : null;
  const codes = repos.codes.list(job.projectId);
  const shown = keep ? withAncestors(codes, keep) : codes;
  const studies = repos.refi.studies(job.scope);
  const studyIds = studies.map((s) => s.id);
  const documents = repos.refi.documents(studyIds);
  const coderIds = Array.isArray(job.coders) ? job.coders : null;
  const highlights = repos.refi
    .highlights(
      documents.map((d) => d.id),
      coderIds,
    )
    .filter((h) => job.coders !== 'all-but-consensus' || h.coderId !== CONSENSUS_CODER_ID)
    .map((h) => ({ ...h, codeIds: h.codeIds.split(',').filter((id) => !keep || keep.has(id)) }))
    .filter((h) => h.codeIds.length > 0);
  const byDocument = group(highlights, (h) => h.documentId);
  const attributes = group(repos.refi.attributes(studyIds), (a) => a.studyId);
  const docsByStudy = group(documents, (d) => d.studyId);
  const memos = repos.memos
    .inProject(job.projectId, job.memoAuthors.readable)
    .filter((m) => !job.memoAuthors.chosen || job.memoAuthors.chosen.includes(m.userId))
    .filter((m) => !m.codeId || !keep || keep.has(m.codeId));
  const coders = new Set([
    job.exporter.id,
    ...highlights.map((h) => h.coderId),
    ...memos.map((m) => m.userId),
  ]);
  const types = repos.attributes.types(job.projectId);
  const project: ProjectExport = {
    name: job.projectName,
    origin: job.origin,
    exportedBy: job.exporter.id,
    date: new Date(job.date),
    users: repos.refi
      .users([...coders])
      .map((u) => (u.id === CONSENSUS_CODER_ID ? { ...u, name: 'Consensus' } : u)),
    codes: shown,
    attributes: [...types].map(([name, type]) => ({ name, type })),
    studies: studies.map((s): RefiExportStudy => ({
      id: s.id,
      title: s.title,
      fields: {
        authors: JSON.parse(s.authors) as string[],
        year: s.year,
        journal: s.journal,
        doi: s.doi,
        pmid: s.pmid,
        volume: s.volume,
        issue: s.issue,
        pages: s.pages,
      },
      attributes: Object.fromEntries((attributes.get(s.id) ?? []).map((a) => [a.name, a.value])),
      documents: (docsByStudy.get(s.id) ?? []).map((d) => ({
        ...d,
        highlights: byDocument.get(d.id) ?? [],
      })),
    })),
    // Memos on studies and documents the filters leave out are left out by the writer.
    memos: memos.map((m) => ({
      id: m.id,
      on: m.codeId ? 'code' : m.documentId ? 'document' : m.studyId ? 'study' : 'project',
      targetId: m.studyId ?? m.documentId ?? m.codeId,
      authorId: m.userId,
      text: m.text,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })),
  };
  return writeProjectArchive(project);
}

function withAncestors<T extends { id: string; parentId: string | null }>(
  codes: T[],
  keep: ReadonlySet<string>,
): T[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const shown = new Set<string>();
  for (const id of keep) {
    for (
      let c = byId.get(id);
      c && !shown.has(c.id);
      c = c.parentId ? byId.get(c.parentId) : undefined
    )
      shown.add(c.id);
  }
  return codes.filter((c) => shown.has(c.id));
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
