import Type from 'typebox';
import { IdSchema, Timestamp } from './common';

/**
 * What the activity log records: changes to the project's structure and team, not coding (one
 * entry per highlight would drown the rest). `subject` names what changed as it was named then.
 */
export const ACTIVITY_ACTIONS = [
  'project.created',
  'project.updated',
  'code.created',
  'code.updated',
  'code.deleted',
  'code.merged',
  'code.restored',
  'codebook.imported',
  'study.created',
  'study.updated',
  'study.deleted',
  'studies.deleted',
  'studies.imported',
  'member.updated',
  'member.removed',
  'invitation.sent',
  'invitation.withdrawn',
  'invitation.accepted',
  'invitation.declined',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

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
