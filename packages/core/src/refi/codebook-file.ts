import { looksLikeZip, readProjectArchive } from './archive';
import { readCsv } from './codebook-csv';
import { NoticeList, RefiFileError, type RefiNotice } from './errors';
import { guidKey } from './guid';
import { looksLikeXml } from './import-project';
import type { RefiCode } from './model';
import type { CodeTreeNode } from './plan-codes';
import { readProject } from './project-read';
import { decodeText } from './source-text';
import { childNamed, childrenNamed, childText, parseXml, type XmlElement } from './xml-read';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

export type CodebookFormat = 'qdc' | 'qdpx' | 'csv' | 'json';

/** A codebook read from a file, as a tree, with what was odd about it. */
export interface CodebookFile {
  format: CodebookFormat;
  roots: CodeTreeNode[];
  notices: RefiNotice[];
}

/**
 * Reads a codebook to import into a project: a REFI-QDA .qdc (or the codebook of a .qdpx or
 * .qde), Kodbok's own codebook.csv and codebook.json exports, or a CSV or JSON written by hand
 * (a `name` and optionally `parent`, `description`, `color`, `keywords`). The format is
 * recognised from the content.
 */
export function readCodebookFile(bytes: Uint8Array, fileName: string): CodebookFile {
  const notices = new NoticeList();
  if (looksLikeZip(bytes)) {
    const archive = readProjectArchive(bytes);
    const project = readProject(
      parseXml(decodeText(archive.qde), archive.qdeName),
      archive.qdeName,
    );
    return { format: 'qdpx', roots: project.codes.map(fromRefi), notices: notices.list() };
  }
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (looksLikeXml(bytes)) {
    return {
      format: 'qdc',
      roots: readQdc(parseXml(text, fileName), fileName, notices),
      notices: notices.list(),
    };
  }
  const head = text.trimStart()[0];
  if (head === '{' || head === '[')
    return { format: 'json', roots: readJson(text, fileName), notices: notices.list() };
  return { format: 'csv', roots: readCsv(text, fileName, notices), notices: notices.list() };
}

const fromRefi = (c: RefiCode): CodeTreeNode => ({
  ref: c.guid,
  name: c.name,
  color: c.color,
  description: c.description,
  codable: c.codable,
  children: c.children.map(fromRefi),
});

/**
 * A .qdc: `<CodeBook>` in the codebook namespace. ATLAS.ti and QualCoder have written
 * `codebook:0:4`, others `codebook:1:0` (deviations §B16): any QDA-XML codebook namespace is
 * read and a variant noted; a project's `<Project>` is read for its codebook.
 */
function readQdc(root: XmlElement, fileName: string, notices: NoticeList): CodeTreeNode[] {
  if (root.name === 'Project') return readProject(root, fileName).codes.map(fromRefi);
  if (root.name !== 'CodeBook' || !/^urn:QDA-XML:(codebook|project):/i.test(root.ns)) {
    const found = root.ns ? `{${root.ns}}${root.name}` : `${root.name} without a namespace`;
    throw new RefiFileError(
      `${fileName}: the root element is ${found}, expected CodeBook in namespace ${CODEBOOK_NS}`,
    );
  }
  if (root.ns !== CODEBOOK_NS) notices.add(`Namespace ${root.ns}`, `read as ${CODEBOOK_NS}`);
  const sets = childNamed(root, 'Sets');
  if (sets && childrenNamed(sets, 'Set').length === 0)
    notices.add('An empty <Sets/>', 'ignored (the schema wants at least one Set)');
  else if (sets)
    notices.add(
      `${childrenNamed(sets, 'Set').length} set(s) of codes`,
      'not imported: Kodbok has no groups of codes',
    );
  const codes = childNamed(root, 'Codes');
  const node = (el: XmlElement): CodeTreeNode => {
    const guid = el.attrs.guid;
    const name = el.attrs.name;
    if (!guid || name === undefined) {
      throw new RefiFileError(
        `${fileName}: Code at line ${el.line} has no ${guid ? 'name' : 'guid'} attribute, which it requires`,
      );
    }
    return {
      ref: guidKey(guid),
      name,
      color: el.attrs.color ?? null,
      description: childText(el, 'Description'),
      codable: el.attrs.isCodable !== 'false',
      children: childrenNamed(el, 'Code').map(node),
    };
  };
  return codes ? childrenNamed(codes, 'Code').map(node) : [];
}

interface JsonCode {
  name?: unknown;
  description?: unknown;
  definition?: unknown;
  color?: unknown;
  keywords?: unknown;
  children?: unknown;
}

/** Kodbok's codebook.json ({codes: [...]}, nested by `children`) or a bare array of codes. */
function readJson(text: string, fileName: string): CodeTreeNode[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RefiFileError(
      `${fileName} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const list = Array.isArray(value) ? value : (value as { codes?: unknown } | null)?.codes;
  if (!Array.isArray(list))
    throw new RefiFileError(`${fileName}: expected {"codes": [...]} or an array of codes`);
  let n = 0;
  const node = (raw: unknown, where: string): CodeTreeNode => {
    const c = (raw ?? {}) as JsonCode;
    if (typeof c.name !== 'string') throw new RefiFileError(`${fileName}: ${where} has no "name"`);
    const description =
      typeof c.description === 'string'
        ? c.description
        : typeof c.definition === 'string'
          ? c.definition
          : '';
    const children = Array.isArray(c.children) ? c.children : [];
    return {
      ref: `json-${++n}`,
      name: c.name,
      color: typeof c.color === 'string' ? c.color : null,
      description,
      codable: true,
      keywords: Array.isArray(c.keywords)
        ? c.keywords.filter((k): k is string => typeof k === 'string')
        : [],
      children: children.map((child, i) => node(child, `${where} › child ${i + 1}`)),
    };
  };
  return list.map((c, i) => node(c, `code ${i + 1}`));
}
