import Type from 'typebox';
import { IdSchema, nameSchema, Timestamp } from './common';

export const EmailSchema = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: '^[^\\s@]+@[^\\s@]+$',
  description: 'e-mail address, used to sign in',
});
export const PasswordSchema = Type.String({
  minLength: 12,
  maxLength: 1024,
  description: 'at least 12 characters',
});

export const UserSchema = Type.Object({
  id: IdSchema,
  email: EmailSchema,
  name: Type.String(),
  isInstanceOwner: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Timestamp,
});
export type User = Type.Static<typeof UserSchema>;

export const UserEnvelope = Type.Object({ user: UserSchema });

/** GET /api/session: who the session belongs to; null when nobody is signed in (not a 401). */
export const SessionEnvelope = Type.Object({
  user: Type.Union([UserSchema, Type.Null()], {
    description: 'the signed-in user, or null without a (valid) session',
  }),
});
export type SessionEnvelope = Type.Static<typeof SessionEnvelope>;

export const SetupBody = Type.Object(
  {
    email: EmailSchema,
    name: nameSchema(200),
    password: PasswordSchema,
  },
  { additionalProperties: false },
);
export type SetupBody = Type.Static<typeof SetupBody>;

export const SetupStatus = Type.Object({
  required: Type.Boolean({
    description: 'true while no account exists: the first visit creates the owner',
  }),
});
export type SetupStatus = Type.Static<typeof SetupStatus>;

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Type.Static<typeof SignInBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: PasswordSchema },
  { additionalProperties: false },
);
export type ChangePasswordBody = Type.Static<typeof ChangePasswordBody>;

/** PUT /api/me/password: the other sessions are signed out and every API token revoked. */
export const ChangePasswordResult = Type.Object({
  revokedTokens: Type.Integer({
    minimum: 0,
    description: 'API tokens revoked: scripts need new ones (other sessions are signed out too)',
  }),
});
export type ChangePasswordResult = Type.Static<typeof ChangePasswordResult>;

export const CreateUserBody = SetupBody;
export type CreateUserBody = SetupBody;

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(nameSchema(200)),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Type.Static<typeof UpdateUserBody>;

export const UserParams = Type.Object({ userId: IdSchema });
