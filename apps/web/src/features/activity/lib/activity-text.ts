import type { Activity, ActivityAction } from '@kodbok/contracts';

/** What each action did, as a verb phrase before its subject: "renamed" reads from the detail. */
const VERBS: Record<ActivityAction, string> = {
  'project.created': 'created the project',
  'project.updated': 'changed the project',
  'code.created': 'created the code',
  'code.updated': 'changed the code',
  'code.deleted': 'deleted the code',
  'code.merged': 'merged the code',
  'code.restored': 'restored the code',
  'codebook.imported': 'imported codes from',
  'study.created': 'added the study',
  'study.updated': 'edited the study',
  'study.deleted': 'deleted the study',
  'studies.deleted': 'deleted',
  'studies.imported': 'imported studies from',
  'member.updated': 'changed the role of',
  'member.removed': 'removed',
  'invitation.sent': 'invited',
  'invitation.withdrawn': 'withdrew the invitation to',
  'invitation.accepted': 'accepted the invitation to',
  'invitation.declined': 'declined the invitation to',
};

/**
 * An entry as one sentence in parts, so the page can set the subject apart: who, what they did,
 * to what, and the detail. An entry whose author's account has gone is by "Someone".
 */
export function activityText(entry: Activity) {
  return {
    actor: entry.actorName ?? 'Someone',
    verb: VERBS[entry.action],
    subject: entry.subject,
    detail: entry.detail,
  };
}
