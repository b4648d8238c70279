import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { sendView } from './json-text';
import {
  CreateStudyBody,
  errorResponses,
  NoContent,
  ProjectParams,
  StudyDeletionQuery,
  StudyDeletionSchema,
  StudyIdsBody,
  StudyListQuery,
  StudyParams,
  StudySchema,
  UpdateStudyBody,
} from '@kodbok/contracts';

export const studyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { studies } = app.services;
  const tags = ['studies'];

  app.get(
    '/projects/:projectId/studies',
    {
      schema: {
        tags,
        params: ProjectParams,
        querystring: StudyListQuery,
        response: { 200: Type.Array(StudySchema), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) =>
      sendView(
        reply,
        await studies.listJson(request.currentUser(), request.params.projectId, request.query),
      ),
  );

  app.post(
    '/projects/:projectId/studies',
    {
      schema: {
        tags,
        params: ProjectParams,
        body: CreateStudyBody,
        response: { 201: StudySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(studies.create(request.currentUser(), request.params.projectId, request.body)),
  );

  app.post(
    '/projects/:projectId/studies/delete',
    {
      schema: {
        tags,
        summary: 'Delete studies with their documents and coding, all or none (or preview counts)',
        params: ProjectParams,
        querystring: StudyDeletionQuery,
        body: StudyIdsBody,
        response: { 200: StudyDeletionSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      studies.removeMany(
        request.currentUser(),
        request.params.projectId,
        request.body,
        request.query,
      ),
  );

  app.get(
    '/studies/:studyId',
    {
      schema: {
        tags,
        params: StudyParams,
        response: { 200: StudySchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => studies.get(request.currentUser(), request.params.studyId),
  );

  app.patch(
    '/studies/:studyId',
    {
      schema: {
        tags,
        params: StudyParams,
        body: UpdateStudyBody,
        response: { 200: StudySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => studies.update(request.currentUser(), request.params.studyId, request.body),
  );

  app.delete(
    '/studies/:studyId',
    {
      schema: {
        tags,
        params: StudyParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      studies.remove(request.currentUser(), request.params.studyId);
      return reply.status(204).send(null);
    },
  );
};
