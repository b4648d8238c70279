import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgreementScope } from '../api/agreement-params';
import { readList } from '../lib/urls';

/**
 * The review's URL: the coders compared and the agreement page's codes and studies (?coders=a,b
 * &codes=…&studies=…), the region in view (?region=code:start:end) or the code a grid cell asked
 * for (?code=…). Regions are picked with `replace`, so Back leaves the review.
 */
export function useReviewParams() {
  const [params, setParams] = useSearchParams();
  const coders = readList(params, 'coders');
  const codes = readList(params, 'codes');
  const studies = readList(params, 'studies');
  const key = JSON.stringify([coders, codes, studies]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scope: AgreementScope = useMemo(() => ({ coders, codes, studies }), [key]);
  return {
    scope,
    region: params.get('region'),
    code: params.get('code'),
    setRegion(regionKey: string) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('region', regionKey);
          next.delete('code');
          return next;
        },
        { replace: true },
      );
    },
  };
}
