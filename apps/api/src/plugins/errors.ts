import type { FastifyError, FastifyInstance } from 'fastify';
import { NOT_BLANK } from '@kodbok/contracts';
import { DomainError } from '../errors';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

/** One error story: every failure leaves as `{statusCode, error, message}`; 5xx text is hidden. */
export function registerErrors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
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
    return `${where} must not be blank`;
  if (first.keyword === 'additionalProperties') {
    return `${where} has an unknown property "${String(first.params.additionalProperty)}"`;
  }
  return `${where} ${first.message ?? 'is invalid'}`;
}
