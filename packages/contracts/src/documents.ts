import Type from 'typebox';
import { IdSchema } from './common';
import { CodersParam } from './analysis';
import { HighlightSchema } from './highlights';
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

export const DocumentParams = Type.Object({ documentId: IdSchema });

export const DocumentQuery = Type.Object(
  { coders: Type.Optional(CodersParam) },
  { additionalProperties: false },
);
export type DocumentQuery = Type.Static<typeof DocumentQuery>;
