import Type from 'typebox';
import { IdSchema } from './common';
import { CodersParam } from './analysis';
import { defineEndpoints } from './endpoint';
import { DocumentParams, HighlightSchema } from './highlights';
import { DocumentKindSchema } from './studies';

export const DocumentSchema = Type.Object({
  id: IdSchema,
  studyId: IdSchema,
  projectId: IdSchema,
  kind: DocumentKindSchema,
  text: Type.String(),
  length: Type.Integer(),
  highlights: Type.Array(HighlightSchema),
});
export type Document = Type.Static<typeof DocumentSchema>;

export { DocumentParams };

export const DocumentQuery = Type.Object(
  { coders: Type.Optional(CodersParam) },
  { additionalProperties: false },
);
export type DocumentQuery = Type.Static<typeof DocumentQuery>;

export const documentEndpoints = defineEndpoints({
  getDocument: {
    method: 'GET',
    path: '/documents/:documentId',
    requires: 'read',
    tags: ['documents'],
    params: DocumentParams,
    query: DocumentQuery,
    ok: { 200: DocumentSchema },
    errors: [400, 401, 403, 404],
  },
});
