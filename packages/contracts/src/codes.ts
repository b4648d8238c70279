import Type from 'typebox';
import { CodersParam } from './analysis';
import { CodeExamplesQuery, CodeExamplesSchema } from './codebook';
import { IdSchema, nameSchema } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

const Color = Type.String({
  pattern: '^#[0-9A-Fa-f]{6}$',
  description: 'hex colour such as #4E79A7',
});
const CodeName = nameSchema(200);
const Keywords = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 });
const Description = Type.String({ maxLength: 10_000 });

export const CodeSchema = Type.Object({
  id: IdSchema,
  projectId: IdSchema,
  parentId: Type.Union([IdSchema, Type.Null()]),
  name: Type.String(),
  color: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  position: Type.Integer(),
  highlightCount: Type.Integer({
    description: 'highlights carrying this code itself (not its children), of the coders asked for',
  }),
});
export type Code = Type.Static<typeof CodeSchema>;

export const CodeParams = Type.Object({ codeId: IdSchema });

export const CodeListQuery = Type.Object(
  { coders: Type.Optional(CodersParam) },
  { additionalProperties: false },
);
export type CodeListQuery = Type.Static<typeof CodeListQuery>;

export const CreateCodeBody = Type.Object(
  {
    name: CodeName,
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    color: Type.Optional(Color),
    description: Type.Optional(Description),
    keywords: Type.Optional(Keywords),
  },
  { additionalProperties: false },
);
export type CreateCodeBody = Type.Static<typeof CreateCodeBody>;

export const UpdateCodeBody = Type.Object(
  {
    name: Type.Optional(CodeName),
    parentId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
    color: Type.Optional(Color),
    description: Type.Optional(Description),
    keywords: Type.Optional(Keywords),
    position: Type.Optional(Type.Integer({ minimum: 0, description: 'index among its siblings' })),
  },
  { additionalProperties: false },
);
export type UpdateCodeBody = Type.Static<typeof UpdateCodeBody>;

export const DeleteCodeQuery = Type.Object({
  highlights: Type.Optional(
    Type.Union([Type.Literal('delete'), Type.Literal('move')], {
      description: 'what to do with the highlights of a code in use: required when it has any',
    }),
  ),
  moveTo: Type.Optional(IdSchema),
});
export type DeleteCodeQuery = Type.Static<typeof DeleteCodeQuery>;

export const MergeCodeBody = Type.Object({ intoCodeId: IdSchema }, { additionalProperties: false });
export type MergeCodeBody = Type.Static<typeof MergeCodeBody>;

/** A code's deletion or merge can be undone by its author: POST /api/codebook-undo/:undoId. */
export const CodebookUndoRefSchema = Type.Object({
  undoId: Type.String({ description: 'undoes this change: POST /api/codebook-undo/:undoId' }),
});
export type CodebookUndoRef = Type.Static<typeof CodebookUndoRefSchema>;

/** The code merged into, and how to undo the merge. */
export const MergeCodeResultSchema = Type.Object({
  ...CodeSchema.properties,
  ...CodebookUndoRefSchema.properties,
});

export const CodebookUndoParams = Type.Object({ undoId: IdSchema });

export const codeEndpoints = defineEndpoints({
  listCodes: {
    method: 'GET',
    path: '/projects/:projectId/codes',
    requires: 'read',
    tags: ['codebook'],
    params: ProjectParams,
    query: CodeListQuery,
    ok: { 200: Type.Array(CodeSchema) },
    errors: [400, 401, 403, 404],
  },
  createCode: {
    method: 'POST',
    path: '/projects/:projectId/codes',
    requires: 'editCodebook',
    tags: ['codebook'],
    params: ProjectParams,
    body: CreateCodeBody,
    ok: { 201: CodeSchema },
    errors: [400, 401, 403, 404, 409],
  },
  updateCode: {
    method: 'PATCH',
    path: '/codes/:codeId',
    requires: 'editCodebook',
    tags: ['codebook'],
    params: CodeParams,
    body: UpdateCodeBody,
    ok: { 200: CodeSchema },
    errors: [400, 401, 403, 404, 409],
  },
  deleteCode: {
    method: 'DELETE',
    path: '/codes/:codeId',
    requires: 'editCodebook',
    tags: ['codebook'],
    params: CodeParams,
    query: DeleteCodeQuery,
    ok: { 200: CodebookUndoRefSchema },
    errors: [400, 401, 403, 404, 409],
  },
  mergeCode: {
    method: 'POST',
    path: '/codes/:codeId/merge',
    requires: 'editCodebook',
    tags: ['codebook'],
    params: CodeParams,
    body: MergeCodeBody,
    ok: { 200: MergeCodeResultSchema },
    errors: [400, 401, 403, 404, 409],
  },
  getCodeExamples: {
    method: 'GET',
    path: '/projects/:projectId/codes/examples',
    requires: 'read',
    tags: ['codebook'],
    summary: "A few quotes of each code, for the codebook's page",
    params: ProjectParams,
    query: CodeExamplesQuery,
    ok: { 200: CodeExamplesSchema },
    errors: [400, 401, 403, 404],
  },
  undoCodebookChange: {
    method: 'POST',
    path: '/codebook-undo/:undoId',
    requires: 'editCodebook',
    tags: ['codebook'],
    summary: "Undoes the caller's own deletion or merge of a code",
    params: CodebookUndoParams,
    ok: { 200: CodeSchema },
    errors: [401, 403, 404, 409],
  },
});
