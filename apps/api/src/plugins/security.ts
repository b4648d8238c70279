import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { ForbiddenError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function registerSecurity(app: FastifyInstance, _config: Config) {
  await app.register(helmet, {
    // The built app has no inline scripts or styles, so the policy needs no 'unsafe-inline'.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plain-HTTP localhost is the default deployment; HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
  });
  // Counters stay in memory (DESIGN.md allows it); only routes that opt in are limited.
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    if (isCrossSite(request.headers, request.host, request.protocol)) {
      throw new ForbiddenError(
        'Cross-site request refused: send it from the Kodbok page itself, or use an API token',
      );
    }
  });
}

/**
 * Cookie sessions are protected from cross-site writes by the browser's own word on where a
 * request comes from: `Sec-Fetch-Site` where sent, else `Origin`. Clients that send neither are
 * not browsers, so no ambient cookie can be abused through them.
 */
export function isCrossSite(
  headers: Record<string, string | string[] | undefined>,
  host: string,
  protocol: string,
): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin === 'string') return origin !== `${protocol}://${host}`;
  return false;
}
