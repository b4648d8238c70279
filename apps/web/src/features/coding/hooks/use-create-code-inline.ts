import type { Code } from '@kodbok/contracts';
import { errorText } from '../../../components/error-text';
import { useToast } from '../../../components/toast';
import { useCreateCode } from '../api/create-code';
import { useCoding } from './coding-context';

/**
 * "Create code …" from a picker: a new theme (top level), coloured by the server as every new
 * code is (the next palette colour). A refusal
 * (a duplicate name, no right to change the codebook) is a toast, and resolves to null.
 */
export function useCreateCodeInline(): (name: string) => Promise<Code | null> {
  const { document } = useCoding();
  const createCode = useCreateCode(document.projectId);
  const notify = useToast();
  return async (name) => {
    try {
      return await createCode.mutateAsync({ name });
    } catch (error) {
      notify({ message: `Code “${name}” was not created: ${errorText(error)}`, kind: 'error' });
      return null;
    }
  };
}
