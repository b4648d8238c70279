import Type from 'typebox';
import { AnalysisFilterQuery } from './analysis';
import { DownloadTokenQuery } from './exports';
import { IdSchema } from './common';

/*
 * REFI-QDA exchange (issue 9, docs/decisions/013): a whole project as .qdpx and the codebook as
 * .qdc, out and in. Positions in the files are Unicode code points of LF text; Kodbok converts
 * them from and to its UTF-16 offsets at this edge.
 */

export const RefiImportQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Enum(['preview', 'commit'], {
        default: 'preview',
        description: 'preview: nothing stored; commit: everything in one transaction, or nothing',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RefiImportQuery = Type.Static<typeof RefiImportQuery>;

/** A new project from a file: committing is the default, as DESIGN.md shows (→ 201 {id}). */
export const QdpxImportQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Enum(['preview', 'commit'], {
        default: 'commit',
        description: 'preview: nothing stored; commit (default): a new project, or nothing',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RefiNoticeSchema = Type.Object({
  what: Type.String(),
  why: Type.String(),
});
export type RefiNotice = Type.Static<typeof RefiNoticeSchema>;

const Count = Type.Integer({ minimum: 0 });

export const QdpxPreviewSchema = Type.Object({
  name: Type.String({ description: 'the new project’s name (the file’s project name)' }),
  origin: Type.String({ description: 'the tool that wrote the file, as it says' }),
  holds: Type.Object(
    { sources: Count, cases: Count, codes: Count, selections: Count, users: Count, notes: Count },
    { description: 'what the file holds, as written' },
  ),
  creates: Type.Object(
    {
      studies: Count,
      documents: Count,
      codes: Count,
      highlights: Count,
      memos: Type.Integer({
        minimum: 0,
        description:
          'memos on the project, studies, documents and codes (highlight memos go with their highlights)',
      }),
    },
    { description: 'what the import creates' },
  ),
  coders: Type.Array(
    Type.Object({
      name: Type.String(),
      highlights: Count,
      memos: Type.Integer({
        minimum: 0,
        description: 'their memos on the project, studies, documents and codes',
      }),
      becomes: Type.Enum(['you', 'consensus', 'new coder'], {
        description:
          'who holds their coding and memos. you: the file’s user is you (a Kodbok export of yours); consensus: the agreed coding; new coder: an account without a password, which cannot sign in',
      }),
    }),
  ),
  positions: Type.String({ description: 'how the selection positions were read' }),
  skipped: Type.Array(RefiNoticeSchema, {
    description: 'what Kodbok cannot hold, left out, and why',
  }),
  adjusted: Type.Array(RefiNoticeSchema, {
    description: 'deviations from the standard that were tolerated, and how',
  }),
});
export type QdpxPreview = Type.Static<typeof QdpxPreviewSchema>;

export const QdpxImportResultSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  studies: Count,
  codes: Count,
  highlights: Count,
  memos: Type.Integer({
    minimum: 0,
    description: 'memos on the project, studies, documents and codes',
  }),
});
export type QdpxImportResult = Type.Static<typeof QdpxImportResultSchema>;

export const CodebookImportPreviewSchema = Type.Object({
  format: Type.Enum(['qdc', 'qdpx', 'csv', 'json']),
  codes: Type.Integer({ minimum: 0, description: 'codes in the file' }),
  matched: Type.Array(Type.Object({ path: Type.String(), codeId: IdSchema }), {
    description: 'codes already in the project (same name under the same parent), left as they are',
  }),
  added: Type.Array(
    Type.Object({
      path: Type.String({ description: '"Theme › Code": where the new code goes' }),
      name: Type.String(),
      color: Type.String(),
      description: Type.String(),
    }),
    { description: 'new codes, parents before children' },
  ),
  notices: Type.Array(RefiNoticeSchema),
});
export type CodebookImportPreview = Type.Static<typeof CodebookImportPreviewSchema>;

export const CodebookImportResultSchema = Type.Object({
  created: Count,
  matched: Count,
});
export type CodebookImportResult = Type.Static<typeof CodebookImportResultSchema>;

/** The REFI-QDA files a project exports (GET /api/projects/:projectId/exports/<file>). */
export const REFI_EXPORT_FILES = ['project.qdpx', 'codebook.qdc'] as const;
export type RefiExportFile = (typeof REFI_EXPORT_FILES)[number];

export const RefiExportQuery = Type.Object(
  { ...AnalysisFilterQuery.properties, ...DownloadTokenQuery.properties },
  {
    additionalProperties: false,
    description:
      'the analysis filters: whose coding (without coders: everything you may read, the consensus too), which studies, which codes',
  },
);
export type RefiExportQuery = Type.Static<typeof RefiExportQuery>;

export const QDPX_MEDIA_TYPE = 'application/zip';
export const QDC_MEDIA_TYPE = 'application/xml; charset=utf-8';
