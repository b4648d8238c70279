import type { Db, Repositories, StudyView } from '@kodbok/db';
import { inTransaction } from '@kodbok/db';
import type { CreateStudyBody, Study, StudyListQuery, UpdateStudyBody } from '@kodbok/contracts';
import { NotFoundError } from '../errors';
import { authorize, authorizeIn } from './access';
import { checkAttributeValues } from './attribute.service';
import { resolveCoders } from './coders';
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

export function createStudyService(db: Db, repos: Repositories) {
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
    list(user: CurrentUser, projectId: string, query: StudyListQuery): Study[] {
      authorize(repos, user, projectId, 'read');
      const coderIds = resolveCoders(repos, user, projectId, query.coders);
      const q = query.q?.trim() || undefined;
      return repos.studies.list(projectId, { userId: user.id, coderIds }, q).map(toStudy);
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
        return study.id;
      });
      return get(user, id);
    },
    update(user: CurrentUser, studyId: string, patch: UpdateStudyBody): Study {
      const projectId = repos.studies.projectOf(studyId);
      authorizeIn(repos, user, projectId, 'Study', 'manageStudies');
      const { attributes, ...fields } = patch;
      inTransaction(db, () => {
        repos.studies.update(studyId, fields);
        if (attributes) setAttributes(repos, projectId!, studyId, attributes);
      });
      return get(user, studyId);
    },
    remove(user: CurrentUser, studyId: string): void {
      authorizeIn(repos, user, repos.studies.projectOf(studyId), 'Study', 'manageStudies');
      repos.studies.delete(studyId);
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
  checkAttributeValues(repos, projectId, clean);
  repos.attributes.ensure(
    projectId,
    Object.keys(clean).map((name) => ({ name, type: 'text' as const })),
  );
  repos.studies.setAttributes(studyId, clean);
}
