import Type from 'typebox';
import { CodersParam } from './analysis';
import { IdSchema } from './common';

/** Example passages for the Codebook page: a few quotes per code, with where each is from. */
export const CodeExamplesQuery = Type.Object(
  {
    per: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 5, default: 2, description: 'quotes per code' }),
    ),
    coders: Type.Optional(CodersParam),
  },
  { additionalProperties: false },
);
export type CodeExamplesQuery = Type.Static<typeof CodeExamplesQuery>;

export const CodeExampleSchema = Type.Object({
  codeId: IdSchema,
  highlightId: IdSchema,
  documentId: IdSchema,
  studyId: IdSchema,
  quote: Type.String(),
  study: Type.String({ description: 'the study as cited: "First author Year", else its title' }),
});
export type CodeExample = Type.Static<typeof CodeExampleSchema>;

export const CodeExamplesSchema = Type.Object({
  examples: Type.Array(CodeExampleSchema, {
    description: "each code's (not its sub-codes') first quotes, in codebook order",
  }),
});
export type CodeExamples = Type.Static<typeof CodeExamplesSchema>;
