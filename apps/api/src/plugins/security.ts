import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { ForbiddenError } from '../errors';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The rate limit of every route that checks a password (sign-in, password change): 10 attempts
 * per 5 minutes per key, then 429 until the window has passed (decision 002). It runs as a
 * preHandler, after authentication, so `key` can name the account being guessed at.
 */
export function passwordAttempts(key: (request: FastifyRequest) => string) {
  return {
    rateLimit: {
      max: 10,
      timeWindow: '5 minutes',
      hook: 'preHandler' as const,
      keyGenerator: key,
    },
  };
}

const HELMET: HelmetOptions = {
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
};

export async function registerSecurity(app: FastifyInstance, config: Config) {
  if (config.publicOrigin?.startsWith('https:') && config.trustProxy === false)
    app.log.warn(
      'KODBOK_PUBLIC_ORIGIN is https but KODBOK_TRUST_PROXY is off: session cookies will not be marked Secure',
    );
  // Helmet's middleware, built once: @fastify/helmet called helmet(options) again on every
  // request, parsing the policy each time (4% of the API thread under a stream of highlights).
  const securityHeaders = helmet(HELMET);
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  // Counters stay in memory (DESIGN.md allows it); only routes that opt in are limited.
  await app.register(rateLimit, { global: false });
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const own = `${request.protocol}://${request.host}`;
    if (
      isCrossSite(request.headers, [own, ...(config.publicOrigin ? [config.publicOrigin] : [])])
    ) {
      throw new ForbiddenError(
        'Cross-site request refused: send it from the Kodbok page itself, or use an API token',
      );
    }
  });
}

/**
 * Cookie sessions are protected from cross-site writes by the browser's own word on where a
 * request comes from: `Sec-Fetch-Site` where sent, else `Origin`. Clients that send neither are
 * not browsers, so no ambient cookie can be abused through them. `origins` are Kodbok's own:
 * the one the request was addressed to (behind a trusted proxy, the forwarded scheme and host)
 * and the configured public origin.
 */
export function isCrossSite(
  headers: Record<string, string | string[] | undefined>,
  origins: readonly string[],
): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = headers.origin;
  if (typeof origin === 'string') return !origins.includes(origin);
  return false;
}
