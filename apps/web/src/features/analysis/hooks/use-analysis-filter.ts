import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AnalysisFilter } from '../api/analysis-params';

/**
 * The shared filter and each view's own settings live in the URL (?coder=…&code=…&attr=…), so
 * switching views keeps the filter and a link reproduces the table.
 */
export function useAnalysisParams() {
  const [params, setParams] = useSearchParams();
  const coders = params.getAll('coder');
  const codes = params.getAll('code');
  const attr = params.getAll('attr');
  const key = JSON.stringify([coders, codes, attr]);
  // One object per distinct filter, so query keys and memos stay stable across renders.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filter: AnalysisFilter = useMemo(() => ({ coders, codes, attr }), [key]);

  function update(change: (next: URLSearchParams) => void) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  }
  return {
    filter,
    params,
    /** Replaces a repeatable parameter (coder, code, attr). */
    setList(name: 'coder' | 'code' | 'attr', values: readonly string[]) {
      update((next) => {
        next.delete(name);
        for (const v of values) next.append(name, v);
      });
    },
    /** Sets or clears a single parameter (groupBy, attribute, mode, q, …). */
    set(name: string, value: string | null) {
      update((next) =>
        value === null || value === '' ? next.delete(name) : next.set(name, value),
      );
    },
    /** Every view-independent filter removed. */
    clear() {
      update((next) => ['coder', 'code', 'attr'].forEach((n) => next.delete(n)));
    },
  };
}
export type AnalysisParams = ReturnType<typeof useAnalysisParams>;
