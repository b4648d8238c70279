import type { Db, NewStudy, Repositories } from '@kodbok/db';
import { findDuplicates, type ImportRecord } from '@kodbok/core';
import type { DuplicateChoice, ImportResult } from '@kodbok/contracts';
import { NotFoundError } from '../errors';
import { attributeTypesFor } from './attribute-types';
import { planImport, type ImportPlan, type ParsedUpload } from './import-plan';
import {
  discardNow,
  lockedTransaction,
  stageInSlices,
  SLICING,
  type Slicing,
} from './import-staging';

/** What a commit needs besides the parsed files. */
export interface CommitRequest {
  projectId: string;
  choice: DuplicateChoice;
  actorId: string;
  /** The activity entry's subject: the files' names. */
  subject: string;
  /** Records set aside while parsing, counted as skipped. */
  problems: number;
}

/** Hooks of a commit: where the staging project's id goes, and the slicing (tests change it). */
export interface CommitHooks {
  onStaging?: (stagingId: string) => void;
  slicing?: Slicing;
}

/** A study as a record of the file, and its new id in the staging project. */
type Staged = { id: string; record: ImportRecord };

/**
 * Stores an import so that nobody sees it partly and nobody waits long for the write lock
 * (docs/decisions/019): the new studies are written in short slices into a hidden staging
 * project, then ONE short transaction checks duplicates again against studies added meanwhile,
 * applies "update" choices, moves the staged studies to the project and records the activity.
 * On any failure the staging project is deleted; what a killed worker leaves behind is deleted
 * by the runner or at the next start.
 */
export function commitImport(
  db: Db,
  repos: Repositories,
  parsed: ParsedUpload,
  request: CommitRequest,
  hooks: CommitHooks = {},
): ImportResult {
  // A second back: a study stamped just before this and committed after the read below is seen
  // again at publication (the snapshot's ids are left out there).
  const since = new Date(Date.now() - 1000).toISOString();
  const existing = repos.studies.keys(request.projectId);
  const plan = planImport(parsed, existing);
  const { toCreate, updates, skipped } = decide(plan, request);
  // Computed before the final transaction, which should only write.
  const attributeTypes = attributeTypesFor(plan.records);
  const known = new Set(existing.map((s) => s.id));
  const stagingId = repos.projects.insertStaging(request.projectId).id;
  hooks.onStaging?.(stagingId);
  try {
    const ids = stageInSlices(
      db,
      repos,
      { id: stagingId, stagedFor: request.projectId },
      toCreate.map(toNewStudy),
      hooks.slicing ?? SLICING,
    );
    const staged = ids.map((id, i) => ({ id, record: toCreate[i]! }));
    return lockedTransaction(db, () =>
      publish(repos, request, {
        stagingId,
        staged,
        updates,
        skipped,
        attributeTypes,
        since,
        known,
      }),
    );
  } catch (err) {
    discardNow(db, repos, stagingId);
    throw err;
  }
}

/** What becomes of each record, as the user chose for duplicates. */
function decide(plan: ImportPlan, request: CommitRequest) {
  const duplicateOf = new Map(plan.duplicates.map((d) => [d.index, d]));
  const toCreate: ImportRecord[] = [];
  const updates: Array<{ studyId: string; record: ImportRecord }> = [];
  let skipped = request.problems;
  plan.records.forEach((record, index) => {
    const d = duplicateOf.get(index);
    if (!d || request.choice === 'import') toCreate.push(record);
    else if (request.choice === 'update' && d.studyId) updates.push({ studyId: d.studyId, record });
    else skipped++;
  });
  return { toCreate, updates, skipped };
}

interface Publication {
  stagingId: string;
  staged: Staged[];
  updates: Array<{ studyId: string; record: ImportRecord }>;
  skipped: number;
  attributeTypes: ReturnType<typeof attributeTypesFor>;
  since: string;
  /** The project's studies when the import was planned. */
  known: ReadonlySet<string>;
}

/** The final transaction: everything the project's members will see, at once. */
function publish(repos: Repositories, request: CommitRequest, p: Publication): ImportResult {
  const { projectId } = request;
  if (!repos.projects.exists(projectId))
    throw new NotFoundError('The project was deleted during the import; nothing was stored');
  const late = lateDuplicates(repos, request, p);
  repos.studies.deleteMany(late.map((d) => d.stagedId));
  const updates = [...p.updates, ...(request.choice === 'update' ? late : [])];
  // A study deleted meanwhile cannot be updated: its record is skipped.
  const gone = new Set(
    repos.studies.notIn(
      projectId,
      updates.map((u) => u.studyId),
    ),
  );
  const kept = updates.filter((u) => !gone.has(u.studyId));
  const fill = repos.studies.filler(projectId);
  for (const u of kept) fill(u.studyId, toNewStudy(u.record));
  const updated = kept.length;
  const skipped =
    p.skipped + updates.length - kept.length + (request.choice === 'skip' ? late.length : 0);
  repos.attributes.ensure(projectId, p.attributeTypes);
  const created = repos.studies.moveAll(p.stagingId, projectId);
  repos.projects.delete(p.stagingId);
  const result = { created, updated, skipped };
  repos.activity.record({
    projectId,
    actorId: request.actorId,
    action: 'studies.imported',
    subject: request.subject,
    detail: `${result.created} created, ${result.updated} updated, ${result.skipped} skipped`,
  });
  return result;
}

/**
 * Staged studies that duplicate a study added to the project since the import was planned: not
 * to be created ("skip" and "update"; "import" creates duplicates anyway). Usually none, and
 * then no record is looked at again while the lock is held.
 */
function lateDuplicates(repos: Repositories, request: CommitRequest, p: Publication) {
  if (request.choice === 'import') return [];
  const added = repos.studies
    .keysSince(request.projectId, p.since)
    .filter((s) => !p.known.has(s.id));
  if (added.length === 0) return [];
  return findDuplicates(
    p.staged.map((s) => s.record),
    added,
  ).flatMap((d) => {
    const staged = p.staged[d.index]!;
    return d.studyId ? [{ studyId: d.studyId, record: staged.record, stagedId: staged.id }] : [];
  });
}

function toNewStudy(r: ImportRecord): NewStudy {
  return {
    title: r.title,
    authors: r.authors,
    year: r.year,
    journal: r.journal,
    doi: r.doi,
    pmid: r.pmid,
    volume: r.volume,
    issue: r.issue,
    pages: r.pages,
    abstract: r.abstract,
    // Titles and values longer than the wire allows were cut, with a warning, when parsed.
    attributes: r.attributes,
  };
}
