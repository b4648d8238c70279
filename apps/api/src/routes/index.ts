import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sessionRoutes } from './session.routes';
import { tokenRoutes } from './token.routes';
import { userRoutes } from './user.routes';
import { projectRoutes } from './project.routes';
import { memberRoutes } from './member.routes';
import { invitationRoutes } from './invitation.routes';
import { activityRoutes } from './activity.routes';
import { studyRoutes } from './study.routes';
import { codeRoutes } from './code.routes';
import { highlightRoutes } from './highlight.routes';
import { importRoutes } from './import.routes';
import { attributeRoutes } from './attribute.routes';
import { analysisRoutes } from './analysis.routes';
import { documentRoutes } from './document.routes';
import { assignmentRoutes } from './assignment.routes';
import { agreementRoutes } from './agreement.routes';
import { consensusRoutes } from './consensus.routes';
import { exportRoutes } from './export.routes';
import { refiRoutes } from './refi.routes';
import { memoRoutes } from './memo.routes';
import { backupRoutes } from './backup.routes';
import { systemEndpoints as e } from '@kodbok/contracts';
import { route } from './route';

export const registerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  route(app, e.getHealth, () => ({ status: 'ok' as const }));
  route(app, e.getOpenApi, () => app.swagger());
  for (const routes of [
    sessionRoutes,
    tokenRoutes,
    userRoutes,
    projectRoutes,
    memberRoutes,
    invitationRoutes,
    activityRoutes,
    studyRoutes,
    documentRoutes,
    codeRoutes,
    highlightRoutes,
    analysisRoutes,
    assignmentRoutes,
    agreementRoutes,
    consensusRoutes,
    exportRoutes,
    refiRoutes,
    memoRoutes,
    backupRoutes,
  ]) {
    await app.register(routes);
  }
  await app.register(importRoutes);
  await app.register(attributeRoutes);
};
