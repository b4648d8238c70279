import {
  findDuplicates,
  MalformedFileError,
  parseImportFile,
  type Duplicate,
  type ExistingStudy,
  type ImportRecord,
  type ParsedFile,
} from '@kodbok/core';
import type { ImportPreview } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import type { Upload } from './types';

/** What an import would do: the records of every file, their problems and their duplicates. */
export interface ImportPlan {
  files: ParsedFile[];
  records: ImportRecord[];
  duplicates: Duplicate[];
}

const SAMPLE = 100;

/** Parses every file (a malformed one refuses the whole upload) and finds duplicates. */
export function planImport(upload: Upload, existing: ExistingStudy[]): ImportPlan {
  const files = upload.files.map((f) => {
    try {
      return parseImportFile(f.text, f.name, { csvMapping: upload.mapping });
    } catch (err) {
      if (err instanceof MalformedFileError) throw new BadRequestError(err.message);
      throw err;
    }
  });
  const records = files.flatMap((f) => f.records);
  return { files, records, duplicates: findDuplicates(records, existing) };
}

/** The preview as the wire carries it. */
export function toPreview(plan: ImportPlan, existing: ExistingStudy[]): ImportPreview {
  const formats = new Set(plan.files.map((f) => f.format));
  const titles = new Map(existing.map((s) => [s.id, s.title]));
  const duplicateIndexes = new Set(plan.duplicates.map((d) => d.index));
  const csv = plan.files.find((f) => f.table);
  return {
    format: formats.size === 1 ? plan.files[0]!.format : 'mixed',
    files: plan.files.map((f) => ({ name: f.file, format: f.format, records: f.records.length })),
    records: plan.records.length,
    new: plan.records.length - plan.duplicates.length,
    duplicates: plan.duplicates.map((d) => {
      const r = plan.records[d.index]!;
      const matches = d.studyId ? titles.get(d.studyId)! : plan.records[d.earlierIndex!]!.title;
      return {
        file: r.file,
        line: r.line,
        title: r.title,
        year: r.year,
        reason: d.reason,
        studyId: d.studyId,
        matches,
      };
    }),
    problems: plan.files.flatMap((f) => f.problems),
    withoutText: plan.records.filter((r) => !r.abstract).length,
    sample: plan.records.slice(0, SAMPLE).map((r, i) => ({
      file: r.file,
      line: r.line,
      title: r.title,
      authors: r.authors,
      year: r.year,
      journal: r.journal,
      hasText: r.abstract.length > 0,
      duplicate: duplicateIndexes.has(i),
      attributes: r.attributes,
    })),
    csv: csv?.table ? { file: csv.file, ...csv.table } : null,
  };
}
