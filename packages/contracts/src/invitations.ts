import Type from 'typebox';
import { IdSchema, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';
import { EmailSchema } from './auth';
import { ProjectParams, ProjectSchema, RoleSchema } from './projects';

/**
 * An invitation to join a project. Managers invite by e-mail; the answer is the same whether or
 * not an account has that e-mail, so inviting cannot be used to find out (decision 016).
 */
export const InvitationSchema = Type.Object({
  id: IdSchema,
  projectId: IdSchema,
  projectName: Type.String(),
  email: Type.String({ description: 'lower-cased' }),
  role: RoleSchema,
  status: Type.Literal('pending', {
    description: 'always pending: an accepted, declined or withdrawn invitation is gone',
  }),
  invitedByName: Type.String(),
  createdAt: Timestamp,
});
export type Invitation = Type.Static<typeof InvitationSchema>;

/** POST /api/projects/:projectId/invitations: inviting the same e-mail again changes the role. */
export const InviteBody = Type.Object(
  { email: EmailSchema, role: RoleSchema },
  { additionalProperties: false },
);
export type InviteBody = Type.Static<typeof InviteBody>;

export const InvitationParams = Type.Object({ projectId: IdSchema, invitationId: IdSchema });
export const MyInvitationParams = Type.Object({ invitationId: IdSchema });

export const invitationEndpoints = defineEndpoints({
  listInvitations: {
    method: 'GET',
    path: '/projects/:projectId/invitations',
    requires: 'manageMembers',
    tags: ['invitations'],
    params: ProjectParams,
    ok: { 200: Type.Array(InvitationSchema) },
    errors: [401, 403, 404],
  },
  createInvitation: {
    method: 'POST',
    path: '/projects/:projectId/invitations',
    requires: 'manageMembers',
    tags: ['invitations'],
    description: 'The same answer whether or not an account has the e-mail.',
    params: ProjectParams,
    body: InviteBody,
    ok: { 201: InvitationSchema },
    errors: [400, 401, 403, 404, 409],
  },
  deleteInvitation: {
    method: 'DELETE',
    path: '/projects/:projectId/invitations/:invitationId',
    requires: 'manageMembers',
    tags: ['invitations'],
    params: InvitationParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
  listMyInvitations: {
    method: 'GET',
    path: '/me/invitations',
    requires: 'signedIn',
    tags: ['invitations'],
    ok: { 200: Type.Array(InvitationSchema) },
    errors: [401],
  },
  acceptInvitation: {
    method: 'POST',
    path: '/me/invitations/:invitationId/accept',
    requires: 'self',
    tags: ['invitations'],
    params: MyInvitationParams,
    ok: { 200: ProjectSchema },
    errors: [401, 404],
  },
  declineInvitation: {
    method: 'POST',
    path: '/me/invitations/:invitationId/decline',
    requires: 'self',
    tags: ['invitations'],
    params: MyInvitationParams,
    ok: { 204: NoContent },
    errors: [401, 404],
  },
});
