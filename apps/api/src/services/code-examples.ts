import type { Repositories } from '@kodbok/db';
import type { CodeExamples, CodeExamplesQuery } from '@kodbok/contracts';
import { flattenTree } from '@kodbok/core';
import { authorize } from './access';
import { resolveCoders } from './coders';
import type { CurrentUser } from './types';

/**
 * A few quotes of each code for the Codebook page, of the coders asked for (as the blind-coding
 * rule allows). Each code's read stops at `per` rows on the code's index, so a code with 50,000
 * highlights costs what a rare one does.
 */
export function codeExamples(
  repos: Repositories,
  user: CurrentUser,
  projectId: string,
  query: CodeExamplesQuery,
): CodeExamples {
  authorize(repos, user, projectId, 'read');
  const coderIds = resolveCoders(repos, user, projectId, query.coders);
  const scope = { projectId, coderIds, studyAttributes: [], studyIds: null };
  const codes = flattenTree(repos.codes.list(projectId));
  return {
    examples: codes.flatMap((code) =>
      repos.exports.examples(scope, code.id, query.per ?? 2).map((e) => ({
        codeId: code.id,
        highlightId: e.highlightId,
        documentId: e.documentId,
        studyId: e.studyId,
        quote: e.quote,
        study:
          e.firstAuthor && e.studyYear
            ? `${e.firstAuthor.split(',')[0]!.trim()} ${e.studyYear}`
            : e.studyTitle,
      })),
    ),
  };
}
