import { useState } from 'react';
import type { Disagreements } from '@kodbok/contracts';
import { errorText } from '../../../components/error-text';
import { useAcceptAgreements } from '../api/accept-agreements';
import { useCreateResolution } from '../api/create-resolution';
import { useUpdateReconciliation } from '../api/update-reconciliation';
import { excerpt } from '../lib/coder-lanes';
import { acceptedText } from '../lib/resolution-text';

type Region = Disagreements['regions'][number];

/**
 * The review's mutations, each ending in a sentence for the page's live region, so a screen
 * reader hears what the consensus now holds (and what failed).
 */
export function useReviewActions(
  projectId: string,
  documentId: string,
  coders: Disagreements['coders'],
) {
  const [announcement, setAnnouncement] = useState('');
  const resolve = useCreateResolution(projectId, documentId);
  const copy = useAcceptAgreements(projectId, documentId);
  const reconcile = useUpdateReconciliation(projectId);
  const ids = coders.map((c) => c.id);
  const names = new Map(coders.map((c) => [c.id, c.name]));
  const failed = (error: unknown) => setAnnouncement(`Not saved: ${errorText(error)}`);

  return {
    announcement,
    announce: setAnnouncement,
    busy: resolve.isPending || copy.isPending || reconcile.isPending,
    resolve(region: Region, text: string, codeName: string, accept: string[]) {
      resolve.mutate(
        { codeId: region.codeId, start: region.start, end: region.end, coders: ids, accept },
        {
          onSuccess: () =>
            setAnnouncement(
              `Resolved ${codeName} at “${excerpt(text, region, 40)}”: the consensus took ${acceptedText(accept, ids, names)}.`,
            ),
          onError: failed,
        },
      );
    },
    copyAgreed() {
      copy.mutate(
        { coders: ids },
        {
          onSuccess: ({ added }) =>
            setAnnouncement(
              added === 0
                ? 'The consensus already holds everything the coders agree on here.'
                : `Copied ${added} agreed ${added === 1 ? 'passage' : 'passages'} into the consensus.`,
            ),
          onError: failed,
        },
      );
    },
    reconcile(studyId: string, reconciled: boolean) {
      reconcile.mutate(
        { studyId, reconciled },
        {
          onSuccess: () =>
            setAnnouncement(reconciled ? 'Study marked reconciled.' : 'Study reopened.'),
          onError: failed,
        },
      );
    },
  };
}
