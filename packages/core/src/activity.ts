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
