import { inTransaction, type Db, type NewStudy, type Repositories } from '@kodbok/db';
import type { ImportRecord } from '@kodbok/core';
import type { DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { authorize } from './access';
import { attributeTypesFor } from './attribute-types';
import { planImport, toPreview, type ImportPlan } from './import-plan';
import type { CurrentUser, Upload } from './types';

/** Bringing studies in from files: preview first, then one all-or-nothing transaction. */
export function createImportService(db: Db, repos: Repositories) {
  return {
    preview(user: CurrentUser, projectId: string, upload: Upload): ImportPreview {
      authorize(repos, user, projectId, 'manageStudies');
      const existing = repos.studies.keys(projectId);
      return toPreview(planImport(upload, existing, numberAttributes(repos, projectId)), existing);
    },

    commit(
      user: CurrentUser,
      projectId: string,
      upload: Upload,
      choice: DuplicateChoice,
    ): ImportResult {
      authorize(repos, user, projectId, 'manageStudies');
      // From reading the project's studies to the end of the transaction this is synchronous, so
      // no other request can add a study in between and slip past duplicate detection.
      const plan = planImport(
        upload,
        repos.studies.keys(projectId),
        numberAttributes(repos, projectId),
      );
      const unmapped = plan.files.find((f) => f.table && !f.table.mapping.title);
      if (unmapped)
        throw new BadRequestError(`CSV file ${unmapped.file}: map a column to the title first`);
      const problems = plan.files.reduce((n, f) => n + f.problems.length, 0);
      return inTransaction(db, () => {
        const { created, updated, skipped } = write(repos, projectId, plan, choice);
        return { created, updated, skipped: skipped + problems };
      });
    },
  };
}

function numberAttributes(repos: Repositories, projectId: string): Set<string> {
  const types = repos.attributes.types(projectId);
  return new Set([...types].filter(([, type]) => type === 'number').map(([name]) => name));
}

/** Creates the new records and handles duplicates as chosen. Runs inside the transaction. */
function write(repos: Repositories, projectId: string, plan: ImportPlan, choice: DuplicateChoice) {
  const duplicateOf = new Map(plan.duplicates.map((d) => [d.index, d]));
  const toCreate: ImportRecord[] = [];
  let updated = 0;
  let skipped = 0;
  plan.records.forEach((record, index) => {
    const d = duplicateOf.get(index);
    if (!d || choice === 'import') toCreate.push(record);
    else if (choice === 'update' && d.studyId) {
      updateStudy(repos, projectId, d.studyId, record);
      updated++;
    } else skipped++;
  });
  repos.attributes.ensure(projectId, attributeTypesFor(plan.records));
  const created = repos.studies.insertMany(projectId, toCreate.map(toNewStudy));
  return { created, updated, skipped };
}

function toNewStudy(r: ImportRecord): NewStudy {
  return {
    title: r.title.slice(0, 2000),
    authors: r.authors,
    year: r.year,
    journal: r.journal,
    doi: r.doi,
    pmid: r.pmid,
    volume: r.volume,
    issue: r.issue,
    pages: r.pages,
    abstract: r.abstract,
    // The wire allows 2000 characters per attribute value (a study's edit sends them back).
    attributes: Object.fromEntries(
      Object.entries(r.attributes).map(([k, v]) => [
        k,
        v.length > 2000 ? `${v.slice(0, 1999)}…` : v,
      ]),
    ),
  };
}

/**
 * Fills an existing study from a record: fields the record has replace the study's, attributes
 * merge, and the abstract is added only if the study has no document (coded text never changes).
 */
function updateStudy(repos: Repositories, projectId: string, studyId: string, r: ImportRecord) {
  const { abstract, attributes, ...fields } = toNewStudy(r);
  const present = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)),
  );
  repos.studies.update(studyId, present);
  repos.studies.mergeAttributes(studyId, attributes);
  if (abstract && !repos.studies.hasDocuments(studyId)) {
    repos.studies.insertDocument({ studyId, projectId, kind: 'abstract', text: abstract });
  }
}
