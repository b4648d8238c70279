import type { FastifyReply } from 'fastify';

/**
 * Sends JSON that SQLite has already written (a big list, issue 13): a string with a JSON
 * content type skips the response serialiser, so the route's schema documents the shape but
 * does not re-check it; the repository's tests hold the text to the contract instead.
 */
export function sendJsonText(reply: FastifyReply, text: string) {
  return reply.type('application/json; charset=utf-8').send(text);
}
