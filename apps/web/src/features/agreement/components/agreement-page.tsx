import '../agreement.css';
import { Link } from 'react-router';
import { useAgreementParams, type AgreementView } from '../hooks/use-agreement-params';
import {
  AgreementControls,
  type CodeOption,
  type CoderOption,
  type StudyOption,
} from './agreement-controls';
import { AgreementGridView } from './agreement-grid-view';
import { StatisticsView } from './statistics-view';

interface Props {
  projectId: string;
  projectName: string;
  coders: readonly CoderOption[];
  defaultCoders: readonly string[];
  codes: readonly CodeOption[];
  studies: readonly StudyOption[];
}

const VIEWS: ReadonlyArray<[AgreementView, string]> = [
  ['statistics', 'Statistics'],
  ['grid', 'Agreement grid'],
];

/** Coding consistency: statistics and the studies × codes grid, for the coders chosen. */
export function AgreementPage({
  projectId,
  projectName,
  coders,
  defaultCoders,
  codes,
  studies,
}: Props) {
  const params = useAgreementParams(defaultCoders);
  const enough = params.scope.coders.length >= 2;
  const tabSearch = (view: AgreementView) => {
    const next = new URLSearchParams(params.search);
    if (view === 'statistics') next.delete('view');
    else next.set('view', view);
    return `?${next}`;
  };
  return (
    <>
      <div className="page-head">
        <h1>Coding agreement</h1>
      </div>
      <p className="ag-print-only">
        {projectName} · printed {new Date().toLocaleString()}
      </p>
      <nav className="ag-tabs" aria-label="Agreement views">
        {VIEWS.map(([view, label]) => (
          <Link
            key={view}
            to={tabSearch(view)}
            aria-current={params.view === view ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <AgreementControls
        params={params}
        coders={coders}
        codes={codes}
        studies={studies}
        showLevel={params.view === 'statistics'}
      />
      {!enough ? (
        <p className="empty">
          Choose two or more coders to compare — their independent coding of the same studies, or a
          coder and the consensus.
        </p>
      ) : params.view === 'grid' ? (
        <AgreementGridView projectId={projectId} params={params} />
      ) : (
        <StatisticsView projectId={projectId} params={params} />
      )}
    </>
  );
}
