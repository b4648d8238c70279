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

export const Name = Type.String({ minLength: 1, maxLength: 200 });
