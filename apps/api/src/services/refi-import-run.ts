import {
  CONSENSUS_GUID,
  describeScheme,
  guidKey,
  planQdpxImport,
  type RefiImportPlan,
} from '@kodbok/core';
import type { QdpxPreview } from '@kodbok/contracts';
import type { Upload } from './types';

/** A .qdpx to preview or to make a new project of, owned by `userId` (any signed-in user). */
export interface RefiProjectJob {
  kind: 'import-project';
  mode: 'preview' | 'commit';
  userId: string;
  upload: Upload;
}

type Becomes = QdpxPreview['coders'][number]['becomes'];

/**
 * Who a file's user becomes. Accounts are never created for real people without their consent:
 * a coder of the file becomes an account with no password (it cannot sign in, like the demo
 * coders) that holds their coding; the importing user's own GUID (a Kodbok export of theirs) is
 * them, and the consensus coder of a Kodbok export (or a user called "Consensus") is the
 * consensus coding (docs/decisions/013).
 */
export function becomes(coder: { key: string; name: string }, userId: string): Becomes {
  if (coder.key === CONSENSUS_GUID || coder.name.trim().toLowerCase() === 'consensus')
    return 'consensus';
  if (coder.key === guidKey(userId)) return 'you';
  return 'new coder';
}

export function planOf(job: RefiProjectJob): RefiImportPlan {
  const file = job.upload.files[0]!;
  return planQdpxImport(file.bytes, file.name);
}

/** How many memos on the project, studies, documents and codes a plan holds. */
function memoCount(plan: RefiImportPlan): number {
  const studies = plan.studies.reduce(
    (n, s) => n + s.memos.length + s.documents.reduce((m, d) => m + d.memos.length, 0),
    0,
  );
  return plan.projectMemos.length + plan.codeMemos.length + studies;
}

export function previewOf(plan: RefiImportPlan, userId: string): QdpxPreview {
  const documents = plan.studies.flatMap((s) => s.documents);
  return {
    name: plan.name,
    origin: plan.origin,
    holds: plan.holds,
    creates: {
      studies: plan.studies.length,
      documents: documents.length,
      codes: plan.codes.length,
      highlights: documents.reduce((n, d) => n + d.highlights.length, 0),
      memos: memoCount(plan),
    },
    coders: plan.coders.map((c) => ({
      name: c.name,
      highlights: c.highlights,
      memos: c.memos,
      becomes: becomes(c, userId),
    })),
    positions: describeScheme(plan.scheme),
    skipped: plan.skipped,
    adjusted: plan.adjusted,
  };
}
