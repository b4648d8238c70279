import { descendantIds, flattenTree, parseIdList } from '@kodbok/core';
import type { CodeNode } from '@kodbok/core';
import type { AnalysisScope, Repositories } from '@kodbok/db';
import type { AnalysisFilterQuery } from '@kodbok/contracts';
import { BadRequestError } from '../errors';
import { resolveCoders } from './coders';
import type { CurrentUser } from './types';

/**
 * Turns the shared analysis query parameters into a scope the repositories understand, checking
 * that every id belongs to the project (a precise 400, never an empty table that looks like data).
 */
export function scopeOf(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  query: AnalysisFilterQuery,
  codes: readonly CodeNode[],
): { scope: AnalysisScope; codeIds: string[] | null } {
  const scope: AnalysisScope = {
    projectId,
    coderIds: resolveCoders(repos, user, projectId, query.coders),
    studyAttributes: attributeFilters(query.attr ?? []),
    studyIds: query.studies ? nonEmpty('studies', parseIdList(query.studies)) : null,
  };
  const [foreign] = scope.studyIds ? repos.analysis.foreignStudies(projectId, scope.studyIds) : [];
  if (foreign) throw new BadRequestError(`studies: "${foreign}" is not a study of this project`);
  let codeIds: string[] | null = null;
  if (query.codes) {
    codeIds = nonEmpty('codes', parseIdList(query.codes));
    const known = new Set(codes.map((c) => c.id));
    const unknown = codeIds.find((id) => !known.has(id));
    if (unknown) throw new BadRequestError(`codes: "${unknown}" is not a code of this project`);
  }
  return { scope, codeIds };
}

/** "country=Sweden", "country=Norway", "design=survey" → country ∈ {Sweden, Norway} ∧ design = survey. */
function attributeFilters(pairs: readonly string[]) {
  const byName = new Map<string, string[]>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    if (!name) throw new BadRequestError(`attr: "${pair}" needs a name before "="`);
    byName.set(name, [...(byName.get(name) ?? []), pair.slice(at + 1)]);
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

function nonEmpty(name: string, ids: string[]): string[] {
  if (ids.length === 0) throw new BadRequestError(`${name} must list at least one id`);
  return ids;
}

/** A code as analysis views list it. */
export const ref = (code: CodeNode) => ({
  codeId: code.id,
  parentId: code.parentId,
  name: code.name,
});

/** The codebook in tree order; with a code filter, the chosen codes and their descendants. */
export function rowsFor(all: CodeNode[], codeIds: string[] | null): CodeNode[] {
  const ordered = flattenTree(all);
  if (!codeIds) return ordered;
  const keep = new Set(codeIds);
  for (const id of codeIds) for (const d of descendantIds(all, id)) keep.add(d);
  return ordered.filter((c) => keep.has(c.id));
}
