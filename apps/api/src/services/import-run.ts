import { inTransaction, type Db, type NewStudy, type Repositories } from '@kodbok/db';
import type { ImportRecord } from '@kodbok/core';
import type { DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { attributeTypesFor } from './attribute-types';
import { parseUpload, planImport, toPreview, type ImportPlan } from './import-plan';
import type { Upload } from './types';
import { decodeUpload } from './upload-text';

/** One import to preview or store, as the import worker receives it (already authorised). */
export type ImportJob = { projectId: string; upload: Upload } & (
  { mode: 'preview' } | { mode: 'commit'; choice: DuplicateChoice; actorId: string }
);

/**
 * Runs an import on `db`: decodes and parses the files, then previews them or stores them in one
 * all-or-nothing transaction. The duplicate check reads the project's studies inside that
 * (immediate) transaction, so no study added meanwhile can slip past it.
 */
export function runImport(
  db: Db,
  repos: Repositories,
  job: ImportJob,
): ImportPreview | ImportResult {
  const parsed = parseUpload(decodeUpload(job.upload), numberAttributes(repos, job.projectId));
  if (job.mode === 'preview') {
    const existing = repos.studies.keys(job.projectId);
    return toPreview(planImport(parsed, existing), existing);
  }
  const unmapped = parsed.files.find((f) => f.table && !f.table.mapping.title);
  if (unmapped)
    throw new BadRequestError(`CSV file ${unmapped.file}: map a column to the title first`);
  const problems = parsed.files.reduce((n, f) => n + f.problems.length, 0);
  return inTransaction(
    db,
    () => {
      const plan = planImport(parsed, repos.studies.keys(job.projectId));
      const { created, updated, skipped } = write(repos, job.projectId, plan, job.choice);
      const result = { created, updated, skipped: skipped + problems };
      repos.activity.record({
        projectId: job.projectId,
        actorId: job.actorId,
        action: 'studies.imported',
        subject: job.upload.files.map((f) => f.name).join(', '),
        detail: `${result.created} created, ${result.updated} updated, ${result.skipped} skipped`,
      });
      return result;
    },
    { immediate: true },
  );
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
