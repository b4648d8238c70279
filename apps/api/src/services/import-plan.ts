import {
  findDuplicates,
  MalformedFileError,
  parseImportFile,
  type Duplicate,
  type ExistingStudy,
  type ImportProblem,
  type ImportRecord,
  type ParsedFile,
} from '@kodbok/core';
import type { ImportPreview } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { isNumeric } from './attribute-types';
import type { DecodedUpload } from './types';

/** A parsed file, with what was changed to fit the limits of a study. */
export type PlannedFile = ParsedFile & { warnings: ImportProblem[] };

/** What an import would do: the records of every file, their problems and their duplicates. */
export interface ImportPlan {
  files: PlannedFile[];
  records: ImportRecord[];
  duplicates: Duplicate[];
}

const SAMPLE = 100;

/** Every file's records and problems, before duplicates are looked for. */
export interface ParsedUpload {
  files: PlannedFile[];
  records: ImportRecord[];
}

/**
 * Parses every file (a malformed one refuses the whole upload) and sets aside records whose
 * values do not fit the project's number attributes.
 */
export function parseUpload(
  upload: DecodedUpload,
  numberAttributes: ReadonlySet<string>,
): ParsedUpload {
  const files = upload.files.map((f) => {
    try {
      return fitToLimits(
        checkNumbers(
          parseImportFile(f.text, f.name, { csvMapping: upload.mapping }),
          numberAttributes,
        ),
      );
    } catch (err) {
      if (err instanceof MalformedFileError) throw new BadRequestError(err.message);
      throw err;
    }
  });
  return { files, records: files.flatMap((f) => f.records) };
}

/** The parsed upload with its duplicates, within itself and against the project's studies. */
export function planImport(parsed: ParsedUpload, existing: ExistingStudy[]): ImportPlan {
  return { ...parsed, duplicates: findDuplicates(parsed.records, existing) };
}

function checkNumbers(file: ParsedFile, numbers: ReadonlySet<string>): ParsedFile {
  if (numbers.size === 0) return file;
  const records: ImportRecord[] = [];
  for (const r of file.records) {
    const bad = Object.entries(r.attributes).find(([k, v]) => numbers.has(k) && !isNumeric(v));
    if (!bad) records.push(r);
    else
      file.problems.push({
        file: r.file,
        line: r.line,
        message: `"${bad[0]}" is a number attribute, and "${bad[1]}" is not a number`,
      });
  }
  return { ...file, records };
}

/**
 * The wire allows 2,000 characters per title and attribute value (a study's edit sends them
 * back). A longer value (Scopus "References" cells reach 5,000) is cut, and the preview says
 * which record and which field.
 */
export const VALUE_LIMIT = 2000;

function fitToLimits(file: ParsedFile): PlannedFile {
  const warnings: ImportProblem[] = [...(file.warnings ?? [])];
  const fit = (r: ImportRecord, field: string, value: string) => {
    if (value.length <= VALUE_LIMIT) return value;
    warnings.push({
      file: r.file,
      line: r.line,
      message: `${field} has ${value.length.toLocaleString('en')} characters; the first ${VALUE_LIMIT.toLocaleString('en')} are kept`,
    });
    return `${value.slice(0, VALUE_LIMIT - 1)}…`;
  };
  for (const r of file.records) {
    r.title = fit(r, 'the title', r.title);
    for (const [k, v] of Object.entries(r.attributes)) r.attributes[k] = fit(r, `"${k}"`, v);
  }
  return { ...file, warnings };
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
    warnings: plan.files.flatMap((f) => f.warnings),
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
