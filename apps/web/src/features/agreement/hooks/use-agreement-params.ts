import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgreementLevel } from '@kodbok/contracts';
import type { AgreementScope } from '../api/agreement-params';
import type { GridFilter } from '../api/get-agreement-grid';
import type { StatKey } from '../lib/statistics';
import { STATISTICS } from '../lib/statistics';
import { readList } from '../lib/urls';

const LEVEL_VALUES: readonly AgreementLevel[] = ['document', 'character', 'segment'];
export const DEFAULT_THRESHOLD = 0.9;
export type AgreementView = 'statistics' | 'grid';

/**
 * Everything the agreement page shows lives in the URL (?coders=a,b&level=segment&threshold=0.8
 * &codes=…&studies=…&view=grid&only=disagreements&offset=200), so a link reproduces the table. Without ?coders the page
 * compares `defaultCoders` (the project's coders).
 */
export function useAgreementParams(defaultCoders: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const explicit = params.has('coders');
  const coders = explicit ? readList(params, 'coders') : defaultCoders;
  const codes = readList(params, 'codes');
  const studies = readList(params, 'studies');
  const key = JSON.stringify([coders, codes, studies]);
  // One object per distinct scope, so memos below stay put across renders.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scope: AgreementScope = useMemo(() => ({ coders, codes, studies }), [key]);

  const levelParam = params.get('level') as AgreementLevel | null;
  const level = levelParam && LEVEL_VALUES.includes(levelParam) ? levelParam : 'document';
  const thresholdParam = Number(params.get('threshold'));
  const threshold =
    thresholdParam >= 0.05 && thresholdParam <= 1 ? thresholdParam : DEFAULT_THRESHOLD;
  const view: AgreementView = params.get('view') === 'grid' ? 'grid' : 'statistics';
  const statParam = params.get('stat');
  // Two coders: Cohen's kappa, the figure most readers expect; more: Krippendorff's alpha.
  const stat: StatKey =
    STATISTICS.find((s) => s.key === statParam)?.key ??
    (coders.length === 2 ? 'cohenKappa' : 'krippendorffAlpha');

  const onlyParam = params.get('only');
  const only: GridFilter | null =
    onlyParam === 'disagreements' || onlyParam === 'unreconciled' ? onlyParam : null;
  const offset = Math.max(0, Math.floor(Number(params.get('offset')) || 0));

  function set(name: string, value: string | null) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        // Another scope or filter starts again at the grid's first page.
        if (name !== 'offset') next.delete('offset');
        return next;
      },
      { replace: true },
    );
  }
  return {
    scope,
    level,
    threshold,
    view,
    stat,
    /** The grid's filter, and the first study of its page. */
    only,
    offset,
    /** The query string, for links to the other view. */
    search: params.toString(),
    set,
    setList: (name: 'coders' | 'codes' | 'studies', values: readonly string[]) =>
      // An explicit empty coder list stays in the URL, so the default does not come back.
      set(name, values.length === 0 && name !== 'coders' ? null : values.join(',') || ','),
  };
}
export type AgreementParams = ReturnType<typeof useAgreementParams>;
