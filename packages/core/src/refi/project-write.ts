import { childrenByParent } from '../codebook';
import { writeArchive } from './archive';
import { guidFor } from './guid';
import {
  attributeDescription,
  fieldDescription,
  FIELD_LABELS,
  KIND_DESCRIPTION,
  KIND_LABEL,
  STUDY_FIELDS,
  type AttributeKind,
  type StudyField,
} from './kodbok-variables';
import type { StudyFields } from './plan-studies';
import { exportPositions } from './positions';
import { PROJECT_NS } from './project-read';
import { attrs, textElement } from './xml-write';

export interface ExportCode {
  id: string;
  parentId: string | null;
  name: string;
  color: string;
  description: string;
  position: number;
}

export interface ExportHighlight {
  id: string;
  start: number;
  end: number;
  coderId: string;
  codeIds: readonly string[];
  memo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExportDocument {
  id: string;
  kind: 'abstract' | 'text';
  text: string;
  highlights: readonly ExportHighlight[];
}

export interface ExportStudy {
  id: string;
  title: string;
  fields: StudyFields;
  attributes: Readonly<Record<string, string>>;
  documents: readonly ExportDocument[];
}

/** A member's memo on the project, a study, a document or a code. */
export interface ExportMemo {
  id: string;
  on: 'project' | 'study' | 'document' | 'code';
  /** The study, document or code; null for the project. */
  targetId: string | null;
  authorId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** A Kodbok project (or the part of it the filters keep) to write as REFI-QDA. */
export interface ProjectExport {
  name: string;
  origin: string;
  /** The exporting user: the Project's creator. */
  exportedBy: string;
  date: Date;
  /** Everyone named as a coder or a memo's author (and the exporting user), by Kodbok id. */
  users: ReadonlyArray<{ id: string; name: string }>;
  codes: readonly ExportCode[];
  attributes: ReadonlyArray<{ name: string; type: AttributeKind }>;
  studies: readonly ExportStudy[];
  /** Memos on the project, studies, documents and codes; those on anything not written are left out. */
  memos: readonly ExportMemo[];
}

/** The consensus coder's GUID in every export, so a round trip finds it again. */
export const CONSENSUS_GUID = 'c0a5e45a-0000-4000-8000-000000000000';

/**
 * A project as a .qdpx (zip): `project.qde` valid against Project.xsd and each document's text
 * as `sources/<guid>.txt` (UTF-8, no BOM, LF). Positions are Unicode code points of that text,
 * as the standard says (converted from Kodbok's UTF-16 offsets here, at the edge). Memos are
 * Notes, referred to by a NoteRef from the Project, the TextSource or the Code they are about; the
 * XSD gives a Case no NoteRef, so a study's memo is a Link from its Case to the Note.
 */
export function writeProjectArchive(
  p: ProjectExport,
  userGuid: (id: string) => string = defaultUserGuid,
): Uint8Array {
  const { qde, sources } = writeProject(p, userGuid);
  return writeArchive([
    { path: 'project.qde', content: qde },
    ...sources.map((s) => ({ path: s.path, content: s.text })),
  ]);
}

const defaultUserGuid = (id: string) => (id === 'consensus' ? CONSENSUS_GUID : guidFor(id));

/** The project XML and the source files it refers to. */
export function writeProject(p: ProjectExport, userGuid: (id: string) => string = defaultUserGuid) {
  const when = p.date.toISOString();
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<Project${attrs({ xmlns: PROJECT_NS, name: p.name, origin: p.origin, creatingUserGUID: userGuid(p.exportedBy), creationDateTime: when, modifyingUserGUID: userGuid(p.exportedBy), modifiedDateTime: when })}>\n`,
  ];
  if (p.users.length > 0) {
    out.push(
      '<Users>\n',
      ...p.users.map((u) => `<User${attrs({ guid: userGuid(u.id), name: u.name })}/>\n`),
      '</Users>\n',
    );
  }
  const memos = memoNotes(p, userGuid);
  out.push(...codebook(p.codes, memos.codes));
  const variables = variablesOf(p);
  if (variables.length > 0) {
    out.push(
      '<Variables>\n',
      ...variables.map(
        (v) =>
          `<Variable${attrs({ guid: v.guid, name: v.name, typeOfVariable: v.type })}>${textElement('Description', v.description)}</Variable>\n`,
      ),
      '</Variables>\n',
    );
  }
  const byName = new Map(variables.map((v) => [v.key, v]));
  if (p.studies.length > 0)
    out.push('<Cases>\n', ...p.studies.map((s) => caseOf(s, byName)), '</Cases>\n');
  const sources: Array<{ path: string; text: string }> = [];
  const notes: string[] = [];
  const documents = p.studies.flatMap((s) => s.documents.map((d, i) => ({ s, d, i })));
  if (documents.length > 0) {
    out.push('<Sources>\n');
    for (const { s, d, i } of documents) {
      const guid = guidFor(d.id);
      const { text, map } = exportPositions(d.text);
      sources.push({ path: `sources/${guid}.txt`, text });
      out.push(
        `<TextSource${attrs({ guid, name: documentName(s, d, i), plainTextPath: `internal://${guid}.txt` })}>\n`,
      );
      for (const h of d.highlights) {
        const quote = d.text.slice(h.start, h.end).replace(/\r\n?/g, '\n');
        out.push(selection(h, quote, map, userGuid, notes));
      }
      out.push(...noteRefs(memos.documents.get(d.id)));
      out.push(valueOf(byName.get('kind')!, d.kind), '</TextSource>\n');
    }
    out.push('</Sources>\n');
  }
  notes.push(...memos.notes);
  if (notes.length > 0) out.push('<Notes>\n', ...notes, '</Notes>\n');
  if (memos.links.length > 0) out.push('<Links>\n', ...memos.links, '</Links>\n');
  out.push(...noteRefs(memos.project), '</Project>\n');
  return { qde: out.join(''), sources };
}

/** A document's TextSource name: its study's title, with its kind when the study has several. */
function documentName(s: ExportStudy, d: ExportDocument, i: number): string {
  return s.documents.length === 1 ? s.title : `${s.title} (${d.kind}${i > 0 ? ` ${i + 1}` : ''})`;
}

const noteRefs = (guids: readonly string[] = []) =>
  guids.map((g) => `<NoteRef${attrs({ targetGUID: g })}/>\n`);

/**
 * The memos on what the export holds as Notes, and where each is referred to from: the project,
 * a code or a document by NoteRef (GUIDs by target id), a study by a Link from its Case.
 */
function memoNotes(p: ProjectExport, userGuid: (id: string) => string) {
  // What each memo is about, by the memo's target ("project", "<kind>:<id>"), for the Note's name.
  const about = new Map<string, string>([
    ['project', 'the project'],
    ...p.studies.map((s) => [`study:${s.id}`, s.title] as const),
    ...p.studies.flatMap((s) =>
      s.documents.map((d, i) => [`document:${d.id}`, documentName(s, d, i)] as const),
    ),
    ...p.codes.map((c) => [`code:${c.id}`, `the code ${c.name}`] as const),
  ]);
  const out = {
    notes: [] as string[],
    links: [] as string[],
    project: [] as string[],
    codes: new Map<string, string[]>(),
    documents: new Map<string, string[]>(),
  };
  const refer = (refs: Map<string, string[]>, id: string, guid: string) =>
    refs.set(id, [...(refs.get(id) ?? []), guid]);
  for (const m of p.memos) {
    const id = m.targetId ?? '';
    const label = about.get(m.on === 'project' ? 'project' : `${m.on}:${id}`);
    if (label === undefined) continue;
    const guid = guidFor(m.id, 'memo');
    const author = userGuid(m.authorId);
    out.notes.push(
      `<Note${attrs({ guid, name: `Memo on ${label}`, creatingUser: author, creationDateTime: m.createdAt, modifyingUser: author, modifiedDateTime: m.updatedAt })}>${textElement('PlainTextContent', m.text)}</Note>\n`,
    );
    if (m.on === 'project') out.project.push(guid);
    else if (m.on === 'code') refer(out.codes, id, guid);
    else if (m.on === 'document') refer(out.documents, id, guid);
    else {
      out.links.push(
        `<Link${attrs({ guid: guidFor(m.id, 'memo link'), name: 'Memo', direction: 'OneWay', originGUID: guidFor(id), targetGUID: guid })}/>\n`,
      );
    }
  }
  return out;
}

function codebook(codes: readonly ExportCode[], notes: ReadonlyMap<string, string[]>): string[] {
  if (codes.length === 0) return [];
  return ['<CodeBook>\n<Codes>\n', ...codeElements(codes, notes), '</Codes>\n</CodeBook>\n'];
}

/**
 * The codes as nested `<Code>` elements, siblings in codebook order (a .qde and a .qdc alike);
 * `notes` gives the GUIDs of each code's memo Notes, which only a .qde has.
 */
export function codeElements(
  codes: readonly ExportCode[],
  notes: ReadonlyMap<string, string[]> = new Map(),
): string[] {
  const children = childrenByParent(codes);
  const write = (parentId: string | null): string[] =>
    [...(children.get(parentId) ?? [])]
      .sort((a, b) => a.position - b.position)
      .flatMap((c) => [
        `<Code${attrs({ guid: guidFor(c.id), name: c.name, isCodable: 'true', color: /^#[0-9a-f]{6}$/i.test(c.color) ? c.color.toUpperCase() : undefined })}>`,
        c.description ? textElement('Description', c.description) : '',
        ...noteRefs(notes.get(c.id)).map((r) => r.trimEnd()),
        ...write(c.id),
        '</Code>\n',
      ]);
  return write(null);
}

interface Variable {
  key: string;
  guid: string;
  name: string;
  type: 'Text' | 'Integer' | 'Float';
  description: string;
}

/** The fields some study has, the document kind, and every attribute, as Variables. */
function variablesOf(p: ProjectExport): Variable[] {
  const has = (f: StudyField) =>
    p.studies.some((s) => (f === 'authors' ? s.fields.authors.length > 0 : s.fields[f] !== null));
  const fields = STUDY_FIELDS.filter(has).map((f): Variable => ({
    key: `field:${f}`,
    guid: guidFor(f, 'field'),
    name: FIELD_LABELS[f],
    type: f === 'year' ? 'Integer' : 'Text',
    description: fieldDescription(f),
  }));
  const kind: Variable = {
    key: 'kind',
    guid: guidFor('kind', 'field'),
    name: KIND_LABEL,
    type: 'Text',
    description: KIND_DESCRIPTION,
  };
  const attributes = p.attributes.map((a): Variable => {
    const numeric =
      a.type === 'number' &&
      p.studies.every(
        (s) =>
          s.attributes[a.name] === undefined ||
          /^-?\d+(\.\d+)?$/.test(s.attributes[a.name]!.trim()),
      );
    return {
      key: `attr:${a.name}`,
      guid: guidFor(a.name, 'attribute'),
      name: a.name,
      type: numeric ? 'Float' : 'Text',
      description: attributeDescription(a.type),
    };
  });
  return [...fields, kind, ...attributes];
}

function valueOf(v: Variable, value: string): string {
  const element =
    v.type === 'Text' ? 'TextValue' : v.type === 'Integer' ? 'IntegerValue' : 'FloatValue';
  return `<VariableValue><VariableRef${attrs({ targetGUID: v.guid })}/>${textElement(element, v.type === 'Text' ? value : value.trim())}</VariableValue>\n`;
}

function caseOf(s: ExportStudy, variables: ReadonlyMap<string, Variable>): string {
  const values: string[] = [];
  for (const f of STUDY_FIELDS) {
    const value = f === 'authors' ? s.fields.authors.join('; ') : s.fields[f];
    if (value !== null && value !== '')
      values.push(valueOf(variables.get(`field:${f}`)!, String(value)));
  }
  for (const [name, value] of Object.entries(s.attributes)) {
    const v = variables.get(`attr:${name}`);
    if (v) values.push(valueOf(v, value));
  }
  const refs = s.documents.map((d) => `<SourceRef${attrs({ targetGUID: guidFor(d.id) })}/>\n`);
  return `<Case${attrs({ guid: guidFor(s.id), name: s.title })}>\n${values.join('')}${refs.join('')}</Case>\n`;
}

/** A quote as a name: on one line, cut at `max` characters with "…" as ATLAS.ti does. */
function shortQuote(quote: string, max: number): string {
  const chars = [...quote.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

function selection(
  h: ExportHighlight,
  quote: string,
  map: Int32Array,
  userGuid: (id: string) => string,
  notes: string[],
): string {
  const start = map[h.start]!;
  const end = map[h.end]!;
  const coder = userGuid(h.coderId);
  const codings = h.codeIds.map(
    (codeId) =>
      `<Coding${attrs({ guid: guidFor(`${h.id}:${codeId}`, 'coding'), creatingUser: coder, creationDateTime: h.createdAt })}><CodeRef${attrs({ targetGUID: guidFor(codeId) })}/></Coding>\n`,
  );
  let noteRef = '';
  if (h.memo) {
    const guid = guidFor(h.id, 'note');
    notes.push(
      `<Note${attrs({ guid, name: `Memo: ${shortQuote(quote, 60)}`, creatingUser: coder, creationDateTime: h.updatedAt })}>${textElement('PlainTextContent', h.memo)}</Note>\n`,
    );
    noteRef = `<NoteRef${attrs({ targetGUID: guid })}/>\n`;
  }
  return `<PlainTextSelection${attrs({ guid: guidFor(h.id), name: shortQuote(quote, 100), startPosition: start, endPosition: end, creatingUser: coder, creationDateTime: h.createdAt, modifyingUser: coder, modifiedDateTime: h.updatedAt })}>\n${codings.join('')}${noteRef}</PlainTextSelection>\n`;
}
