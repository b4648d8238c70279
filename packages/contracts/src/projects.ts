import Type from 'typebox';
import { IdSchema, Name, Timestamp } from './common';

export const RoleSchema = Type.Union(
  [
    Type.Literal('owner'),
    Type.Literal('supervisor'),
    Type.Literal('coder'),
    Type.Literal('viewer'),
  ],
  { description: 'owner and supervisor manage; coder codes; viewer reads' },
);
export type Role = Type.Static<typeof RoleSchema>;
export const ROLES: readonly Role[] = ['owner', 'supervisor', 'coder', 'viewer'];

export const ProjectSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  role: RoleSchema,
  coderCanEditCodebook: Type.Boolean({
    description: 'when true, coders may also change the codebook structure',
  }),
  independentCoding: Type.Boolean({
    description:
      'blind double coding: coders see only their own highlights; owners and supervisors see everyone’s',
  }),
  studyCount: Type.Integer(),
  createdAt: Timestamp,
});
export type Project = Type.Static<typeof ProjectSchema>;

export const ProjectParams = Type.Object({ projectId: IdSchema });

export const CreateProjectBody = Type.Object({ name: Name }, { additionalProperties: false });
export type CreateProjectBody = Type.Static<typeof CreateProjectBody>;

export const UpdateProjectBody = Type.Object(
  {
    name: Type.Optional(Name),
    coderCanEditCodebook: Type.Optional(Type.Boolean()),
    independentCoding: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateProjectBody = Type.Static<typeof UpdateProjectBody>;

export const MemberSchema = Type.Object({
  userId: IdSchema,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
});
export type Member = Type.Static<typeof MemberSchema>;

export const UpdateMemberBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export type UpdateMemberBody = Type.Static<typeof UpdateMemberBody>;

export const MemberParams = Type.Object({ projectId: IdSchema, userId: IdSchema });
