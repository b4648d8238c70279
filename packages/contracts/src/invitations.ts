import Type from 'typebox';
import { IdSchema, Timestamp } from './common';
import { EmailSchema } from './auth';
import { RoleSchema } from './projects';

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
