import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import {
  defaultStatus,
  errorResponses,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
  type ResultOf,
} from '@kodbok/contracts';

/** A request to `E`, its parameters, query and body typed (and validated) by the endpoint's schemas. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest<{
  Params: ParamsOf<E>;
  Querystring: QueryOf<E>;
  Body: BodyOf<E>;
}>;

/**
 * Answers with the result (sent with the endpoint's first success status, unless the handler set
 * another), or with the reply itself when the handler sent it (downloads, streams).
 */
export type EndpointHandler<E extends Endpoint> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => ResultOf<E> | FastifyReply | Promise<ResultOf<E> | FastifyReply>;

/** What only the server decides about a route: rate limits, compression. */
export type RouteOptions = Pick<RouteShorthandOptions, 'config' | 'compress'>;

/**
 * Registers `endpoint` (packages/contracts) as a route: its method, path and schemas come from the
 * table, so the route, the web client and OpenAPI cannot disagree. Every route goes through here.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: EndpointHandler<E>,
  options: RouteOptions = {},
) {
  const status = defaultStatus(endpoint);
  app.route({
    ...options,
    method: endpoint.method,
    url: endpoint.path,
    schema: withoutUndefined({
      tags: [...endpoint.tags],
      summary: endpoint.summary,
      description: endpoint.description,
      params: endpoint.params,
      querystring: endpoint.query,
      body: endpoint.body,
      consumes: endpoint.multipart ? ['multipart/form-data'] : undefined,
      produces: endpoint.produces ? [...endpoint.produces] : undefined,
      response: { ...jsonSuccesses(endpoint), ...errorResponses(...endpoint.errors) },
    }),
    handler: async (request, reply) => {
      reply.status(status);
      const result = await handler(request as EndpointRequest<E>, reply);
      // A handler that sent the answer returns the reply; awaited, a reply (a thenable) resolves
      // once the answer is out, or once the client has left mid-way: then it is not `sent`, and
      // only the headers tell that it went (sending again would log a 500 for a cancel).
      if (reply.sent || reply.raw.headersSent || result === reply) return reply;
      return reply.send(result ?? null);
    },
  });
}

/** Fastify warns of a schema key present but undefined ("FSTWRN001 … schema is missing"). */
function withoutUndefined<T extends object>(schema: T): T {
  return Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined)) as T;
}

function jsonSuccesses(endpoint: Endpoint) {
  return Object.fromEntries(Object.entries(endpoint.ok).filter(([, schema]) => schema !== 'file'));
}
