import Type from 'typebox';
import { AnalysisFilterQuery } from './analysis';
import { IdSchema } from './common';
import { defineEndpoints } from './endpoint';
import { EXPORT_FORMATS } from './export-formats';

/*
 * Exports (issue 9): GET /api/projects/:projectId/exports/<what>.<format>. Each takes the
 * analysis filters, so what is exported is what the Analysis page shows; the answer is a file
 * (Content-Disposition names the project and the day), streamed where it can be large.
 */

const formatDoc = (formats: readonly string[]) => ({
  description: `the file format: ${formats.join(', ')}`,
});
export const ExcerptsExportParams = Type.Object({
  projectId: IdSchema,
  format: Type.Enum(EXPORT_FORMATS.excerpts, formatDoc(EXPORT_FORMATS.excerpts)),
});
export const MatrixExportParams = Type.Object({
  projectId: IdSchema,
  format: Type.Enum(EXPORT_FORMATS.matrix, formatDoc(EXPORT_FORMATS.matrix)),
});
export const PresenceExportParams = Type.Object({
  projectId: IdSchema,
  format: Type.Enum(EXPORT_FORMATS.presence, formatDoc(EXPORT_FORMATS.presence)),
});
export const CodebookExportParams = Type.Object({
  projectId: IdSchema,
  format: Type.Enum(EXPORT_FORMATS.codebook, formatDoc(EXPORT_FORMATS.codebook)),
});
export const MemosExportParams = Type.Object({
  projectId: IdSchema,
  format: Type.Enum(EXPORT_FORMATS.memos, formatDoc(EXPORT_FORMATS.memos)),
});

const downloadToken = {
  downloadToken: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      description:
        'for a web page that starts the download with a link: the response sets the cookie kodbok_download=<token>, so the page can tell when the file begins to arrive',
    }),
  ),
};
/** The downloadToken parameter every export takes (exports and REFI-QDA files). */
export const DownloadTokenQuery = Type.Object(downloadToken);
const filters = { ...AnalysisFilterQuery.properties, ...downloadToken };

export const ExcerptsExportQuery = Type.Object(
  {
    ...filters,
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'words to find in quotes and memos',
      }),
    ),
    codeMatch: Type.Optional(
      Type.Enum(['any', 'all'], {
        description: 'any (default): excerpts with one of the codes; all: with every one of them',
      }),
    ),
    sheets: Type.Optional(
      Type.Enum(['one', 'theme'], {
        description: 'xlsx only: one sheet (default), or one sheet per theme',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExcerptsExportQuery = Type.Static<typeof ExcerptsExportQuery>;

export const MatrixExportQuery = Type.Object(
  {
    ...filters,
    cells: Type.Optional(
      Type.Enum(['counts', 'ticks'], {
        description:
          'counts (default): rolled-up highlights per cell; ticks: ✓ where a code occurs',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MatrixExportQuery = Type.Static<typeof MatrixExportQuery>;

export const PresenceExportQuery = Type.Object(filters, { additionalProperties: false });
export type PresenceExportQuery = Type.Static<typeof PresenceExportQuery>;

export const CodebookExportQuery = Type.Object(
  {
    ...filters,
    examples: Type.Integer({
      minimum: 0,
      maximum: 3,
      default: 1,
      description:
        'docx only: example excerpts per code, from the coding the filters select (0 for none)',
    }),
  },
  { additionalProperties: false },
);
export type CodebookExportQuery = Type.Static<typeof CodebookExportQuery>;

export const MemosExportQuery = Type.Object(filters, { additionalProperties: false });
export type MemosExportQuery = Type.Static<typeof MemosExportQuery>;

const TextualBody = Type.Object({
  type: Type.Literal('TextualBody'),
  id: Type.Optional(Type.String({ description: 'urn:kodbok:code:<id> for a code' })),
  purpose: Type.Enum(['tagging', 'commenting']),
  value: Type.String(),
  format: Type.Literal('text/plain'),
});

/** One coded excerpt as a W3C Web Annotation (excerpts.json). */
export const WebAnnotationSchema = Type.Object({
  id: Type.String({ pattern: '^urn:kodbok:highlight:' }),
  type: Type.Literal('Annotation'),
  motivation: Type.Literal('tagging'),
  created: Type.String(),
  creator: Type.Object({
    id: Type.String({ pattern: '^urn:kodbok:user:' }),
    type: Type.Enum(['Person', 'Organization']),
    name: Type.String(),
  }),
  body: Type.Array(TextualBody, {
    description: 'one tagging body per code ("Theme › Code"); a commenting body for the memo',
  }),
  target: Type.Object({
    source: Type.String({ pattern: '^urn:kodbok:document:' }),
    selector: Type.Tuple([
      Type.Object({
        type: Type.Literal('TextQuoteSelector'),
        exact: Type.String(),
        prefix: Type.String(),
        suffix: Type.String(),
      }),
      Type.Object(
        {
          type: Type.Literal('TextPositionSelector'),
          start: Type.Integer({ minimum: 0 }),
          end: Type.Integer({ minimum: 0 }),
        },
        { description: 'in Unicode code points, as the annotation vocabulary counts characters' },
      ),
    ]),
  }),
});
export type WebAnnotation = Type.Static<typeof WebAnnotationSchema>;

/** excerpts.json: every annotation on the first (and only) page of one collection. */
export const WebAnnotationCollectionSchema = Type.Object({
  '@context': Type.Literal('http://www.w3.org/ns/anno.jsonld'),
  id: Type.String(),
  type: Type.Literal('AnnotationCollection'),
  label: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  first: Type.Object({
    type: Type.Literal('AnnotationPage'),
    startIndex: Type.Literal(0),
    items: Type.Array(WebAnnotationSchema),
  }),
});

/** The exports: each a file, named for the project and the day. */
export const exportEndpoints = defineEndpoints({
  exportExcerpts: {
    method: 'GET',
    path: '/projects/:projectId/exports/excerpts.:format',
    requires: 'read',
    tags: ['exports'],
    params: ExcerptsExportParams,
    query: ExcerptsExportQuery,
    ok: { 200: 'file' },
    errors: [400, 401, 403, 404],
  },
  exportMatrix: {
    method: 'GET',
    path: '/projects/:projectId/exports/matrix.:format',
    requires: 'read',
    tags: ['exports'],
    params: MatrixExportParams,
    query: MatrixExportQuery,
    ok: { 200: 'file' },
    errors: [400, 401, 403, 404],
  },
  exportPresence: {
    method: 'GET',
    path: '/projects/:projectId/exports/presence.:format',
    requires: 'read',
    tags: ['exports'],
    params: PresenceExportParams,
    query: PresenceExportQuery,
    ok: { 200: 'file' },
    errors: [400, 401, 403, 404],
  },
  exportCodebook: {
    method: 'GET',
    path: '/projects/:projectId/exports/codebook.:format',
    requires: 'read',
    tags: ['exports'],
    params: CodebookExportParams,
    query: CodebookExportQuery,
    ok: { 200: 'file' },
    errors: [400, 401, 403, 404],
  },
  exportMemos: {
    method: 'GET',
    path: '/projects/:projectId/exports/memos.:format',
    requires: 'read',
    tags: ['exports'],
    params: MemosExportParams,
    query: MemosExportQuery,
    ok: { 200: 'file' },
    errors: [400, 401, 403, 404],
  },
});
