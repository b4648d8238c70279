import Type from 'typebox';
import { IdSchema, NOT_BLANK, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';

export const TokenSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
});
export type Token = Type.Static<typeof TokenSchema>;

export const CreatedTokenSchema = Type.Object({
  ...TokenSchema.properties,
  token: Type.String({
    description: 'the secret; shown only in this response. Send as Authorization: Bearer <token>',
  }),
});
export type CreatedToken = Type.Static<typeof CreatedTokenSchema>;

export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: NOT_BLANK }) },
  { additionalProperties: false },
);
export type CreateTokenBody = Type.Static<typeof CreateTokenBody>;

export const TokenParams = Type.Object({ tokenId: IdSchema });

export const tokenEndpoints = defineEndpoints({
  listTokens: {
    method: 'GET',
    path: '/tokens',
    requires: 'signedIn',
    tags: ['tokens'],
    ok: { 200: Type.Array(TokenSchema) },
    errors: [401],
  },
  createToken: {
    method: 'POST',
    path: '/tokens',
    requires: 'signedIn',
    tags: ['tokens'],
    body: CreateTokenBody,
    ok: { 201: CreatedTokenSchema },
    errors: [400, 401],
  },
  deleteToken: {
    method: 'DELETE',
    path: '/tokens/:tokenId',
    requires: 'self',
    tags: ['tokens'],
    params: TokenParams,
    ok: { 204: NoContent },
    errors: [401, 404],
  },
});
