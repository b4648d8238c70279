import { mergeCodebook, readCodebookFile, RefiFileError, type CodebookMerge } from '@kodbok/core';
import { inTransaction, type Db, type Repositories } from '@kodbok/db';
import type { CodebookImportPreview, CodebookImportResult } from '@kodbok/contracts';
import type { Upload } from './types';

/** A codebook file to merge into a project (the caller may edit its codebook). */
export interface RefiCodebookJob {
  kind: 'import-codebook';
  mode: 'preview' | 'commit';
  projectId: string;
  /** Who imports: the activity log names them. */
  userId: string;
  upload: Upload;
}

function merge(repos: Repositories, job: RefiCodebookJob) {
  const file = job.upload.files[0]!;
  const book = readCodebookFile(file.bytes, file.name);
  const count = (nodes: typeof book.roots): number =>
    nodes.reduce((n, c) => n + 1 + count(c.children), 0);
  const codes = count(book.roots);
  if (codes === 0) throw new RefiFileError(`${file.name} holds no codes`);
  return {
    format: book.format,
    codes,
    merged: mergeCodebook(repos.codes.tree(job.projectId), book.roots, book.notices),
  };
}

export function previewCodebook(repos: Repositories, job: RefiCodebookJob): CodebookImportPreview {
  const { format, codes, merged } = merge(repos, job);
  return {
    format,
    codes,
    matched: merged.matched,
    added: merged.added.map(({ path, name, color, description }) => ({
      path,
      name,
      color,
      description,
    })),
    notices: merged.notices,
  };
}

/**
 * Adds the new codes in one transaction. The project's codebook is read again inside it
 * (IMMEDIATE), so a code added meanwhile is matched rather than duplicated.
 */
export function commitCodebook(
  db: Db,
  repos: Repositories,
  job: RefiCodebookJob,
): CodebookImportResult {
  return inTransaction(
    db,
    () => {
      const { merged } = merge(repos, job);
      insertAdded(repos, job.projectId, merged);
      const result = { created: merged.added.length, matched: merged.matched.length };
      repos.activity.record({
        projectId: job.projectId,
        actorId: job.userId,
        action: 'codebook.imported',
        subject: job.upload.files[0]!.name,
        detail: `${result.created} codes added, ${result.matched} matched`,
      });
      return result;
    },
    { immediate: true },
  );
}

function insertAdded(repos: Repositories, projectId: string, merged: CodebookMerge) {
  const ids = new Map<string, string>();
  for (const c of merged.added) {
    const parentId = c.parentKey === null ? c.parentId : ids.get(c.parentKey)!;
    ids.set(
      c.key,
      repos.codes.insert(projectId, {
        name: c.name,
        parentId,
        color: c.color,
        description: c.description,
        keywords: c.keywords,
        position: c.position,
      }),
    );
  }
}
