import { exportFileName, writeCodebook, type ExportFileName } from '@kodbok/core';
import type { Repositories } from '@kodbok/db';
import type {
  CodebookImportPreview,
  CodebookImportResult,
  QdpxImportResult,
  QdpxPreview,
  RefiExportQuery,
} from '@kodbok/contracts';
import { BadRequestError, NotFoundError } from '../errors';
import { authorize } from './access';
import type { ReadUpload } from './import.service';
import { rowsFor, scopeOf } from './analysis-filter';
import { readableCoders } from './coders';
import type { WorkerRunner } from './import-runner';
import type { ExportCoders } from './refi-export-run';
import type { RefiJob, RefiResult } from './refi-run';
import type { CurrentUser, Upload } from './types';

export type RefiRunner = WorkerRunner<RefiJob, RefiResult>;

/** The `origin` Kodbok writes into its REFI-QDA files (the importer knows its own positions). */
export const ORIGIN = 'Kodbok 0.1';

/** A file to download: its name and its bytes or text. */
export interface RefiFile {
  name: ExportFileName;
  body: Uint8Array | string;
}

/**
 * REFI-QDA exchange (issue 9, docs/decisions/013). The caller is authorised and the filters
 * are resolved here; reading, writing and parsing run in a worker (refi-worker.ts).
 */
export function createRefiService(
  repos: Repositories,
  run: RefiRunner,
  clock: () => Date = () => new Date(),
) {
  function project(user: CurrentUser, projectId: string) {
    const p = repos.projects.findForUser(projectId, user.id);
    if (!p) throw new NotFoundError('Project');
    return p;
  }
  function oneFile(upload: Upload) {
    if (upload.files.length !== 1) {
      throw new BadRequestError(`Send one file in the field "file" (got ${upload.files.length})`);
    }
    return { files: upload.files };
  }
  /** The filters as an export applies them; without `coders`, everything the caller may read. */
  function filters(user: CurrentUser, projectId: string, query: RefiExportQuery) {
    const membership = repos.projects.membership(projectId, user.id)!;
    const codes = repos.codes.tree(projectId);
    const { scope, codeIds } = scopeOf(repos, user, projectId, query, codes);
    const readable = readableCoders(membership, user.id);
    let coders: ExportCoders;
    if (query.coders === undefined) coders = readable ?? 'everyone';
    else coders = scope.coderIds ?? 'all-but-consensus';
    const keep = codeIds ? rowsFor(codes, codeIds).map((c) => c.id) : null;
    // Memos as the memos export reads them (export.service.ts): the memo rule, then the coders chosen.
    const chosen = query.coders === undefined ? null : scope.coderIds;
    return { scope, coders, keep, memoAuthors: { readable, chosen } };
  }

  return {
    async exportProject(
      user: CurrentUser,
      projectId: string,
      query: RefiExportQuery,
    ): Promise<RefiFile> {
      authorize(repos, user, projectId, 'read');
      const { name } = project(user, projectId);
      const date = clock();
      const bytes = (await run(
        {
          kind: 'export-project',
          projectId,
          projectName: name,
          exporter: { id: user.id, name: user.name },
          ...filters(user, projectId, query),
          date: date.toISOString(),
          origin: ORIGIN,
        },
        { userId: user.id },
      )) as Uint8Array;
      return { name: exportFileName(name, 'project', 'qdpx', date), body: bytes };
    },

    exportCodebook(user: CurrentUser, projectId: string, query: RefiExportQuery): RefiFile {
      authorize(repos, user, projectId, 'read');
      const { name } = project(user, projectId);
      const { keep } = filters(user, projectId, query);
      const kept = keep ? new Set(keep) : null;
      const codes = repos.codes.list(projectId).filter((c) => !kept || kept.has(c.id));
      if (codes.length === 0) {
        throw new BadRequestError('There are no codes to export: a .qdc needs at least one code');
      }
      // A kept code whose parent is not kept moves to the top level of the file.
      const shown = codes.map((c) =>
        c.parentId && kept && !kept.has(c.parentId) ? { ...c, parentId: null } : c,
      );
      return {
        name: exportFileName(name, 'codebook', 'qdc', clock()),
        body: writeCodebook(shown, ORIGIN),
      };
    },

    async previewProject(user: CurrentUser, read: ReadUpload): Promise<QdpxPreview> {
      const upload = await read();
      return (await run(
        {
          kind: 'import-project',
          mode: 'preview',
          userId: user.id,
          upload: oneFile(upload),
        },
        { userId: user.id },
      )) as QdpxPreview;
    },

    async importProject(user: CurrentUser, read: ReadUpload): Promise<QdpxImportResult> {
      const upload = await read();
      return (await run(
        {
          kind: 'import-project',
          mode: 'commit',
          userId: user.id,
          upload: oneFile(upload),
        },
        { userId: user.id },
      )) as QdpxImportResult;
    },

    async previewCodebook(
      user: CurrentUser,
      projectId: string,
      read: ReadUpload,
    ): Promise<CodebookImportPreview> {
      authorize(repos, user, projectId, 'editCodebook');
      const upload = await read();
      return (await run(
        {
          kind: 'import-codebook',
          mode: 'preview',
          projectId,
          userId: user.id,
          upload: oneFile(upload),
        },
        { userId: user.id },
      )) as CodebookImportPreview;
    },

    async importCodebook(
      user: CurrentUser,
      projectId: string,
      read: ReadUpload,
    ): Promise<CodebookImportResult> {
      authorize(repos, user, projectId, 'editCodebook');
      const upload = await read();
      return (await run(
        {
          kind: 'import-codebook',
          mode: 'commit',
          projectId,
          userId: user.id,
          upload: oneFile(upload),
        },
        { userId: user.id },
      )) as CodebookImportResult;
    },
  };
}
