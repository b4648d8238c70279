import type { Db, Repositories } from '@kodbok/db';
import { createAuthService } from './auth.service';
import { createCodeService } from './code.service';
import { createHighlightService } from './highlight.service';
import { createProjectService } from './project.service';
import { createInvitationService } from './invitation.service';
import { createActivityService } from './activity.service';
import { createStudyService } from './study.service';
import { createTokenService } from './token.service';
import { createUserService } from './user.service';
import { createImportService } from './import.service';
import type { ImportRunner } from './import-runner';
import type { ReadRunner } from './read-runner';
import { createAttributeService } from './attribute.service';
import { createAnalysisService } from './analysis.service';
import { createExcerptService } from './excerpt.service';
import { createDocumentService } from './document.service';
import { createAssignmentService } from './assignment.service';
import { createAgreementService } from './agreement.service';
import { createConsensusService } from './consensus.service';
import type { ExportJob } from './export-job';
import { createRefiService, type RefiRunner } from './refi.service';
import { createMemoService } from './memo.service';
import { createBackupService } from './backup.service';

/** Services own transactions and authorisation; routes only call them. */
export function createServices(
  db: Db,
  repos: Repositories,
  paths: { databaseFile: string; backupDir: string },
  workers: { runImport: ImportRunner; runRead: ReadRunner; runRefi: RefiRunner },
) {
  return {
    auth: createAuthService(db, repos),
    users: createUserService(db, repos),
    tokens: createTokenService(repos),
    projects: createProjectService(db, repos),
    invitations: createInvitationService(db, repos),
    activity: createActivityService(repos),
    studies: createStudyService(db, repos, workers.runRead),
    codes: createCodeService(db, repos),
    documents: createDocumentService(repos),
    highlights: createHighlightService(db, repos),
    imports: createImportService(repos, workers.runImport),
    attributes: createAttributeService(db, repos),
    analysis: createAnalysisService(repos, workers.runRead),
    excerpts: createExcerptService(repos, workers.runRead),
    assignments: createAssignmentService(db, repos),
    agreement: createAgreementService(repos, workers.runRead),
    consensus: createConsensusService(db, repos),
    // Exports run in the read worker, over its own connection (export-job.ts).
    exports: { run: (job: ExportJob) => workers.runRead.stream(job) },
    refi: createRefiService(repos, workers.runRefi),
    memos: createMemoService(repos),
    backups: createBackupService(paths),
  };
}
export type Services = ReturnType<typeof createServices>;
