export { openDatabase, inTransaction, MIGRATIONS_DIR, type Db } from './connection';
export { createRepositories, type Repositories } from './repositories';
export type { UserRow } from './repositories/user.repository';
export type { TokenRow } from './repositories/token.repository';
export type { ProjectWithRole, Role } from './repositories/project.repository';
export type { StudyView, StudyInput } from './repositories/study.repository';
export type { CodeView, CodeInput } from './repositories/code.repository';
export type { HighlightView, NewHighlight } from './repositories/highlight.repository';
export { createGroupCommitter, type GroupCommitter } from './group-commit';
