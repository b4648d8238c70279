import Type from 'typebox';
import { IdSchema, NoContent, nameSchema } from './common';
import { defineEndpoints } from './endpoint';
import { ProjectParams } from './projects';

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

export const attributeEndpoints = defineEndpoints({
  listAttributes: {
    method: 'GET',
    path: '/projects/:projectId/attributes',
    requires: 'read',
    tags: ['attributes'],
    params: ProjectParams,
    ok: { 200: Type.Array(AttributeSchema) },
    errors: [401, 404],
  },
  updateAttribute: {
    method: 'PUT',
    path: '/projects/:projectId/attributes/:name',
    requires: 'manageStudies',
    tags: ['attributes'],
    params: AttributeParams,
    body: UpdateAttributeBody,
    ok: { 200: AttributeSchema },
    errors: [400, 401, 403, 404],
  },
  assignAttribute: {
    method: 'POST',
    path: '/projects/:projectId/attributes/:name/studies',
    requires: 'manageStudies',
    tags: ['attributes'],
    description: 'Sets one attribute on many studies at once; value null removes it.',
    params: AttributeParams,
    body: AssignAttributeBody,
    ok: { 200: AssignAttributeResult },
    errors: [400, 401, 403, 404],
  },
  deleteAttribute: {
    method: 'DELETE',
    path: '/projects/:projectId/attributes/:name',
    requires: 'manageStudies',
    tags: ['attributes'],
    params: AttributeParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
});
