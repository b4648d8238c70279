import { NoticeList, type RefiNotice } from './errors';
import { sourceLabel, type RefiCode, type RefiProject, type RefiTextSource } from './model';
import { clip, planCodes, type CodeTreeNode, type PlannedCode } from './plan-codes';
import { memoPlanner, type PlannedMemo } from './plan-memos';
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
  memos: PlannedMemo[];
}

export interface PlannedStudy {
  title: string;
  fields: StudyFields;
  attributes: Record<string, string>;
  documents: PlannedDocument[];
  memos: PlannedMemo[];
}

export interface PlannedCoder {
  /** The REFI user's GUID key, or "" for coding whose user the file does not say. */
  key: string;
  name: string;
  highlights: number;
  /** Memos on the project, studies, documents and codes (highlight memos go with highlights). */
  memos: number;
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
  /** Memos on codes, by the code's key. */
  codeMemos: Array<PlannedMemo & { codeKey: string }>;
  /** Memos on the project as a whole. */
  projectMemos: PlannedMemo[];
  /** The file's users whose coding or memos the plan holds. */
  coders: PlannedCoder[];
  studies: PlannedStudy[];
  attributes: Array<{ name: string; type: AttributeKind }>;
  scheme: PositionScheme;
  skipped: RefiNotice[];
  adjusted: RefiNotice[];
}

/**
 * Plans the import of a read project: resolves each text source's file, picks how the writing
 * tool counted positions (by its `origin`, or by what fits the text best), turns selections
 * into highlights on Kodbok's text, groups sources into studies, and places notes as the memos of
 * the project, studies, documents, codes and highlights. Throws RefiFileError for a selection
 * outside its text; everything Kodbok cannot hold is listed in `skipped`.
 */
export function planProjectImport(
  project: RefiProject,
  files: ArchiveFiles,
  fallbackName: string,
): RefiImportPlan {
  const skipped = new NoticeList();
  const adjusted = new NoticeList();
  const coders: Coders = new Map(
    project.users.map((u) => [
      u.guid,
      { key: u.guid, name: u.name.trim() || 'Unnamed user', highlights: 0, memos: 0 },
    ]),
  );
  const memos = memoPlanner(project, files, { coders, adjusted });
  const { codes, codeKeys, codeMemos } = codebookOf(project, memos, adjusted);
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
  const documents = new Map<string, Omit<PlannedDocument, 'kind'>>();
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
      memoOf: memos.selectionMemo,
      notices: { skipped, adjusted },
    });
    const name = sourceLabel(source);
    documents.set(source.guid, {
      name,
      text,
      highlights,
      memos: memos.memos(`source "${name}"`, source),
    });
  }
  const shaped = shapeStudies(
    project,
    project.sources.filter((s) => documents.has(s.guid)),
    { skipped, adjusted },
  );
  const studies = shaped.studies.map((s): PlannedStudy => ({
    title: s.title,
    fields: s.fields,
    attributes: s.attributes,
    documents: s.sources.map((src) => ({
      ...documents.get(src.guid)!,
      kind: shaped.kindOf(src),
    })),
    memos: s.case ? memos.memos(`case "${s.title}"`, s.case) : [],
  }));
  const projectMemos = memos.projectMemos();
  noteOthers(project, skipped);
  memos.report(skipped);
  return {
    name: clip(project.name.trim() || fallbackName, 200),
    origin: project.origin,
    holds: holdsOf(project, codes.length),
    codes,
    codeMemos,
    projectMemos,
    coders: [...coders.values()]
      .filter((c) => c.highlights > 0 || c.memos > 0)
      .map(({ key, name, highlights, memos: n }) => ({ key, name, highlights, memos: n })),
    studies,
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

/** The codebook (a code's Description is its description, its notes its memos); GUID → code key. */
function codebookOf(
  project: RefiProject,
  memos: ReturnType<typeof memoPlanner>,
  adjusted: NoticeList,
) {
  const from = new Map<CodeTreeNode, RefiCode>();
  const toNode = (c: RefiCode): CodeTreeNode => {
    const node: CodeTreeNode = {
      ref: c.guid,
      name: c.name,
      color: c.color,
      description: c.description,
      codable: c.codable,
      children: c.children.map(toNode),
    };
    from.set(node, c);
    return node;
  };
  const nodes = project.codes.map(toNode);
  const { codes, keyOf } = planCodes(nodes, adjusted);
  const codeKeys = new Map<string, string>();
  const codeMemos: RefiImportPlan['codeMemos'] = [];
  const visit = (n: CodeTreeNode) => {
    const key = keyOf.get(n)!;
    if (codeKeys.has(n.ref))
      adjusted.add(`Code GUID ${n.ref}`, 'used by two codes; codings go to the first');
    else codeKeys.set(n.ref, key);
    const code = from.get(n)!;
    // Notes linked by GUID go to the first code of a GUID used twice, as codings do.
    const linkable = codeKeys.get(n.ref) === key;
    for (const memo of memos.memos(`code "${n.name.trim()}"`, {
      noteRefs: code.noteRefs,
      guid: linkable ? code.guid : undefined,
    }))
      codeMemos.push({ ...memo, codeKey: key });
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return { codes, codeKeys, codeMemos };
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
}
