import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  type AnySQLiteColumn,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { ACTIVITY_ACTIONS } from '@kodbok/core';

/*
 * The tables, one per domain noun (DESIGN.md). Timestamps are ISO 8601 strings so that they sort
 * and read the same in SQL and on the wire. Ids are random UUIDs as text.
 */

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  // Null for accounts that cannot sign in (the demo coders).
  passwordHash: text('password_hash'),
  isInstanceOwner: integer('is_instance_owner', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // SHA-256 of the secret: the secret itself is shown once and never stored.
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const projects = sqliteTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  coderCanEditCodebook: integer('coder_can_edit_codebook', { mode: 'boolean' })
    .notNull()
    .default(false),
  // Blind double coding: coders see only their own highlights (enforced in the services).
  independentCoding: integer('independent_coding', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  // Set on a hidden project that holds an import's studies while they are written in slices
  // (docs/decisions/019): the project they will move to. Nobody is a member of it, so every
  // project-scoped read already hides it; deleting the target deletes it too. A project that a
  // REFI-QDA import is creating is staged for itself until its final transaction.
  stagedFor: text('staged_for').references((): AnySQLiteColumn => projects.id, {
    onDelete: 'cascade',
  }),
});

export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'supervisor', 'coder', 'viewer'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('members_user_idx').on(t.userId)],
);

/**
 * A pending invitation to a project, addressed to an e-mail rather than to an account, so that
 * inviting never tells whether an account exists (decision 016). Accepting, declining and
 * withdrawing delete it; there is one per project and e-mail.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    // Lower-cased, as users.email is: an account finds its invitations by plain equality.
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'supervisor', 'coder', 'viewer'] }).notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_project_email_idx').on(t.projectId, t.email),
    index('invitations_email_idx').on(t.email),
  ],
);

/**
 * The project's activity log: who created, changed or deleted what in its structure and team
 * (the actions of contracts/activity.ts; coding is not logged). Written in the transaction of the
 * change it records. Ids are time-ordered (ids.ts), so the log pages by id.
 */
export const activity = sqliteTable(
  'activity',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    // Kept when the account goes: the entry stays, without a name.
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action', { enum: ACTIVITY_ACTIONS }).notNull(),
    subject: text('subject').notNull(),
    detail: text('detail'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('activity_project_idx').on(t.projectId, t.id)],
);

export const studies = sqliteTable(
  'studies',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // JSON array of "Surname, Given" strings, in author order.
    authors: text('authors').notNull().default('[]'),
    year: integer('year'),
    journal: text('journal'),
    doi: text('doi'),
    pmid: text('pmid'),
    volume: text('volume'),
    issue: text('issue'),
    pages: text('pages'),
    createdAt: text('created_at').notNull(),
    // Core's sortKey of the title and of the first author (null without authors), written by the
    // study repository with every title and author change: the two orders studies are listed in
    // are then plain indexes that any SQLite tool can check and write (issue 13, migration 0012).
    titleKey: text('title_key').notNull().default(''),
    authorKey: text('author_key'),
  },
  (t) => [
    // The project's studies and nothing else: the narrowest index, so that counting them (every
    // analysis view's total) reads a fifth of the pages the ordered indexes would (migration 0020).
    index('studies_project_idx').on(t.projectId),
    index('studies_title_order_idx').on(t.projectId, t.titleKey, t.title),
    index('studies_citation_order_idx').on(t.projectId, t.authorKey, t.year, t.titleKey, t.id),
  ],
);

/**
 * The project's attributes and their types. A study's values live in study_attributes; a name
 * used there is listed here too (imports and edits add it), so the type is known for every value.
 */
export const attributes = sqliteTable(
  'attributes',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type', { enum: ['text', 'number', 'category'] })
      .notNull()
      .default('text'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.name] })],
);

export const studyAttributes = sqliteTable(
  'study_attributes',
  {
    studyId: text('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.studyId, t.name] }),
    index('attributes_name_idx').on(t.name, t.value),
  ],
);

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    studyId: text('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    // Denormalised so authorisation of a document is one lookup, not a join per request.
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['abstract', 'text'] }).notNull(),
    text: text('text').notNull(),
    length: integer('length').notNull(),
    createdAt: text('created_at').notNull(),
  },
  // Covering (study, order, id, kind, length): reading a study's documents never touches their
  // rows, whose long text pushes the later columns onto overflow pages (agreement reads every
  // study; the study list every document's summary).
  (t) => [
    index('documents_study_idx').on(t.studyId, t.createdAt, t.id, t.kind, t.length),
    // Deleting a project looks up its documents by this column (the foreign key's cascade):
    // without an index that read every document of every project, about 80 ms per 10,000
    // abstracts, inside the transaction that publishes an import (docs/decisions/019). With the
    // id it is also the order in which excerpts page through a project: documents, then each
    // one's highlights by highlights_document_idx (decision 022). Unique, so SQLite knows each
    // entry is one document and takes the highlights' order from their index without a sort.
    uniqueIndex('documents_project_idx').on(t.projectId, t.id),
  ],
);

export const codes = sqliteTable(
  'codes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    color: text('color').notNull(),
    description: text('description').notNull().default(''),
    keywords: text('keywords').notNull().default('[]'),
    position: integer('position').notNull().default(0),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('codes_project_idx').on(t.projectId, t.parentId),
    // Sibling names are also unique in SQL (migrations/0001_sibling_names.sql, an expression
    // index drizzle-kit cannot generate); the service gives the friendly error first.
  ],
);

export const highlights = sqliteTable(
  'highlights',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    coderId: text('coder_id')
      .notNull()
      .references(() => users.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    quote: text('quote').notNull(),
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    memo: text('memo'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // A document's highlights in excerpt order (start, id: excerpts are keyset-paged on it);
    // with the coder, the studies list counts everyone's and mine from the index alone (3×
    // faster at a million highlights than reading each row); with the end, agreement reads a
    // comparison's spans from it without the rows, which their quotes make wide (migration
    // 0022: 261,000 codings in 335 ms instead of 440).
    index('highlights_document_idx').on(t.documentId, t.start, t.id, t.coderId, t.end),
    // No (project, document) index: excerpts page through a project's documents and each one's
    // highlights by the index above, and a highlight is one index write fewer (decision 022).
    index('highlights_project_coder_idx').on(t.projectId, t.coderId),
  ],
);

export const highlightCodes = sqliteTable(
  'highlight_codes',
  {
    highlightId: text('highlight_id')
      .notNull()
      .references(() => highlights.id, { onDelete: 'cascade' }),
    codeId: text('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.highlightId, t.codeId] }),
    // With the highlight, so that a code's highlights are read from the index alone: a theme's
    // co-occurrence and the excerpts of several codes walk them (migration 0023).
    index('highlight_codes_code_idx').on(t.codeId, t.highlightId),
  ],
);

/*
 * Analysis tables (docs/decisions/007): derived from codes and highlights, kept current in the same
 * transaction as every write, so frequencies and the matrix read a few hundred rows instead of a
 * million highlights.
 */

/** Every (ancestor, descendant) pair of a project's codebook, including (code, code). */
export const codeClosure = sqliteTable(
  'code_closure',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    ancestorId: text('ancestor_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    descendantId: text('descendant_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index('code_closure_descendant_idx').on(t.descendantId, t.ancestorId),
    index('code_closure_project_idx').on(t.projectId),
  ],
);

/**
 * Rolled-up counts: how many distinct highlights of one coder in one document carry `codeId` or
 * any of its descendants. A row exists only while the count is above zero.
 */
export const analysisCounts = sqliteTable(
  'analysis_counts',
  {
    // Rowids, not text ids (migration 0025, decision 028): four UUIDs made a key of some 150
    // bytes, so 1.9 million counts were a b-tree seven levels deep and 400 MB; as integers the key
    // is a dozen bytes, four levels and 36 MB, and a highlight's counts cost it a third less.
    // The rowids of codes, studies, documents and users never change (nothing here runs VACUUM,
    // which may renumber them). No foreign keys (a rowid cannot be one's target): a
    // code's counts go with it, and a study's or a document's, through triggers (migration 0025).
    code: integer('code').notNull(),
    study: integer('study').notNull(),
    document: integer('document').notNull(),
    coder: integer('coder').notNull(),
    highlights: integer('highlights').notNull(),
  },
  (t) => [
    // The one b-tree (WITHOUT ROWID, hand-edited in the migration): each count written is one
    // random page. Code first: a code's counts are one range (the read worker's copy, one code's
    // frequencies, the cross-tab, co-occurrence); a page of studies' cells is one search per code
    // and study (the matrix). A second index in study order cost a coder's highlight two more
    // random pages, 10 % of the writes at a million highlights (migration 0021).
    primaryKey({ columns: [t.code, t.study, t.document, t.coder] }),
  ],
);

/**
 * Per-code totals over the whole project, per coder and for every coder but the consensus
 * (`coder` = EVERY_CODER), maintained by triggers on analysis_counts: the unfiltered frequencies
 * table in one read.
 */
export const analysisTotals = sqliteTable(
  'analysis_totals',
  {
    // Rowids, as in analysis_counts (migration 0026, decision 028): the triggers that keep these
    // rows run twice for every count written, and under text ids each first looked the code and
    // the coder up and then searched a key of two UUIDs and the table behind it. A code's totals
    // go with its counts (their delete trigger drops a row that reaches zero); no foreign keys.
    code: integer('code').notNull(),
    coder: integer('coder').notNull(),
    highlights: integer('highlights').notNull(),
    documents: integer('documents').notNull(),
    studies: integer('studies').notNull(),
  },
  // WITHOUT ROWID, hand-edited in the migration: the key is the row.
  (t) => [primaryKey({ columns: [t.code, t.coder] })],
);

/** analysis_totals' coder for every coder but the consensus (users' rowids start at 1). */
export const EVERY_CODER = 0;

/**
 * Highlights per document and coder, kept by triggers on highlights: the study list's counts in
 * a read of a few rows per study rather than a count over every highlight (issue 13). Keyed by
 * document, not study, so a trigger needs no lookup and a deleted document takes its rows along.
 */
export const documentCounts = sqliteTable(
  'document_counts',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    coderId: text('coder_id').notNull(),
    highlights: integer('highlights').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.coderId] })],
);

/** Highlights per project and coder, kept by triggers: the unfiltered excerpts total in one read. */
export const highlightCounts = sqliteTable(
  'highlight_counts',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    coderId: text('coder_id').notNull(),
    highlights: integer('highlights').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.coderId] })],
);

/*
 * Coding consistency (blind double coding, assignments, reconciliation). The consensus coding is
 * a coder of its own: highlights whose coder_id is the `consensus` user (created by migration
 * 0005; it cannot sign in), so every count and filter that works per coder works for it too.
 */

/** A study given to a coder to code; `doneAt` set when they mark it done. */
export const assignments = sqliteTable(
  'assignments',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    studyId: text('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedAt: text('assigned_at').notNull(),
    doneAt: text('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.studyId, t.userId] }),
    index('assignments_project_user_idx').on(t.projectId, t.userId),
  ],
);

/** A study whose disagreements a supervisor has worked through (deleted when reopened). */
export const reconciliations = sqliteTable('reconciliations', {
  studyId: text('study_id')
    .primaryKey()
    .references(() => studies.id, { onDelete: 'cascade' }),
  projectId: text('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  reconciledAt: text('reconciled_at').notNull(),
});

/**
 * What a supervisor decided for one disagreement: a region of a document and one code, whose
 * consensus coding was set to the union of `accepted` coders' coding there (none: not coded).
 * Kept as a record of who resolved what and when; the consensus highlights carry the result.
 */
export const resolutions = sqliteTable(
  'resolutions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: text('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    // JSON arrays of user ids: the coders compared, and those whose version was accepted.
    coders: text('coders').notNull(),
    accepted: text('accepted').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('resolutions_document_idx').on(t.documentId, t.codeId, t.start)],
);

/** A short discussion thread on one disagreement (document, code, region). */
export const disagreementComments = sqliteTable(
  'disagreement_comments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    codeId: text('code_id')
      .notNull()
      .references(() => codes.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('disagreement_comments_document_idx').on(t.documentId, t.codeId, t.start)],
);

/**
 * A member's memo on the project, a study, a document or a code (highlight memos live on the
 * highlight). One per author and target: `target` is "project" or "<kind>:<id>", and the
 * target's own column points at it so the memo goes when it does.
 */
export const memos = sqliteTable(
  'memos',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    studyId: text('study_id').references(() => studies.id, { onDelete: 'cascade' }),
    documentId: text('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    codeId: text('code_id').references(() => codes.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('memos_target_user_idx').on(t.projectId, t.target, t.userId),
    index('memos_study_idx').on(t.studyId),
    index('memos_document_idx').on(t.documentId),
    index('memos_code_idx').on(t.codeId),
  ],
);

/**
 * What a code's deletion or merge changed, kept so that its author can undo it: the code row,
 * its sub-codes, its codings, the highlights it took with it and its memos (JSON in `payload`).
 * Kept for a while (codebook-undo.repository.ts prunes), deleted when used.
 */
export const codebookUndo = sqliteTable(
  'codebook_undo',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['delete', 'merge'] }).notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('codebook_undo_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * Every change to analysis_counts, in order, written by triggers (migration 0014): the read
 * worker keeps an in-memory copy of a project's counts (counts-cache.ts) and brings it up to date
 * from here instead of reading the million rows again. `highlights` is the row's new value, 0 when
 * it was deleted. Only the newest rows are kept (pruneCountsLog); AUTOINCREMENT keeps the numbers
 * rising and gapless, so a reader can tell whether the rows it needs are still here.
 */
export const countsLog = sqliteTable('counts_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  projectId: text('project_id').notNull(),
  // Rowids, as in analysis_counts (migration 0025).
  code: integer('code').notNull(),
  study: integer('study').notNull(),
  document: integer('document').notNull(),
  coder: integer('coder').notNull(),
  highlights: integer('highlights').notNull(),
});

/**
 * Highlights changed (migration 0024): written by triggers on highlights and highlight_codes, read
 * by the read worker to keep its in-memory copy of each project's highlights current
 * (docs/decisions/025), pruned like counts_log. `highlight` is the highlight's rowid; the worker
 * reads its present state (or finds it gone), so a change logged twice does no harm.
 */
export const highlightsLog = sqliteTable('highlights_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  projectId: text('project_id').notNull(),
  highlight: integer('highlight').notNull(),
});

/**
 * A row here while a group commit stores new highlights (migration 0018): the trigger that adds a
 * new highlight to the excerpt search's index (highlights_fts) then leaves it to the group, which
 * adds its highlights in one statement at its end. Row by row, the index wrote a new segment for
 * every highlight (FTS5 writes out its pending terms at each statement that may need undoing).
 * Written and deleted inside the group's transaction, so no other connection ever sees it.
 */
export const highlightsFtsDeferred = sqliteTable('highlights_fts_deferred', {
  id: integer('id').primaryKey(),
});
