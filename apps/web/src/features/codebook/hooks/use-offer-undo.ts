import { useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../../components/error-text';
import { useToast } from '../../../components/toast';
import { invalidateCodebook } from '../api/invalidate';

/**
 * Says what a codebook change did, with Undo beside it, as coding actions do. Undo runs `undo`,
 * refreshes the codebook and what it counts, and says whether it worked.
 */
export function useOfferUndo(projectId: string) {
  const queryClient = useQueryClient();
  const notify = useToast();
  return (message: string, undo: () => Promise<unknown>) =>
    notify({
      message,
      action: {
        label: 'Undo',
        run: () => {
          void undo()
            .then(
              () => notify({ message: `Undone: ${message}` }),
              (error: unknown) =>
                notify({ message: `Could not undo: ${errorText(error)}`, kind: 'error' }),
            )
            .finally(() => invalidateCodebook(queryClient, projectId));
        },
      },
    });
}
