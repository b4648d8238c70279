import { CONSENSUS_CODER_ID, type AnalysisFilterQuery } from '@kodbok/contracts';
import { isoDay } from '@kodbok/core';
import type { ExportContext } from './context';

/**
 * The lines under a report's title (and in a workbook's About sheet): the project, the day, and
 * the filters in force, so a file read months later says what it holds.
 */
export function describeExport(
  ctx: ExportContext,
  query: AnalysisFilterQuery & { q?: string },
  date: Date,
): string[] {
  const lines = [`Project: ${ctx.projectName}`, `Exported: ${isoDay(date)} (UTC) from Kodbok`];
  const coders = ctx.scope.coderIds;
  lines.push(
    coders === null
      ? 'Coding: all coders (not the consensus)'
      : coders.length === 1 && coders[0] === CONSENSUS_CODER_ID
        ? 'Coding: the consensus (agreed) coding'
        : `Coding: ${coders.map((id) => ctx.coders.get(id) ?? id).join(', ')}`,
  );
  if (ctx.codeIds) {
    const names = ctx.codeIds.map((id) => ctx.codes.find((c) => c.id === id)?.path ?? id);
    lines.push(`Codes: ${names.join('; ')} (each with its sub-codes)`);
  }
  if (ctx.scope.studyIds) lines.push(`Studies: ${ctx.scope.studyIds.length} chosen`);
  for (const a of ctx.scope.studyAttributes)
    lines.push(`Studies where ${a.name} is ${a.values.join(' or ')}`);
  if (query.q) lines.push(`Search: ${query.q}`);
  return lines;
}
