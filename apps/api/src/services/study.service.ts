import type { Db, Repositories, StudyInput, StudyView } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import { hasVisibleCharacter } from '@kodbok/core';
import type {
  CreateStudyBody,
  Study,
  StudyDeletion,
  StudyDeletionQuery,
  StudyIdsBody,
  StudyListQuery,
  UpdateStudyBody,
} from '@kodbok/contracts';
import { BadRequestError, DomainError, NotFoundError } from '../errors';
import { authorize, authorizeIn } from './access';
import { checkAttributeValues } from './attribute.service';
import { describeChanges } from './activity.service';
import { resolveCoders } from './coders';
import type { JsonBytes, ReadRunner } from './read-runner';
import type { CurrentUser } from './types';

const toStudy = (s: StudyView): Study => ({
  id: s.id,
  projectId: s.projectId,
  title: s.title,
  authors: s.authors,
  year: s.year,
  journal: s.journal,
  doi: s.doi,
  pmid: s.pmid,
  volume: s.volume,
  issue: s.issue,
  pages: s.pages,
  attributes: s.attributes,
  documents: s.documents,
  highlights: s.highlights,
  myHighlights: s.myHighlights,
});

/** The fields of a study the activity log tells about, in its words. */
const STUDY_FIELDS = {
  title: 'title',
  authors: 'authors',
  year: 'year',
  journal: 'journal',
  doi: 'DOI',
  pmid: 'PMID',
  volume: 'volume',
  issue: 'issue',
  pages: 'pages',
  attributes: 'attributes',
} as const;

export function createStudyService(db: Db, repos: Repositories, runRead: ReadRunner) {
  function get(user: CurrentUser, studyId: string): Study {
    authorizeIn(repos, user, repos.studies.projectOf(studyId), 'Study', 'read');
    const projectId = repos.studies.projectOf(studyId)!;
    const coderIds = resolveCoders(repos, user, projectId, undefined);
    const s = repos.studies.find(studyId, { userId: user.id, coderIds });
    if (!s) throw new NotFoundError('Study');
    return toStudy(s);
  }
  return {
    get,
    /**
     * The list as JSON (Study[], UTF-8), built by SQLite in the read worker and sent as it is: at
     * 10,000 studies a tenth of a second that nobody else waits for (issue 13).
     */
    listJson(
      user: CurrentUser,
      projectId: string,
      query: StudyListQuery,
    ): Promise<JsonBytes<Study[]>> {
      authorize(repos, user, projectId, 'read');
      const coderIds = resolveCoders(repos, user, projectId, query.coders);
      const q = query.q?.trim() || undefined;
      const counting = { userId: user.id, coderIds };
      return runRead<Study[]>({ kind: 'studyList', projectId, counting, q });
    },
    /** A study from pasted text: its text becomes the study's first document. */
    create(user: CurrentUser, projectId: string, input: CreateStudyBody): Study {
      authorize(repos, user, projectId, 'manageStudies');
      const id = inTransaction(db, () => {
        const study = repos.studies.insert(projectId, {
          title: input.title.trim(),
          authors: input.authors ?? [],
          year: input.year ?? null,
          journal: input.journal ?? null,
          doi: input.doi ?? null,
        });
        setAttributes(repos, projectId, study.id, input.attributes ?? {});
        repos.studies.insertDocument({
          studyId: study.id,
          projectId,
          kind: 'text',
          text: input.text,
        });
        repos.activity.record({
          projectId,
          actorId: user.id,
          action: 'study.created',
          subject: study.title,
        });
        return study.id;
      });
      return get(user, id);
    },
    update(user: CurrentUser, studyId: string, patch: UpdateStudyBody): Study {
      const projectId = repos.studies.projectOf(studyId);
      authorizeIn(repos, user, projectId, 'Study', 'manageStudies');
      const { attributes, ...fields } = patch;
      inTransaction(db, () => {
        const before = repos.studies.find(studyId, { userId: user.id, coderIds: [] })!;
        const clean = cleanFields(fields);
        repos.studies.update(studyId, clean);
        if (attributes) setAttributes(repos, projectId!, studyId, attributes);
        const detail = describeChanges(before, { ...clean, attributes }, STUDY_FIELDS);
        if (detail) {
          const subject = clean.title ?? before.title;
          const entry = { projectId: projectId!, actorId: user.id, subject, detail };
          repos.activity.record({ ...entry, action: 'study.updated' });
        }
      });
      return get(user, studyId);
    },
    remove(user: CurrentUser, studyId: string): void {
      const projectId = repos.studies.projectOf(studyId);
      authorizeIn(repos, user, projectId, 'Study', 'manageStudies');
      inTransaction(db, () => {
        const { title } = repos.studies.find(studyId, { userId: user.id, coderIds: [] })!;
        repos.studies.delete(studyId);
        const entry = { projectId: projectId!, actorId: user.id, subject: title };
        repos.activity.record({ ...entry, action: 'study.deleted' });
      });
    },
    /**
     * Deletes studies of one project with their documents and every coder's coding, or with
     * `mode: 'preview'` only counts what would go (what the confirmation shows). All or nothing:
     * one id that is not a study of the project (unknown, or another project's) refuses them all
     * with 404, so a stale selection never deletes half of what the user confirmed.
     */
    removeMany(
      user: CurrentUser,
      projectId: string,
      { studyIds }: StudyIdsBody,
      { mode = 'commit' }: StudyDeletionQuery,
    ): StudyDeletion {
      authorize(repos, user, projectId, 'manageStudies');
      return inTransaction(
        db,
        () => {
          const missing = repos.studies.notIn(projectId, studyIds);
          if (missing.length > 0) throw new DomainError(404, missingText(missing));
          const counts = { studies: studyIds.length, ...repos.studies.deletionCounts(studyIds) };
          if (mode === 'commit') {
            repos.studies.deleteMany(studyIds);
            repos.activity.record({
              projectId,
              actorId: user.id,
              action: 'studies.deleted',
              subject: count(counts.studies, 'study', 'studies'),
              detail: `with ${count(counts.documents, 'document', 'documents')} and ${count(counts.highlights, 'highlight', 'highlights')}`,
            });
          }
          return counts;
        },
        { immediate: mode === 'commit' },
      );
    },
  };
}

/** Replaces a study's attributes after checking them against the project's attribute types. */
function setAttributes(
  repos: Repositories,
  projectId: string,
  studyId: string,
  attributes: Record<string, string>,
) {
  const clean = Object.fromEntries(
    Object.entries(attributes)
      .map(([name, value]) => [name.trim(), value.trim()])
      .filter(([name, value]) => name && value),
  );
  // A name of only invisible characters (zero-width, controls) looks blank in every list: the
  // same rule as every other name (contracts' NOT_BLANK), worded with the attribute's name.
  const invisible = Object.keys(clean).find((name) => !hasVisibleCharacter(name));
  if (invisible !== undefined)
    throw new BadRequestError(
      `attributes: the name ${JSON.stringify(invisible)} must not be blank: it needs a visible character`,
    );
  checkAttributeValues(repos, projectId, clean);
  repos.attributes.ensure(
    projectId,
    Object.keys(clean).map((name) => ({ name, type: 'text' as const })),
  );
  repos.studies.setAttributes(studyId, clean);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Names the first stray id and how many more: enough to find them in a script's input. */
function missingText(ids: string[]): string {
  const first = `studyIds: "${ids[0]}"`;
  const what =
    ids.length === 1
      ? `${first} is not a study of this project`
      : `${first} and ${ids.length - 1} more are not studies of this project`;
  return `${what}; nothing was deleted`;
}

/**
 * Trims the text fields; a blank optional one becomes null (none), which is also what a null sent
 * for it arrives as: the validator's type coercion makes it "" on the way in.
 */
function cleanFields(fields: Omit<UpdateStudyBody, 'attributes'>): Partial<StudyInput> {
  const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);
  const clean: Partial<StudyInput> = {
    title: fields.title?.trim(),
    authors: fields.authors?.map((a) => a.trim()).filter(Boolean),
    year: fields.year,
    journal: text(fields.journal),
    doi: text(fields.doi),
    pmid: text(fields.pmid),
    volume: text(fields.volume),
    issue: text(fields.issue),
    pages: text(fields.pages),
  };
  return Object.fromEntries(Object.entries(clean).filter(([, v]) => v !== undefined));
}
