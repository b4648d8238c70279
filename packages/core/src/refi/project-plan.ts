import { NoticeList, type RefiNotice } from './errors';
import {
  sourceLabel,
  type RefiCode,
  type RefiProject,
  type RefiSelection,
  type RefiTextSource,
} from './model';
import { clip, planCodes, type CodeTreeNode, type PlannedCode } from './plan-codes';
import { shapeStudies, type StudyFields } from './plan-studies';
import type { AttributeKind } from './kodbok-variables';
import { describeScheme, normaliseText, positionMap, type PositionScheme } from './positions';
import { chooseScheme } from './scheme-guess';
import { decodeText, findSourceFile, type ArchiveFiles } from './source-text';
import { sourceHighlights, type Coders, type PlannedHighlight } from './plan-selections';

export interface PlannedDocument {
  name: string;
  kind: 'abstract' | 'text';
  text: string;
  highlights: PlannedHighlight[];
}

export interface PlannedStudy {
  title: string;
  fields: StudyFields;
  attributes: Record<string, string>;
  documents: PlannedDocument[];
}

export interface PlannedCoder {
  /** The REFI user's GUID key, or "" for coding whose user the file does not say. */
  key: string;
  name: string;
  highlights: number;
}

/** What a .qdpx becomes in Kodbok: everything to create, and what was skipped or changed. */
export interface RefiImportPlan {
  name: string;
  origin: string;
  holds: {
    sources: number;
    cases: number;
    codes: number;
    selections: number;
    users: number;
    notes: number;
  };
  codes: PlannedCode[];
  coders: PlannedCoder[];
  studies: PlannedStudy[];
  attributes: Array<{ name: string; type: AttributeKind }>;
  scheme: PositionScheme;
  skipped: RefiNotice[];
  adjusted: RefiNotice[];
}

const MEMO_MAX = 20_000;

/**
 * Plans the import of a read project: resolves each text source's file, picks how the writing
 * tool counted positions (by its `origin`, or by what fits the text best), turns selections
 * into highlights on Kodbok's text, and groups sources into studies. Throws RefiFileError for a
 * selection outside its text; everything Kodbok cannot hold is listed in `skipped`.
 */
export function planProjectImport(
  project: RefiProject,
  files: ArchiveFiles,
  fallbackName: string,
): RefiImportPlan {
  const skipped = new NoticeList();
  const adjusted = new NoticeList();
  const { noteText, unused } = notesReader(project, files);
  const { codes, codeKeys } = codebookOf(project, noteText, adjusted);
  const texts = readTexts(project.sources, files, skipped, adjusted);
  const scheme = chooseScheme(
    project.origin,
    project.sources.filter((s) => texts.has(s.guid)),
    texts,
  );
  adjusted.add(
    'Selection positions',
    `read as ${describeScheme(scheme)}${project.origin ? ` (origin "${project.origin}")` : ''}`,
  );
  const coders: Coders = new Map(
    project.users.map((u) => [
      u.guid,
      { key: u.guid, name: u.name.trim() || 'Unnamed user', highlights: 0 },
    ]),
  );
  const linked = linkedNotes(project, noteText);
  const documents = new Map<string, PlannedDocument>();
  for (const source of project.sources) {
    const raw = texts.get(source.guid);
    if (raw === undefined) continue;
    const text = normaliseText(raw);
    const highlights = sourceHighlights({
      source,
      text,
      map: positionMap(raw, scheme),
      codeKeys,
      coders,
      memoOf: (sel) => memoOf(sel, noteText, linked),
      notices: { skipped, adjusted },
    });
    documents.set(source.guid, { name: sourceLabel(source), kind: 'text', text, highlights });
    if (source.description.trim() || source.noteRefs.length > 0) {
      skipped.add(
        `The memo of source "${sourceLabel(source)}"`,
        'Kodbok has no place for document memos yet',
      );
    }
  }
  const shaped = shapeStudies(
    project,
    project.sources.filter((s) => documents.has(s.guid)),
    { skipped, adjusted },
  );
  noteOthers(project, skipped);
  if (unused() > 0) {
    skipped.add(
      `${unused()} note(s) on other things`,
      'Kodbok keeps the memos of codes and coded selections',
    );
  }
  return {
    name: clip(project.name.trim() || fallbackName, 200),
    origin: project.origin,
    holds: holdsOf(project, codes.length),
    codes,
    coders: [...coders.values()]
      .filter((c) => c.highlights > 0)
      .map(({ key, name, highlights }) => ({ key, name, highlights })),
    studies: shaped.studies.map((s) => ({
      title: s.title,
      fields: s.fields,
      attributes: s.attributes,
      documents: s.sources.map((src) => ({
        ...documents.get(src.guid)!,
        kind: shaped.kindOf(src),
      })),
    })),
    attributes: [...shaped.attributeTypes].map(([name, type]) => ({ name, type })),
    scheme,
    skipped: skipped.list(),
    adjusted: adjusted.list(),
  };
}

/** What the file holds, as written (media sources counted too). */
function holdsOf(project: RefiProject, codes: number): RefiImportPlan['holds'] {
  const o = project.other;
  return {
    sources:
      project.sources.length + o.pictureSources + o.pdfSources + o.audioSources + o.videoSources,
    cases: project.cases.length,
    codes,
    selections: project.sources.reduce((n, s) => n + s.selections.length, 0),
    users: project.users.length,
    notes: project.notes.length,
  };
}

/** The codebook, with each code's notes added to its description; GUID → code key. */
function codebookOf(
  project: RefiProject,
  noteText: (guid: string) => string,
  adjusted: NoticeList,
) {
  const toNode = (c: RefiCode): CodeTreeNode => ({
    ref: c.guid,
    name: c.name,
    color: c.color,
    description: [c.description.trim(), ...c.noteRefs.map(noteText)].filter(Boolean).join('\n\n'),
    codable: c.codable,
    children: c.children.map(toNode),
  });
  const nodes = project.codes.map(toNode);
  const { codes, keyOf } = planCodes(nodes, adjusted);
  const codeKeys = new Map<string, string>();
  const visit = (n: CodeTreeNode) => {
    if (codeKeys.has(n.ref))
      adjusted.add(`Code GUID ${n.ref}`, 'used by two codes; codings go to the first');
    else codeKeys.set(n.ref, keyOf.get(n)!);
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return { codes, codeKeys };
}

/** Each source's text as decoded (BOM kept), by GUID; sources without usable text are listed. */
function readTexts(
  sources: readonly RefiTextSource[],
  files: ArchiveFiles,
  skipped: NoticeList,
  adjusted: NoticeList,
) {
  const texts = new Map<string, string>();
  let capitalised = false;
  for (const s of sources) {
    const what = `Source "${sourceLabel(s)}"${s.selections.length ? ` and its ${s.selections.length} selection(s)` : ''}`;
    let raw: string | undefined;
    if (s.content !== null && !s.plainTextPath) raw = s.content;
    else {
      const file = findSourceFile(files, s.plainTextPath, s.guid);
      if (file) {
        raw = decodeText(file.bytes);
        if (file.path.startsWith('Sources/')) capitalised = true;
        if (s.plainTextPath && !/^internal:\/\//i.test(s.plainTextPath)) {
          adjusted.add(
            `Source "${sourceLabel(s)}"`,
            `its plainTextPath "${s.plainTextPath}" is not internal://…; read ${file.path}`,
          );
        }
      } else if (s.content !== null) raw = s.content;
    }
    if (raw === undefined) {
      skipped.add(what, `its text (${s.plainTextPath ?? 'no plainTextPath'}) is not in the file`);
    } else if (!normaliseText(raw).trim()) {
      skipped.add(what, 'its text is empty');
    } else texts.set(s.guid, raw);
  }
  if (capitalised)
    adjusted.add(
      'The folder "Sources/"',
      'read like "sources/" (NVivo for Windows capitalises it)',
    );
  return texts;
}

/** A note's text (inline, or from its file in the archive), and how many notes nothing read. */
function notesReader(project: RefiProject, files: ArchiveFiles) {
  const notes = new Map(project.notes.map((n) => [n.guid, n]));
  const read = new Set<string>();
  const noteText = (guid: string): string => {
    const n = notes.get(guid);
    if (!n) return '';
    read.add(guid);
    if (n.content !== null) return n.content.trim();
    const file = n.plainTextPath ? findSourceFile(files, n.plainTextPath, n.guid) : undefined;
    return file ? normaliseText(decodeText(file.bytes)).trim() : '';
  };
  return { noteText, unused: () => notes.size - read.size };
}

/** Notes joined to a selection by a Link (how NVivo exports annotations). */
function linkedNotes(project: RefiProject, noteText: (guid: string) => string) {
  const isNote = new Set(project.notes.map((n) => n.guid));
  const linked = new Map<string, string[]>();
  for (const l of project.links) {
    const [sel, note] = isNote.has(l.target)
      ? [l.origin, l.target]
      : isNote.has(l.origin)
        ? [l.target, l.origin]
        : [null, null];
    if (sel && note) linked.set(sel, [...(linked.get(sel) ?? []), noteText(note)]);
  }
  return linked;
}

/** A selection's memo: its description, its notes and its codings' notes, and linked notes. */
function memoOf(
  sel: RefiSelection,
  noteText: (guid: string) => string,
  linked: ReadonlyMap<string, string[]>,
): string | null {
  const parts = [
    sel.description.trim(),
    ...sel.noteRefs.map(noteText),
    ...sel.codings.flatMap((c) => c.noteRefs.map(noteText)),
    ...(linked.get(sel.guid) ?? []),
  ].filter(Boolean);
  const unique = [...new Set(parts)];
  return unique.length > 0 ? clip(unique.join('\n\n'), MEMO_MAX) : null;
}

function noteOthers(project: RefiProject, skipped: NoticeList) {
  const o = project.other;
  const media: Array<[number, string]> = [
    [o.pictureSources, 'picture'],
    [o.pdfSources, 'PDF'],
    [o.audioSources, 'audio'],
    [o.videoSources, 'video'],
  ];
  for (const [n, kind] of media) {
    if (n > 0)
      skipped.add(`${n} ${kind} source(s) and their selections`, 'Kodbok holds text sources only');
  }
  if (o.graphs > 0) skipped.add(`${o.graphs} graph(s)`, 'Kodbok has no graphs');
  if (o.projectNotes > 0)
    skipped.add(`${o.projectNotes} project memo(s)`, 'Kodbok has no place for project memos yet');
}
