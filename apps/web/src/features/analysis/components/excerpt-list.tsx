import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import type { AnalysisFilter } from '../api/analysis-params';
import { useExcerpts, type ExcerptSelection } from '../api/get-excerpts';
import { ExcerptCard } from './excerpt-card';

interface Props {
  projectId: string;
  filter: AnalysisFilter;
  selection: ExcerptSelection;
  codeName: (id: string) => string;
  empty: string;
}

/** Excerpts fifty at a time; more load on request, so a page never holds more than the reader asked for. */
export function ExcerptList({ projectId, filter, selection, codeName, empty }: Props) {
  const query = useExcerpts(projectId, filter, selection);
  if (query.isPending) return <SkeletonRows count={4} label="Loading excerpts" />;
  if (query.error) return <FormError error={query.error} />;
  const items = query.data.pages.flatMap((p) => p.items);
  const total = query.data.pages[0]?.total ?? 0;
  if (items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <>
      <p className="muted" aria-live="polite">
        Showing {items.length} of {total} excerpt{total === 1 ? '' : 's'}
      </p>
      <ol className="excerpts">
        {items.map((e) => (
          <ExcerptCard key={e.highlightId} projectId={projectId} excerpt={e} codeName={codeName} />
        ))}
      </ol>
      {query.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Show more excerpts'}
        </button>
      )}
    </>
  );
}
