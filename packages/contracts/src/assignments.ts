import Type from 'typebox';
import { IdSchema, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

/** Studies given to coders to code, and how far each coder has got. */
export const AssignmentSchema = Type.Object({
  studyId: IdSchema,
  userId: IdSchema,
  assignedAt: Timestamp,
  doneAt: Type.Union([Timestamp, Type.Null()], { description: 'when the coder marked it done' }),
  highlights: Type.Integer({ description: "the coder's highlights in the study" }),
});
export type Assignment = Type.Static<typeof AssignmentSchema>;

export const AssignmentsSchema = Type.Object({
  assignments: Type.Array(AssignmentSchema, {
    description: "coders see their own; owners and supervisors everyone's",
  }),
  coders: Type.Array(
    Type.Object({
      userId: IdSchema,
      name: Type.String(),
      assigned: Type.Integer(),
      done: Type.Integer(),
      started: Type.Integer({ description: 'assigned studies with at least one highlight' }),
    }),
  ),
});
export type Assignments = Type.Static<typeof AssignmentsSchema>;

export const AssignBody = Type.Object(
  {
    studyIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20_000, uniqueItems: true }),
    userIds: Type.Array(IdSchema, { minItems: 1, maxItems: 100, uniqueItems: true }),
    codersPerStudy: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description:
          'how many of userIds code each study, rotating so the load is even (default: all of them)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AssignBody = Type.Static<typeof AssignBody>;
export const AssignResultSchema = Type.Object({
  created: Type.Integer(),
  existing: Type.Integer({ description: 'already assigned, left as they were' }),
});

export const AssignmentParams = Type.Object({ studyId: IdSchema, userId: IdSchema });
export const AssignmentDoneBody = Type.Object(
  { done: Type.Boolean({ description: 'false reopens it' }) },
  { additionalProperties: false },
);

export const assignmentEndpoints = defineEndpoints({
  listAssignments: {
    method: 'GET',
    path: '/projects/:projectId/assignments',
    requires: 'read',
    tags: ['assignments'],
    params: ProjectParams,
    ok: { 200: AssignmentsSchema },
    errors: [401, 404],
  },
  createAssignments: {
    method: 'POST',
    path: '/projects/:projectId/assignments',
    requires: 'superviseCoding',
    tags: ['assignments'],
    params: ProjectParams,
    body: AssignBody,
    ok: { 201: AssignResultSchema },
    errors: [400, 401, 403, 404],
  },
  deleteAssignment: {
    method: 'DELETE',
    path: '/studies/:studyId/assignments/:userId',
    requires: 'superviseCoding',
    tags: ['assignments'],
    params: AssignmentParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
  setAssignmentDone: {
    method: 'PUT',
    path: '/studies/:studyId/assignments/:userId/done',
    requires: 'superviseCoding',
    tags: ['assignments'],
    params: AssignmentParams,
    body: AssignmentDoneBody,
    ok: { 200: AssignmentSchema },
    errors: [400, 401, 403, 404],
  },
});
