import Type from 'typebox';
import { IdSchema, Timestamp } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

/**
 * Memos on the project, a study, a document or a code: each member writes their own, saved as
 * they type (highlight memos live on the highlight). With independent coding, a coder reads their
 * own memos and those of owners and supervisors, never another coder's.
 */
/** As long as a highlight's memo may be. */
const MemoText = Type.String({ maxLength: 20_000 });

export const MEMO_TARGETS = ['project', 'study', 'document', 'code'] as const;
export type MemoTargetKind = (typeof MEMO_TARGETS)[number];
const Kind = Type.Union([
  Type.Literal('project'),
  Type.Literal('study'),
  Type.Literal('document'),
  Type.Literal('code'),
]);

export const MemoTargetQuery = Type.Object(
  {
    on: Type.Optional({ ...Kind, description: 'what the memos are about; none: every memo' }),
    id: Type.Optional({
      ...IdSchema,
      description: 'the study, document or code (not for project)',
    }),
  },
  { additionalProperties: false },
);
export type MemoTargetQuery = Type.Static<typeof MemoTargetQuery>;

export const MemoSchema = Type.Object({
  id: IdSchema,
  on: Kind,
  targetId: Type.Union([IdSchema, Type.Null()], { description: 'null for the project memo' }),
  targetLabel: Type.String({
    description: 'the study\'s title, "<kind> of <study title>" or the code\'s name',
  }),
  studyId: Type.Union([IdSchema, Type.Null()], {
    description: 'the study a study or document memo is about',
  }),
  userId: IdSchema,
  userName: Type.String(),
  text: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type MemoView = Type.Static<typeof MemoSchema>;

export const MemoListSchema = Type.Object({
  memos: Type.Array(MemoSchema, { description: "the caller's own first, then others' by name" }),
});
export type MemoList = Type.Static<typeof MemoListSchema>;

export const PutMemoBody = Type.Object(
  {
    on: Kind,
    id: MemoTargetQuery.properties.id,
    text: Type.Union([MemoText, Type.Null()], {
      description: "the caller's memo; null or blank deletes it",
    }),
  },
  { additionalProperties: false },
);
export type PutMemoBody = Type.Static<typeof PutMemoBody>;

export const PutMemoResult = Type.Object({
  memo: Type.Union([MemoSchema, Type.Null()], { description: 'null: deleted' }),
});

export const memoEndpoints = defineEndpoints({
  listMemos: {
    method: 'GET',
    path: '/projects/:projectId/memos',
    requires: 'read',
    tags: ['memos'],
    summary: 'The memos on the project, a study, a document or a code',
    params: ProjectParams,
    query: MemoTargetQuery,
    ok: { 200: MemoListSchema },
    errors: [400, 401, 404],
  },
  putMemo: {
    method: 'PUT',
    path: '/projects/:projectId/memos',
    requires: 'code',
    tags: ['memos'],
    summary: "Writes the caller's own memo on a target (blank deletes it)",
    params: ProjectParams,
    body: PutMemoBody,
    ok: { 200: PutMemoResult },
    errors: [400, 401, 403, 404],
  },
});
