import Papa from 'papaparse';
import { normaliseName } from '../codebook';
import { RefiFileError, type NoticeList } from './errors';
import type { CodeTreeNode } from './plan-codes';

/*
 * Codebook tables: Kodbok's own codebook.csv export, and the CSVs people write by hand.
 */

/** "Theme › Code" in Kodbok's exports. */
const PATH_SEPARATOR = '›';

const COLUMNS = {
  name: /^(name|code|code name|label|tag)$/i,
  path: /^(path|code path)$/i,
  id: /^(id|code id|code_id)$/i,
  parentId: /^(parent[ _]?id)$/i,
  parent: /^(parent|parent name|theme)$/i,
  description: /^(description|definition|memo)$/i,
  color: /^(colou?r)$/i,
  keywords: /^(keywords?)$/i,
};

/**
 * A codebook table: Kodbok's codebook.csv (nested by `id` and `parent_id`), a `path` column
 * ("Theme › Code"; a theme the path names but no row has is created), a `parent` column naming
 * the parent, or a flat list of names. Names in paths and `parent` compare as sibling names do.
 */
export function readCsv(text: string, fileName: string, notices: NoticeList): CodeTreeNode[] {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw new RefiFileError(
      `${fileName} is not a readable CSV: ${broken.message} (row ${(broken.row ?? 0) + 2})`,
    );
  }
  const fields = parsed.meta.fields ?? [];
  const col = Object.fromEntries(
    Object.entries(COLUMNS).map(([k, re]) => [k, fields.find((f) => re.test(f.trim()))]),
  ) as Record<keyof typeof COLUMNS, string | undefined>;
  if (!col.name && !col.path) {
    throw new RefiFileError(
      `${fileName}: no "name" (or "path") column in the header (${fields.join(', ') || 'empty'})`,
    );
  }
  const rows: CsvRow[] = [];
  const known = new Set<string>();
  parsed.data.forEach((row, i) => {
    const cell = (c: string | undefined) => (c ? (row[c] ?? '').trim() : '');
    const path = cell(col.path)
      .split(PATH_SEPARATOR)
      .map((s) => s.trim())
      .filter(Boolean);
    const name = cell(col.name) || path[path.length - 1] || '';
    if (!name) {
      notices.add(`Row ${i + 2}`, 'has no code name: left out');
      return;
    }
    const node: CodeTreeNode = {
      ref: cell(col.id) || pathKey(path.length > 0 ? path : [name]),
      name,
      color: cell(col.color) || null,
      description: cell(col.description),
      codable: true,
      keywords: cell(col.keywords)
        .split(/\s*;\s*/)
        .filter(Boolean),
      children: [],
    };
    let parentRef: string | null = null;
    if (col.parentId) parentRef = cell(col.parentId) || null;
    else if (path.length > 1) {
      parentRef = pathKey(path.slice(0, -1));
      // A theme the path names but no row has: created, before its first code.
      for (let k = 1; k < path.length; k++) {
        const key = pathKey(path.slice(0, k));
        if (known.has(key) || rowsHave(parsed.data, col.path, path.slice(0, k))) continue;
        known.add(key);
        rows.push({
          node: {
            ref: key,
            name: path[k - 1]!,
            color: null,
            description: '',
            codable: true,
            children: [],
          },
          parentRef: k > 1 ? pathKey(path.slice(0, k - 1)) : null,
        });
        notices.add(
          `Code "${path[k - 1]}"`,
          `added: the path "${path.join(` ${PATH_SEPARATOR} `)}" names it but no row has it`,
        );
      }
    } else if (col.parent && cell(col.parent)) parentRef = pathKey([cell(col.parent)]);
    known.add(node.ref);
    const parentLabel = col.parentId
      ? parentRef
      : cell(col.parent) || path.slice(0, -1).join(` ${PATH_SEPARATOR} `);
    rows.push({ node, parentRef, parentLabel: parentLabel ?? '' });
  });
  return linkRows(rows, notices);
}

interface CsvRow {
  node: CodeTreeNode;
  parentRef: string | null;
  /** The parent as the file names it, for messages. */
  parentLabel?: string;
}

/** A path as a key: its names compared as sibling names are. */
const pathKey = (path: readonly string[]) => path.map(normaliseName).join(` ${PATH_SEPARATOR} `);

function rowsHave(
  data: ReadonlyArray<Record<string, string>>,
  pathColumn: string | undefined,
  path: readonly string[],
) {
  if (!pathColumn) return false;
  const key = pathKey(path);
  return data.some(
    (r) =>
      pathKey(
        (r[pathColumn] ?? '')
          .split(PATH_SEPARATOR)
          .map((s) => s.trim())
          .filter(Boolean),
      ) === key,
  );
}

/** Puts each row under its parent (the first row with that ref); a missing parent or a cycle leaves it at the top. */
function linkRows(rows: readonly CsvRow[], notices: NoticeList): CodeTreeNode[] {
  const byRef = new Map<string, CodeTreeNode>();
  for (const { node } of rows) if (!byRef.has(node.ref)) byRef.set(node.ref, node);
  const parentOf = new Map<CodeTreeNode, CodeTreeNode>();
  const isAncestor = (a: CodeTreeNode, of: CodeTreeNode) => {
    for (let p: CodeTreeNode | undefined = of; p; p = parentOf.get(p)) if (p === a) return true;
    return false;
  };
  const roots: CodeTreeNode[] = [];
  for (const { node, parentRef, parentLabel } of rows) {
    const parent = parentRef === null ? undefined : byRef.get(parentRef);
    if (parent && !isAncestor(node, parent)) {
      parentOf.set(node, parent);
      parent.children.push(node);
      continue;
    }
    if (parentRef !== null) {
      const shown = parent ? parent.name : parentLabel || parentRef;
      notices.add(
        `Code "${node.name}"`,
        parent
          ? `its parent "${shown}" is below it: put at the top level`
          : `its parent "${shown}" is not in the file: put at the top level`,
      );
    }
    roots.push(node);
  }
  return roots;
}
