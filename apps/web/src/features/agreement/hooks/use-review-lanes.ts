import { useMemo } from 'react';
import { CONSENSUS_CODER_ID, type Highlight } from '@kodbok/contracts';
import type { Span } from '@kodbok/core';
import { codingOf } from '../lib/coder-lanes';

export interface Lane {
  /** A coder id, or "consensus". */
  id: string;
  name: string;
  /** Disjoint spans of this lane's coding of the code in view. */
  spans: Span[];
  /** The band's pattern (agreement.css): one per coder slot, and one for the consensus. */
  className: string;
}

/** Coders past the fourth have no band of their own under the text (the lanes table shows all). */
const CODER_SLOTS = 4;

/** Each compared coder's coding of `codeId`, then the consensus (unless it is compared already). */
export function useReviewLanes(
  coders: ReadonlyArray<{ id: string; name: string }>,
  highlights: readonly Highlight[],
  codeId: string | null,
): Lane[] {
  return useMemo(() => {
    if (!codeId) return [];
    const lanes = coders.map((c, i) => ({
      id: c.id,
      name: c.name,
      spans: codingOf(highlights, c.id, codeId),
      className:
        c.id === CONSENSUS_CODER_ID
          ? 'ag-lane-consensus'
          : i < CODER_SLOTS
            ? `ag-lane-${i}`
            : 'ag-lane-none',
    }));
    if (!coders.some((c) => c.id === CONSENSUS_CODER_ID)) {
      lanes.push({
        id: CONSENSUS_CODER_ID,
        name: 'Consensus',
        spans: codingOf(highlights, CONSENSUS_CODER_ID, codeId),
        className: 'ag-lane-consensus',
      });
    }
    return lanes;
  }, [coders, highlights, codeId]);
}
