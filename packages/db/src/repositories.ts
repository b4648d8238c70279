import type { Db } from './connection';
import { createAnalysisRepository } from './repositories/analysis.repository';
import { createAgreementRepository } from './repositories/agreement.repository';
import { createAssignmentRepository } from './repositories/assignment.repository';
import { createConsensusRepository } from './repositories/consensus.repository';
import { createCountsRepository } from './repositories/counts.repository';
import { createExcerptRepository } from './repositories/excerpt.repository';
import { createHighlightCopyRepository } from './repositories/highlight-copy.repository';
import { createExportRepository } from './repositories/export.repository';
import { createRefiRepository } from './repositories/refi.repository';
import { createAttributeRepository } from './repositories/attribute.repository';
import { createCodeRepository } from './repositories/code.repository';
import { createHighlightRepository } from './repositories/highlight.repository';
import { createMemoRepository } from './repositories/memo.repository';
import { createCodebookUndoRepository } from './repositories/codebook-undo.repository';
import { createMemberRepository, createProjectRepository } from './repositories/project.repository';
import { createInvitationRepository } from './repositories/invitation.repository';
import { createActivityRepository } from './repositories/activity.repository';
import { createSessionRepository } from './repositories/session.repository';
import { createStudyRepository } from './repositories/study.repository';
import { createTokenRepository } from './repositories/token.repository';
import { createUserRepository } from './repositories/user.repository';

/** Every repository over one connection: the only code that touches SQL. */
export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    tokens: createTokenRepository(db),
    projects: createProjectRepository(db),
    members: createMemberRepository(db),
    invitations: createInvitationRepository(db),
    activity: createActivityRepository(db),
    studies: createStudyRepository(db),
    codes: createCodeRepository(db),
    highlights: createHighlightRepository(db),
    attributes: createAttributeRepository(db),
    assignments: createAssignmentRepository(db),
    agreement: createAgreementRepository(db),
    consensus: createConsensusRepository(db),
    exports: createExportRepository(db),
    refi: createRefiRepository(db),
    memos: createMemoRepository(db),
    codebookUndo: createCodebookUndoRepository(db),
    ...createAnalysisRepositories(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/** The analysis reads (frequencies, matrix, cross-tab, co-occurrence, excerpts) over one connection. */
export function createAnalysisRepositories(db: Db) {
  return {
    analysis: createAnalysisRepository(db),
    excerpts: createExcerptRepository(db),
    counts: createCountsRepository(db),
    highlightCopy: createHighlightCopyRepository(db),
  };
}
