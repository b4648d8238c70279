import type { NoticeList } from './errors';
import { codePoints, hasVisibleCharacter } from '../visible-name';
import { clip } from './plan-codes';
import {
  variableRole,
  type AttributeKind,
  type StudyField,
  type VariableRole,
} from './kodbok-variables';
import {
  sourceLabel,
  type RefiCase,
  type RefiProject,
  type RefiTextSource,
  type RefiValue,
  type RefiVariable,
} from './model';

/** A study's bibliographic fields. */
export interface StudyFields {
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
}

export const emptyFields = (): StudyFields => ({
  authors: [],
  year: null,
  journal: null,
  doi: null,
  pmid: null,
  volume: null,
  issue: null,
  pages: null,
});

/** A study to create from a Case (or from a source no Case holds), with its sources in order. */
export interface StudyShape {
  title: string;
  fields: StudyFields;
  attributes: Record<string, string>;
  sources: RefiTextSource[];
  /** The Case it is made from (whose description and notes are its memos); null for a lone source. */
  case: RefiCase | null;
}

const TITLE_MAX = 2000;
const VALUE_MAX = 2000;

/**
 * Groups the text sources into studies: each Case is a study holding the sources it refers to
 * (a source in several cases goes with the first); a source no case holds is a study of its own,
 * titled by the source's name. Case and source variable values become fields, attributes and the
 * document kind; ATLAS.ti's attribute Sets ("gender: male", deviations §B22) become attributes.
 */
export function shapeStudies(
  project: RefiProject,
  sources: readonly RefiTextSource[],
  notices: { skipped: NoticeList; adjusted: NoticeList },
) {
  const roles = new Map(
    project.variables
      .filter((v) => namesAttribute(v, notices.skipped))
      .map((v) => [v.guid, { v, role: variableRole(v.description, v.type) }]),
  );
  const attributeTypes = new Map<string, AttributeKind>();
  const byGuid = new Map(sources.map((s) => [s.guid, s]));
  const placed = new Set<string>();
  const studies: StudyShape[] = [];
  const apply = (study: StudyShape, values: readonly RefiValue[]) => {
    for (const value of values) {
      const found = roles.get(value.variable);
      if (!found || !value.value) continue;
      applyValue(study, found.v.name, found.role, value.value, attributeTypes);
    }
  };
  for (const c of project.cases) {
    const members = c.sources.flatMap((guid) => {
      const s = byGuid.get(guid);
      if (!s) return [];
      if (placed.has(guid)) {
        notices.adjusted.add(
          `Source "${sourceLabel(s)}"`,
          `is in several cases; kept in the first, not in "${c.name}"`,
        );
        return [];
      }
      placed.add(guid);
      return [s];
    });
    const title =
      c.name.trim() || (members[0] && sourceLabel(members[0])) || `Case ${studies.length + 1}`;
    const study: StudyShape = {
      title: clip(title, TITLE_MAX),
      fields: emptyFields(),
      attributes: {},
      sources: members,
      case: c,
    };
    apply(study, c.values);
    for (const s of members) apply(study, s.values);
    studies.push(study);
  }
  for (const s of sources) {
    if (placed.has(s.guid)) continue;
    const study: StudyShape = {
      title: clip(sourceLabel(s), TITLE_MAX),
      fields: emptyFields(),
      attributes: {},
      sources: [s],
      case: null,
    };
    apply(study, s.values);
    studies.push(study);
  }
  setAttributes(project, studies, attributeTypes, notices.skipped);
  return { studies, attributeTypes, kindOf: (s: RefiTextSource) => kindOf(s, roles) };
}

/**
 * Whether a variable can become what its role says. An attribute variable whose name shows as
 * nothing (zero-width or control characters only: no VISIBLE_CHARACTER) cannot name a study
 * attribute, and is skipped with a notice naming it as code points. Skipped, not refused: the
 * rest of a project from another tool (its codes, texts and coding) is what the user came for,
 * and a .qdpx cannot be fixed by hand as a CSV header can.
 */
function namesAttribute(v: RefiVariable, skipped: NoticeList): boolean {
  if (variableRole(v.description, v.type).role !== 'attribute') return true;
  if (hasVisibleCharacter(v.name)) return true;
  skipped.add(
    `Variable ${codePoints(v.name.trim())}`,
    'its name has no visible character, so it cannot name a study attribute; its values are left out',
  );
  return false;
}

function applyValue(
  study: StudyShape,
  name: string,
  role: VariableRole,
  value: string,
  types: Map<string, AttributeKind>,
) {
  if (role.role === 'kind') return;
  if (role.role === 'field') {
    setField(study.fields, role.field, value);
    return;
  }
  const key = name.trim().slice(0, 200);
  if (!key) return;
  study.attributes[key] = clip(value, VALUE_MAX);
  if (!types.has(key)) types.set(key, role.type);
}

function setField(fields: StudyFields, field: StudyField, value: string) {
  if (field === 'authors') fields.authors = value.split(/\s*;\s*/).filter(Boolean);
  else if (field === 'year') {
    const year = Number.parseInt(value, 10);
    fields.year = Number.isFinite(year) ? year : null;
  } else fields[field] = value;
}

function kindOf(
  source: RefiTextSource,
  roles: ReadonlyMap<string, { role: VariableRole }>,
): 'abstract' | 'text' {
  const kind = source.values.find((v) => roles.get(v.variable)?.role.role === 'kind');
  return kind?.value === 'abstract' ? 'abstract' : 'text';
}

/** Sets named "name: value" whose members are sources become that attribute of their studies. */
function setAttributes(
  project: RefiProject,
  studies: StudyShape[],
  types: Map<string, AttributeKind>,
  skipped: NoticeList,
) {
  const studyOf = new Map(studies.flatMap((st) => st.sources.map((s) => [s.guid, st] as const)));
  let groups = 0;
  for (const set of project.sets) {
    const m = /^([^:]{1,100}):\s*(.+)$/.exec(set.name.trim());
    // A set named ": value" with only invisible characters before the colon is no attribute.
    if (m && hasVisibleCharacter(m[1]!) && set.sources.length > 0 && set.codes.length === 0) {
      const name = m[1]!.trim();
      for (const guid of set.sources) {
        const study = studyOf.get(guid);
        if (study && !(name in study.attributes))
          study.attributes[name] = clip(m[2]!.trim(), VALUE_MAX);
      }
      if (!types.has(name)) types.set(name, 'category');
    } else groups++;
  }
  if (groups > 0) {
    skipped.add(
      `${groups} set(s) (groups of codes or documents)`,
      'Kodbok has no groups of codes or documents',
    );
  }
}
