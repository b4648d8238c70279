import Type from 'typebox';
import { VISIBLE_CHARACTER } from '@kodbok/core';

/** Ids are opaque strings on the wire (DESIGN.md). */
export const IdSchema = Type.String({ minLength: 1, maxLength: 64 });

/** The one error body every failing request gets. */
export const ErrorSchema = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
  },
  { $id: 'Error' },
);
export type ApiErrorBody = Type.Static<typeof ErrorSchema>;

/** Response schemas for the error statuses a route can answer with. */
export function errorResponses(...codes: number[]) {
  return Object.fromEntries(codes.map((c) => [c, ErrorSchema])) as Record<
    number,
    typeof ErrorSchema
  >;
}

export const Timestamp = Type.String({ description: 'ISO 8601 date-time (UTC)' });

export const NoContent = Type.Null({ description: 'No content' });

/**
 * A pattern for names and titles: at least one visible character (core's VISIBLE_CHARACTER, the
 * rule the importers apply too). Such a name looks blank in every list and cannot be told apart
 * from another. The error handler words this rule as "must not be blank".
 */
export const NOT_BLANK = VISIBLE_CHARACTER;

/** A name or title of at most `maxLength` characters, with a visible one among them. */
export const nameSchema = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });

export const Name = nameSchema(200);

/**
 * Where a page of a long list starts. Bounded to what a JavaScript number holds exactly: SQLite's
 * OFFSET takes a 64-bit integer, and a larger one (2^63, 1e300) is bound as a real number and
 * failed the query with 500.
 */
export const PageOffset = Type.Integer({
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  default: 0,
});
