import Type from 'typebox';
import { IdSchema, Name, NoContent, Timestamp } from './common';
import { defineEndpoints } from './endpoint';

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

export const projectEndpoints = defineEndpoints({
  listProjects: {
    method: 'GET',
    path: '/projects',
    requires: 'signedIn',
    tags: ['projects'],
    ok: { 200: Type.Array(ProjectSchema) },
    errors: [401],
  },
  createProject: {
    method: 'POST',
    path: '/projects',
    requires: 'signedIn',
    tags: ['projects'],
    body: CreateProjectBody,
    ok: { 201: ProjectSchema },
    errors: [400, 401],
  },
  getProject: {
    method: 'GET',
    path: '/projects/:projectId',
    requires: 'read',
    tags: ['projects'],
    params: ProjectParams,
    ok: { 200: ProjectSchema },
    errors: [401, 404],
  },
  updateProject: {
    method: 'PATCH',
    path: '/projects/:projectId',
    requires: 'manageProject',
    tags: ['projects'],
    params: ProjectParams,
    body: UpdateProjectBody,
    ok: { 200: ProjectSchema },
    errors: [400, 401, 403, 404],
  },
  deleteProject: {
    method: 'DELETE',
    path: '/projects/:projectId',
    requires: 'manageProject',
    tags: ['projects'],
    params: ProjectParams,
    ok: { 204: NoContent },
    errors: [401, 403, 404],
  },
});

export const memberEndpoints = defineEndpoints({
  listMembers: {
    method: 'GET',
    path: '/projects/:projectId/members',
    requires: 'read',
    tags: ['members'],
    params: ProjectParams,
    ok: { 200: Type.Array(MemberSchema) },
    errors: [401, 404],
  },
  updateMember: {
    method: 'PATCH',
    path: '/projects/:projectId/members/:userId',
    requires: 'manageMembers',
    tags: ['members'],
    params: MemberParams,
    body: UpdateMemberBody,
    ok: { 200: MemberSchema },
    errors: [400, 401, 403, 404],
  },
  deleteMember: {
    method: 'DELETE',
    path: '/projects/:projectId/members/:userId',
    requires: 'manageMembers',
    tags: ['members'],
    params: MemberParams,
    ok: { 204: NoContent },
    errors: [400, 401, 403, 404],
  },
});
