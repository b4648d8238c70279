import Type from 'typebox';
import { defineEndpoints } from './endpoint';

/**
 * The tag @fastify/swagger leaves out of the OpenAPI document (its `hiddenTag`): the document
 * does not describe itself.
 */
export const HIDDEN_TAG = 'X-HIDDEN';

export const HealthSchema = Type.Object({ status: Type.Literal('ok') });
export type Health = Type.Static<typeof HealthSchema>;

export const systemEndpoints = defineEndpoints({
  getHealth: {
    method: 'GET',
    path: '/health',
    requires: 'public',
    tags: ['health'],
    ok: { 200: HealthSchema },
    errors: [],
  },
  /** The OpenAPI document of this API, generated from the route schemas; /api/docs shows it. */
  getOpenApi: {
    method: 'GET',
    path: '/openapi.json',
    requires: 'public',
    tags: [HIDDEN_TAG],
    ok: { 200: Type.Unknown() },
    errors: [],
  },
});
