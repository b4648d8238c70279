import Type from 'typebox';
import { IdSchema, nameSchema } from './common';

export const AttributeTypeSchema = Type.Union(
  [Type.Literal('text'), Type.Literal('number'), Type.Literal('category')],
  {
    description: 'text: free text; number: numeric values only; category: a few values to group by',
  },
);
export type AttributeType = Type.Static<typeof AttributeTypeSchema>;

// Surrounding spaces are trimmed by the service; what is left must be visible.
const AttributeName = nameSchema(100);
const AttributeValue = Type.String({ minLength: 1, maxLength: 2000 });

export const AttributeSchema = Type.Object({
  name: Type.String(),
  type: AttributeTypeSchema,
  studies: Type.Integer({ description: 'studies with a value' }),
  values: Type.Array(Type.Object({ value: Type.String(), studies: Type.Integer() }), {
    description: 'the values in use, most used first',
  }),
});
export type Attribute = Type.Static<typeof AttributeSchema>;

export const AttributeParams = Type.Object({ projectId: IdSchema, name: AttributeName });

export const UpdateAttributeBody = Type.Object(
  { type: AttributeTypeSchema },
  { additionalProperties: false },
);
export type UpdateAttributeBody = Type.Static<typeof UpdateAttributeBody>;

export const AssignAttributeBody = Type.Object(
  {
    studyIds: Type.Array(IdSchema, { minItems: 1, maxItems: 10_000 }),
    value: Type.Union([AttributeValue, Type.Null()], { description: 'null removes the attribute' }),
  },
  { additionalProperties: false },
);
export type AssignAttributeBody = Type.Static<typeof AssignAttributeBody>;

export const AssignAttributeResult = Type.Object({ updated: Type.Integer() });
