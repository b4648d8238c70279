/*
 * What Kodbok writes as REFI-QDA Variables beside a study's free attributes, so that a round
 * trip brings the study back whole: its bibliographic fields and each document's kind. Such a
 * Variable is recognised by its Description, not its name, so an attribute a team happened to
 * call "Year" stays an attribute. Other tools show them as ordinary variables.
 */

export const STUDY_FIELDS = [
  'authors',
  'year',
  'journal',
  'doi',
  'pmid',
  'volume',
  'issue',
  'pages',
] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];

export const FIELD_LABELS: Record<StudyField, string> = {
  authors: 'Authors',
  year: 'Year',
  journal: 'Journal',
  doi: 'DOI',
  pmid: 'PMID',
  volume: 'Volume',
  issue: 'Issue',
  pages: 'Pages',
};

const FIELD_MARK = 'Kodbok study field: ';
const ATTRIBUTE_MARK = 'Kodbok study attribute: ';
export const KIND_DESCRIPTION = 'Kodbok document kind: abstract or text';
export const KIND_LABEL = 'Document kind';

export type AttributeKind = 'text' | 'number' | 'category';

export const fieldDescription = (field: StudyField) => `${FIELD_MARK}${field}`;
export const attributeDescription = (type: AttributeKind) => `${ATTRIBUTE_MARK}${type}`;

/** What a Variable is to Kodbok, from its Description and type. */
export type VariableRole =
  | { role: 'field'; field: StudyField }
  | { role: 'kind' }
  | { role: 'attribute'; type: AttributeKind };

export function variableRole(description: string, typeOfVariable: string): VariableRole {
  const d = description.trim();
  if (d.startsWith(FIELD_MARK)) {
    const field = d.slice(FIELD_MARK.length) as StudyField;
    if (STUDY_FIELDS.includes(field)) return { role: 'field', field };
  }
  if (d === KIND_DESCRIPTION) return { role: 'kind' };
  if (d.startsWith(ATTRIBUTE_MARK)) {
    const type = d.slice(ATTRIBUTE_MARK.length);
    if (type === 'text' || type === 'number' || type === 'category') {
      return { role: 'attribute', type };
    }
  }
  const numeric = typeOfVariable === 'Integer' || typeOfVariable === 'Float';
  return { role: 'attribute', type: numeric ? 'number' : 'text' };
}
