export {
  openDatabase,
  inTransaction,
  waitingAtMost,
  isBusy,
  isForeignKeyFailure,
  MIGRATIONS_DIR,
  PAGE_SIZE,
  type Db,
} from './connection';
export { createRepositories, type Repositories } from './repositories';
export type { UserRow } from './repositories/user.repository';
export type { TokenRow } from './repositories/token.repository';
export type { Membership, ProjectWithRole, Role } from './repositories/project.repository';
export type { InvitationView } from './repositories/invitation.repository';
export type { ActivityView, NewActivity } from './repositories/activity.repository';
export type { Counting, StudyView, StudyInput } from './repositories/study.repository';
export type { CodeView, CodeInput } from './repositories/code.repository';
export { CODES_IN_PROJECT } from './repositories/code.repository';
export type { HighlightView, NewHighlight } from './repositories/highlight.repository';
export { createGroupCommitter, type GroupCommitter } from './group-commit';
export { lockWaitersOf, type LockWaiters } from './lock-waiters';
export { writeGateOf, type WriteGate } from './write-gate';
export { startCheckpointer, type Checkpointer } from './checkpointer';
export type { NewStudy } from './repositories/study.repository';
export type { AttributeView, AttributeType } from './repositories/attribute.repository';
export { createAnalysisRepositories } from './repositories';
export {
  COUNTS_LOG_SPAN,
  pruneCountsLog,
  type CountChange,
  type Numbered,
  type NumberedDocument,
} from './repositories/counts.repository';
export { pruneLog, type ChangeLog } from './repositories/change-log';
export type { HeldRow, HighlightState } from './repositories/highlight-copy.repository';
export type { AnalysisScope } from './repositories/analysis-scope';
export { hasStudyFilter, totalsCover } from './repositories/analysis-scope';
export type { StudyCodingRow, StudyRef } from './repositories/agreement.repository';
export type {
  CodeCounts,
  CooccurrenceMode,
  MatrixStudy,
  PlacedCodingRow,
} from './repositories/analysis.repository';
export type {
  ExcerptCursor,
  ExcerptQuery,
  ExcerptRow,
  ExportRow,
} from './repositories/excerpt.repository';
export type { ExportCodeRow, ExportStudyRow } from './repositories/export.repository';
export type { MemoRow, MemoTarget } from './repositories/memo.repository';
export { checkDatabase, copyDatabase, databaseInUse, type CopyReport } from './backup';
