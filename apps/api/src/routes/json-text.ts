import type { FastifyReply } from 'fastify';
import type { JsonBytes } from '../services/read-runner';

/**
 * Sends JSON already written, by SQLite (the study list) or the read worker (issue 13): a string
 * or bytes with a JSON content type skip the response serialiser, so the route's schema documents
 * the shape but does not re-check it; analysis.test.ts holds each such answer to its schema.
 */
export function sendJsonText(reply: FastifyReply, text: string | Buffer) {
  return reply.type('application/json; charset=utf-8').send(text);
}

/** A view as a service answers it: an object to serialise, or JSON the read worker wrote. */
export function sendView<T>(reply: FastifyReply, view: T | JsonBytes<T>) {
  return Buffer.isBuffer(view) ? sendJsonText(reply, view) : reply.send(view);
}
