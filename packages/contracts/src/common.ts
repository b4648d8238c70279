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
 * A pattern for names and titles: at least one visible character. Not only spaces, and not only
 * characters that render as nothing: controls (NUL…), format characters (zero-width space and
 * joiner, BOM, direction marks) and the other default-ignorable ones (Hangul filler, variation
 * selectors). Such a name looks blank in every list and cannot be told apart from another. Ajv
 * and TypeBox both compile patterns with the `u` flag, which `\p{…}` needs. The error handler
 * words this rule as "must not be blank".
 */
export const NOT_BLANK = '[^\\s\\p{Cc}\\p{Cf}\\p{Cs}\\p{Default_Ignorable_Code_Point}]';

/** A name or title of at most `maxLength` characters, with a visible one among them. */
export const nameSchema = (maxLength: number) =>
  Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });

export const Name = nameSchema(200);
