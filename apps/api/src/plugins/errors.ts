import type { FastifyError, FastifyInstance } from 'fastify';
import { NOT_BLANK } from '@kodbok/contracts';
import { isBusy } from '@kodbok/db';
import { BadRequestError, DomainError } from '../errors';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** One error story: every failure leaves as `{statusCode, error, message}`; 5xx text is hidden. */
export function registerErrors(app: FastifyInstance) {
  // Ajv turns "Infinity" and "1e400" in a query string into Infinity and then skips the
  // minimum/maximum checks of the coerced value; SQLite then fails on it. Refuse them here,
  // after validation, for every route at once.
  app.addHook('preHandler', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(query ?? {})) {
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new BadRequestError(`querystring/${name} must be a finite number`);
    }
    const lone = loneSurrogateAt(request.body, 'body') ?? loneSurrogateAt(query, 'querystring');
    if (lone) throw new BadRequestError(`${lone} contains a lone UTF-16 surrogate (not text)`);
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    // A long write elsewhere (an import being stored): not the request's fault, nor a crash.
    if (isBusy(err)) {
      return reply.status(503).header('retry-after', '2').send({
        statusCode: 503,
        error: REASONS[503],
        message:
          'The database is busy storing a large change (an import): nothing was changed; try again in a moment',
      });
    }
    const statusCode = statusOf(err);
    if (statusCode >= 500) {
      request.log.error({ err }, 'unhandled error');
      return reply.status(500).send({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on the server; the error was logged.',
      });
    }
    const message = err.validation ? validationMessage(err) : err.message;
    return reply
      .status(statusCode)
      .send({ statusCode, error: REASONS[statusCode] ?? 'Error', message });
  });
}

function statusOf(err: FastifyError): number {
  if (err instanceof DomainError) return err.statusCode;
  if (err.validation) return 400;
  const code = err.statusCode ?? 500;
  return code >= 400 && code < 600 ? code : 500;
}

/** "body/password must NOT have fewer than 12 characters" names the field and the rule. */
function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const where = `${err.validationContext ?? 'request'}${first.instancePath || ''}`;
  if (first.keyword === 'required')
    return `${where}/${String(first.params.missingProperty)} is required`;
  if (first.keyword === 'pattern' && first.params.pattern === NOT_BLANK)
    return `${where} must not be blank: it needs a visible character`;
  if (first.keyword === 'enum' && Array.isArray(first.params.allowedValues)) {
    return `${where} must be one of: ${first.params.allowedValues.join(', ')}`;
  }
  if (first.keyword === 'additionalProperties') {
    return `${where} has an unknown property "${String(first.params.additionalProperty)}"`;
  }
  return `${where} ${first.message ?? 'is invalid'}`;
}

/**
 * Where in a parsed body a string (a value or a key) holds half a surrogate pair ("\ud800" in
 * JSON), or null. Such a string is not text: SQLite would store it as invalid UTF-8 and give back
 * something else. Walked with a stack of its own, not by recursion: JSON.parse reads a body
 * nested 20,000 deep, which would overflow the call stack here and answer 500. The path is
 * spelled out only for the string found, so a deep body costs no long path per level.
 */
function loneSurrogateAt(value: unknown, root: string): string | null {
  interface Place {
    value: unknown;
    key: string;
    parent: Place | null;
  }
  const pathOf = (place: Place): string => {
    const keys: string[] = [];
    for (let p: Place | null = place; p; p = p.parent) keys.push(p.key);
    return keys.reverse().join('/');
  };
  const stack: Place[] = [{ value, key: root, parent: null }];
  while (stack.length > 0) {
    const place = stack.pop()!;
    if (typeof place.value === 'string') {
      if (!isWellFormed(place.value)) return pathOf(place);
    } else if (typeof place.value === 'object' && place.value !== null) {
      for (const [key, item] of Object.entries(place.value).reverse()) {
        const child = { value: item, key, parent: place };
        if (!isWellFormed(key)) return `${pathOf(child)} (the name)`;
        stack.push(child);
      }
    }
  }
  return null;
}

// String.prototype.isWellFormed is in Node 20 (V8 11.3) but not in TypeScript's ES2023 lib.
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
