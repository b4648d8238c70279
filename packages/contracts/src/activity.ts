import Type from 'typebox';
import { ACTIVITY_ACTIONS, type ActivityAction } from '@kodbok/core';
import { IdSchema, Timestamp } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

// The actions are domain vocabulary (core), shared with the database's column type.
export { ACTIVITY_ACTIONS, type ActivityAction };

export const ActivitySchema = Type.Object({
  id: IdSchema,
  action: Type.Enum(ACTIVITY_ACTIONS),
  actorName: Type.Union([Type.String(), Type.Null()], {
    description: 'who did it; null for a change made without a signed-in user',
  }),
  subject: Type.String({ description: 'the code, study, e-mail… as named at the time' }),
  detail: Type.Union([Type.String(), Type.Null()], {
    description: 'what changed, in words: "renamed from …", "role coder", "12 created"',
  }),
  createdAt: Timestamp,
});
export type Activity = Type.Static<typeof ActivitySchema>;

export const ActivityQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export type ActivityQuery = Type.Static<typeof ActivityQuery>;

/** A page of the log, newest first. */
export const ActivityPageSchema = Type.Object({
  items: Type.Array(ActivitySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});
export type ActivityPage = Type.Static<typeof ActivityPageSchema>;

export const activityEndpoints = defineEndpoints({
  getActivity: {
    method: 'GET',
    path: '/projects/:projectId/activity',
    requires: 'viewActivity',
    tags: ['activity'],
    description: 'Owners only: who created, changed or deleted what, newest first.',
    params: ProjectParams,
    query: ActivityQuery,
    ok: { 200: ActivityPageSchema },
    errors: [400, 401, 403, 404],
  },
});
