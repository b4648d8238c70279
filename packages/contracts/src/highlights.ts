import Type from 'typebox';
import { IdSchema, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';

const Offset = Type.Integer({
  minimum: 0,
  description: 'UTF-16 code units from the start of the text',
});
const Memo = Type.String({ maxLength: 20_000 });
const CodeIds = Type.Array(IdSchema, { minItems: 1, maxItems: 100, uniqueItems: true });

export const HighlightSchema = Type.Object({
  id: IdSchema,
  documentId: IdSchema,
  coderId: IdSchema,
  coderName: Type.String(),
  start: Offset,
  end: Offset,
  quote: Type.String(),
  prefix: Type.String(),
  suffix: Type.String(),
  codeIds: Type.Array(IdSchema),
  memo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Highlight = Type.Static<typeof HighlightSchema>;

export const HighlightParams = Type.Object({ highlightId: IdSchema });

/** Here rather than in documents.ts, which imports this file: a highlight is made on a document. */
export const DocumentParams = Type.Object({ documentId: IdSchema });

export const CreateHighlightBody = Type.Object(
  {
    start: Offset,
    end: Offset,
    quote: Type.String({
      minLength: 1,
      description: 'the exact text of [start, end); checked by the server',
    }),
    codeIds: CodeIds,
    memo: Type.Optional(Type.Union([Memo, Type.Null()])),
    consensus: Type.Optional(
      Type.Boolean({
        description: 'owners and supervisors: code into the consensus coding instead of their own',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Codes a span. If the coder (or, with consensus, the consensus) already has a highlight of exactly this start and end, the codes are added to it and the memo fills it only when it has none: the answer is 200 with that highlight. Otherwise 201 with a new one.',
  },
);
export type CreateHighlightBody = Type.Static<typeof CreateHighlightBody>;

export const UpdateHighlightBody = Type.Object(
  {
    start: Type.Optional(Offset),
    end: Type.Optional(Offset),
    quote: Type.Optional(
      Type.String({ minLength: 1, description: 'required when start or end change' }),
    ),
    codeIds: Type.Optional(CodeIds),
    memo: Type.Optional(Type.Union([Memo, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateHighlightBody = Type.Static<typeof UpdateHighlightBody>;

export const highlightEndpoints = defineEndpoints({
  createHighlight: {
    method: 'POST',
    path: '/documents/:documentId/highlights',
    requires: 'code',
    tags: ['highlights'],
    params: DocumentParams,
    body: CreateHighlightBody,
    // 200: added to the caller's own highlight of this exact span; 201: a new highlight.
    ok: { 200: HighlightSchema, 201: HighlightSchema },
    errors: [400, 401, 403, 404, 409],
  },
  updateHighlight: {
    method: 'PATCH',
    path: '/highlights/:highlightId',
    requires: 'editOthersHighlights',
    tags: ['highlights'],
    params: HighlightParams,
    body: UpdateHighlightBody,
    ok: { 200: HighlightSchema },
    errors: [400, 401, 403, 404],
  },
  deleteHighlight: {
    method: 'DELETE',
    path: '/highlights/:highlightId',
    requires: 'editOthersHighlights',
    tags: ['highlights'],
    params: HighlightParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
});
