import '../agreement.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormError } from '../../../components/form-error';
import { SkeletonRows } from '../../../components/skeleton';
import { useStudyRow } from '../api/get-agreement-grid';
import { useDisagreements } from '../api/get-disagreements';
import { useReviewDocument } from '../api/get-review-document';
import { useFindNextStudy } from '../hooks/use-find-next-study';
import { useReviewActions } from '../hooks/use-review-actions';
import { useReviewKeys } from '../hooks/use-review-keys';
import { useReviewLanes } from '../hooks/use-review-lanes';
import { useReviewParams } from '../hooks/use-review-params';
import { citation } from '../lib/grid-rows';
import { nextDocument, regionKey, selectRegion, stepRegion } from '../lib/review-navigation';
import { agreementPath, reviewPath } from '../lib/urls';
import { ReviewBody } from './review-body';
import { ReviewToolbar } from './review-toolbar';
import { isForbidden, SupervisorsOnly } from './supervisors-only';

interface Props {
  projectId: string;
  documentId: string;
  codeName: (codeId: string) => string;
}

/** One document's disagreements, resolved one by one into the consensus coding. */
export function ReviewPage({ projectId, documentId, codeName }: Props) {
  const navigate = useNavigate();
  const params = useReviewParams();
  const { scope } = params;
  const doc = useReviewDocument(documentId, scope.coders);
  const found = useDisagreements(documentId, scope);
  const study = useStudyRow(projectId, scope, doc.data?.studyId);
  const findNextStudy = useFindNextStudy(projectId, scope);
  const [searching, setSearching] = useState(false);
  const regions = found.data?.regions ?? [];
  const coders = found.data?.coders ?? scope.coders.map((id) => ({ id, name: id }));
  const selected = selectRegion(regions, params.region, params.code);
  const index = selected ? regions.indexOf(selected) : -1;
  const highlights = doc.data?.highlights ?? [];
  const lanes = useReviewLanes(coders, highlights, selected?.codeId ?? null);
  const actions = useReviewActions(projectId, documentId, coders);
  const nextDoc = study ? nextDocument(study.documentIds, documentId) : null;

  async function goOn() {
    if (nextDoc) return navigate(reviewPath(projectId, nextDoc, scope));
    if (!doc.data || searching) return;
    setSearching(true);
    try {
      const target = await findNextStudy(doc.data.studyId);
      if (target) await navigate(reviewPath(projectId, target.documentId, scope));
      else actions.announce('No study after this one has disagreements left to review.');
    } catch (error) {
      actions.announce(`Could not look for the next study: ${String(error)}`);
    } finally {
      setSearching(false);
    }
  }
  function step(direction: 1 | -1) {
    const target = stepRegion(regions, selected, direction);
    if (target) params.setRegion(regionKey(target));
    else if (direction === 1) void goOn();
  }
  useReviewKeys(step);

  const error = doc.error ?? found.error;
  if (isForbidden(error)) return <SupervisorsOnly />;
  if (scope.coders.length < 2)
    return (
      <p className="empty">
        Choose the coders to compare on the{' '}
        <Link to={`/projects/${projectId}/agreement?view=grid`}>agreement grid</Link>, then open a
        study.
      </p>
    );
  return (
    <>
      <div className="page-head">
        <h1>Disagreements{study ? ` in ${citation(study)}` : ''}</h1>
        <Link to={agreementPath(projectId, scope)} className="button">
          Back to the grid
        </Link>
      </div>
      <ReviewToolbar
        position={
          regions.length === 0
            ? 'No disagreements here'
            : `Disagreement ${index + 1} of ${regions.length}`
        }
        canPrevious={index > 0}
        canNext={regions.length > 0}
        nextLabel={nextDoc ? 'Next document →' : 'Next study with disagreements →'}
        searching={searching}
        study={study}
        busy={actions.busy}
        onStep={step}
        onGoOn={() => void goOn()}
        onCopyAgreed={actions.copyAgreed}
        onReconcile={(reconciled) => study && actions.reconcile(study.id, reconciled)}
      />
      <p className="ag-announcement" role="status" aria-live="polite">
        {actions.announcement}
      </p>
      <FormError error={error} />
      {!doc.data || !found.data ? (
        <SkeletonRows count={10} label="Loading the document and its disagreements" />
      ) : (
        <ReviewBody
          documentId={documentId}
          text={doc.data.text}
          regions={regions}
          selected={selected}
          coders={coders}
          lanes={lanes}
          highlights={highlights}
          codeName={codeName}
          workspaceUrl={`/projects/${projectId}/studies/${doc.data.studyId}?document=${documentId}`}
          busy={actions.busy}
          onSelect={(r) => params.setRegion(regionKey(r))}
          onResolve={(r, accept) => actions.resolve(r, doc.data.text, codeName(r.codeId), accept)}
        />
      )}
    </>
  );
}
