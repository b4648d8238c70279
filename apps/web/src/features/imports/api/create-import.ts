import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CsvMapping, DuplicateChoice, ImportPreview, ImportResult } from '@kodbok/contracts';
import { apiUpload, type UploadProgress } from '../../../lib/api-client';

export interface ImportRequest {
  files: File[];
  mapping?: CsvMapping;
}

function form({ files, mapping }: ImportRequest): FormData {
  const data = new FormData();
  if (mapping) data.append('mapping', JSON.stringify(mapping));
  for (const file of files) data.append('file', file, file.name);
  return data;
}

const path = (projectId: string, query: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/imports?${query}`;

/** POST /api/projects/:projectId/imports?mode=preview — stores nothing. */
export function previewImport(
  projectId: string,
  request: ImportRequest,
  onProgress?: UploadProgress,
) {
  return apiUpload<ImportPreview>(path(projectId, 'mode=preview'), form(request), onProgress);
}

/** POST /api/projects/:projectId/imports?mode=commit — one transaction. */
export function commitImport(
  projectId: string,
  request: ImportRequest & { duplicates: DuplicateChoice },
  onProgress?: UploadProgress,
) {
  const query = `mode=commit&duplicates=${request.duplicates}`;
  return apiUpload<ImportResult>(path(projectId, query), form(request), onProgress);
}

export function usePreviewImport(projectId: string, onProgress: UploadProgress) {
  return useMutation({
    mutationFn: (request: ImportRequest) => previewImport(projectId, request, onProgress),
  });
}

export function useCommitImport(projectId: string, onProgress: UploadProgress) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest & { duplicates: DuplicateChoice }) =>
      commitImport(projectId, request, onProgress),
    onSuccess: () => {
      // Study lists, the project's study count and its attributes all change.
      void queryClient.invalidateQueries({ queryKey: ['projects', projectId] });
      void queryClient.invalidateQueries({ queryKey: ['projects'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['studies'] });
    },
  });
}
