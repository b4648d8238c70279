import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { HIDDEN_TAG } from '@kodbok/contracts';

/**
 * OpenAPI generated from the same route schemas that validate: /api/docs here, and
 * /api/openapi.json (routes/index.ts).
 */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    // The endpoints tagged so (GET /api/openapi.json) are left out of the document.
    hiddenTag: HIDDEN_TAG,
    openapi: {
      info: {
        title: 'Kodbok API',
        version: '0.1.0',
        description:
          'Qualitative coding for thematic synthesis. Offsets are UTF-16 code units, half-open [start, end). ' +
          'Authenticate with the session cookie (web app) or `Authorization: Bearer <token>` (scripts).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'kodbok_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: docsPageCsp,
  });
}

/**
 * Swagger UI's own page policy, tightened to the app's: nothing from other origins (every asset
 * is served here) and no framing. Its scripts stay hash-locked; it sets inline styles as it
 * renders, so this one page allows those.
 */
export function docsPageCsp(header: string): string {
  return header
    .replace(/ https:/g, '')
    .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'")
    .replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'");
}
