import Type from 'typebox';
import { AnalysisFilterQuery } from './analysis';
import { DownloadTokenQuery } from './exports';
import { IdSchema } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

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

const POSITIONS =
  'Selection positions are Unicode code points of the text with LF line breaks and no BOM (Kodbok converts its UTF-16 offsets).';
const IMPORT = `Multipart form data: one \`file\` part. mode=preview stores nothing; mode=commit stores everything or nothing, and nobody sees part of it. A file that is not what it claims (not a zip, a zip bomb, a path leaving the archive, a DOCTYPE, the wrong namespace, a selection outside its text, a missing required attribute) is refused with 400 (413 for a zip bomb) naming the problem.`;

/**
 * REFI-QDA exchange (docs/decisions/013): a project as .qdpx and a codebook as .qdc, out and in.
 * The downloads are sent as QDPX_MEDIA_TYPE and QDC_MEDIA_TYPE.
 */
export const refiEndpoints = defineEndpoints({
  exportProjectQdpx: {
    method: 'GET',
    path: '/projects/:projectId/exports/project.qdpx',
    requires: 'read',
    tags: ['exports'],
    description: `The project as a REFI-QDA .qdpx (project.qde and sources/). ${POSITIONS}`,
    params: ProjectParams,
    query: RefiExportQuery,
    ok: { 200: 'file' },
    produces: [QDPX_MEDIA_TYPE],
    errors: [400, 401, 403, 404],
  },
  exportCodebookQdc: {
    method: 'GET',
    path: '/projects/:projectId/exports/codebook.qdc',
    requires: 'read',
    tags: ['exports'],
    description: 'The codebook as a REFI-QDA .qdc (the codes filter keeps some codes).',
    params: ProjectParams,
    query: RefiExportQuery,
    ok: { 200: 'file' },
    produces: [QDC_MEDIA_TYPE],
    errors: [400, 401, 403, 404],
  },
  importProjectQdpx: {
    method: 'POST',
    path: '/projects/from-qdpx',
    requires: 'signedIn',
    tags: ['projects'],
    description: `A new project, owned by the caller, from a REFI-QDA .qdpx (or a bare .qde). ${IMPORT} ${POSITIONS}`,
    query: QdpxImportQuery,
    multipart: true,
    ok: { 200: QdpxPreviewSchema, 201: QdpxImportResultSchema },
    errors: [400, 401, 413, 415],
  },
  importCodebook: {
    method: 'POST',
    path: '/projects/:projectId/codes/import',
    requires: 'editCodebook',
    tags: ['codebook'],
    description: `Adds a codebook file's codes (REFI-QDA .qdc or .qdpx, Kodbok's codebook.csv or .json, or a CSV/JSON with name, parent, description, color, keywords): a code with the name of one under the same parent is that code, the rest are added. ${IMPORT}`,
    params: ProjectParams,
    query: RefiImportQuery,
    multipart: true,
    ok: { 200: CodebookImportPreviewSchema, 201: CodebookImportResultSchema },
    errors: [400, 401, 403, 404, 413, 415],
  },
});
