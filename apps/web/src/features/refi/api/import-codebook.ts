import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  refiEndpoints,
  type CodebookImportPreview,
  type CodebookImportResult,
} from '@kodbok/contracts';
import { apiUpload, urlOf } from '../../../lib/api-client';
import { codesQueryKey } from '../../../lib/queries/get-codes';

const path = (projectId: string, mode: 'preview' | 'commit') =>
  urlOf(refiEndpoints.importCodebook, { params: { projectId }, query: { mode } });
const form = (file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
};

/** What importing a codebook file would do: the codes matched and to add. */
export function previewCodebookImport(projectId: string, file: File) {
  return apiUpload<CodebookImportPreview>(path(projectId, 'preview'), form(file));
}

/** Imports a codebook file: adds the new codes. */
export function importCodebook(projectId: string, file: File) {
  return apiUpload<CodebookImportResult>(path(projectId, 'commit'), form(file));
}

export function usePreviewCodebookImport(projectId: string) {
  return useMutation({ mutationFn: (file: File) => previewCodebookImport(projectId, file) });
}

export function useImportCodebook(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importCodebook(projectId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codesQueryKey(projectId) }),
  });
}
