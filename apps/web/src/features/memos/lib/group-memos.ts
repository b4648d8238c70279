import type { MemoTargetKind, MemoView } from '@kodbok/contracts';
import { compareText } from '@kodbok/core';

export interface MemoGroup {
  kind: MemoTargetKind;
  heading: string;
  /** One entry per target, in label order; its memos newest first. */
  targets: Array<{ key: string; label: string; studyId: string | null; memos: MemoView[] }>;
}

const HEADINGS: Record<MemoTargetKind, string> = {
  project: 'Project',
  code: 'Codes',
  study: 'Studies',
  document: 'Documents',
};
const ORDER: readonly MemoTargetKind[] = ['project', 'code', 'study', 'document'];

/**
 * Memos by what they are about, as the Memos page lists them: the project's, then codes, studies
 * and documents, each target under its label (in Kodbok's one order for text), its memos newest
 * first. Kinds with no memo are left out.
 */
export function groupMemos(memos: readonly MemoView[]): MemoGroup[] {
  const byKind = new Map<MemoTargetKind, Map<string, MemoGroup['targets'][number]>>();
  for (const m of memos) {
    const targets = byKind.get(m.on) ?? new Map<string, MemoGroup['targets'][number]>();
    byKind.set(m.on, targets);
    const key = m.targetId ?? 'project';
    const t = targets.get(key) ?? { key, label: m.targetLabel, studyId: m.studyId, memos: [] };
    t.memos.push(m);
    targets.set(key, t);
  }
  return ORDER.filter((k) => byKind.has(k)).map((kind) => ({
    kind,
    heading: HEADINGS[kind],
    targets: [...byKind.get(kind)!.values()]
      .map((t) => ({
        ...t,
        memos: [...t.memos].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
      }))
      .sort((a, b) => compareText(a.label, b.label)),
  }));
}
