import Type from 'typebox';
import { IdSchema, nameSchema, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';

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

export const sessionEndpoints = defineEndpoints({
  getSetup: {
    method: 'GET',
    path: '/setup',
    requires: 'public',
    tags: ['session'],
    ok: { 200: SetupStatus },
    errors: [],
  },
  createSetup: {
    method: 'POST',
    path: '/setup',
    requires: 'public',
    tags: ['session'],
    body: SetupBody,
    ok: { 201: UserEnvelope },
    errors: [400, 409],
  },
  createSession: {
    method: 'POST',
    path: '/session',
    requires: 'public',
    tags: ['session'],
    body: SignInBody,
    ok: { 200: UserEnvelope },
    errors: [400, 401, 403, 429],
  },
  getSession: {
    method: 'GET',
    path: '/session',
    requires: 'public',
    tags: ['session'],
    ok: { 200: SessionEnvelope },
    errors: [],
  },
  deleteSession: {
    method: 'DELETE',
    path: '/session',
    requires: 'public',
    tags: ['session'],
    ok: { 204: NoContent },
    errors: [],
  },
  getMe: {
    method: 'GET',
    path: '/me',
    requires: 'signedIn',
    tags: ['session'],
    ok: { 200: UserEnvelope },
    errors: [401],
  },
  changePassword: {
    method: 'PUT',
    path: '/me/password',
    requires: 'signedIn',
    tags: ['session'],
    body: ChangePasswordBody,
    ok: { 200: ChangePasswordResult },
    errors: [400, 401, 429],
  },
});

export const userEndpoints = defineEndpoints({
  listUsers: {
    method: 'GET',
    path: '/users',
    requires: 'instanceOwner',
    tags: ['users'],
    ok: { 200: Type.Array(UserSchema) },
    errors: [401, 403],
  },
  createUser: {
    method: 'POST',
    path: '/users',
    requires: 'instanceOwner',
    tags: ['users'],
    body: CreateUserBody,
    ok: { 201: UserEnvelope },
    errors: [400, 401, 403, 409],
  },
  updateUser: {
    method: 'PATCH',
    path: '/users/:userId',
    requires: 'instanceOwner',
    tags: ['users'],
    params: UserParams,
    body: UpdateUserBody,
    ok: { 200: UserEnvelope },
    errors: [400, 401, 403, 404],
  },
});
