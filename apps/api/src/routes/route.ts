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
      let result: Awaited<ReturnType<EndpointHandler<E>>>;
      try {
        result = await handler(request as EndpointRequest<E>, reply);
      } catch (err) {
        // Awaited, a sent reply (a thenable) fails with its connection: the client left during
        // a download. Nothing can be answered then; answering would log a 500 for a cancel.
        if (!reply.raw.headersSent) throw err;
        request.log.info({ err }, 'the client left before the answer was through');
        return;
      }
      // A handler that sent the answer returns the reply; awaited, a reply resolves once the
      // answer is out, or once the client has left mid-way (then only the headers tell it went).
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
