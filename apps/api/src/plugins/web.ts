import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { NotFoundError } from '../errors';

/**
 * Serves the built web app from the same process and port as the API. Unknown paths outside
 * /api get index.html so client-side routes survive a reload; unknown /api paths get a JSON 404.
 */
export async function registerWeb(app: FastifyInstance, config: Config) {
  if (config.webDist) {
    // The build writes .br and .gz copies at the highest levels (apps/web/scripts/precompress.mjs):
    // sent as they are, to clients that accept them.
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (
      !config.webDist ||
      request.url.startsWith('/api') ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      throw new NotFoundError(`${request.method} ${request.url.split('?')[0]}`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
