import Type from 'typebox';

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
 * A pattern for names and titles: at least one visible character. Services trim names, so a blank
 * one would be stored empty; the error handler words this rule as "must not be blank".
 */
export const NOT_BLANK = '\\S';

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NOT_BLANK });
