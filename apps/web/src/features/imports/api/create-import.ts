import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  importEndpoints,
  type CsvMapping,
  type DuplicateChoice,
  type ImportPreview,
  type ImportResult,
} from '@kodbok/contracts';
import { apiUpload, urlOf, type UploadProgress } from '../../../lib/api-client';

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

/** What importing the files would bring: stores nothing. */
export function previewImport(
  projectId: string,
  request: ImportRequest,
  onProgress?: UploadProgress,
) {
  const url = urlOf(importEndpoints.importStudies, {
    params: { projectId },
    query: { mode: 'preview' },
  });
  return apiUpload<ImportPreview>(url, form(request), onProgress);
}

/** Imports the files' studies, in one transaction. */
export function commitImport(
  projectId: string,
  request: ImportRequest & { duplicates: DuplicateChoice },
  onProgress?: UploadProgress,
) {
  const url = urlOf(importEndpoints.importStudies, {
    params: { projectId },
    query: { mode: 'commit', duplicates: request.duplicates },
  });
  return apiUpload<ImportResult>(url, form(request), onProgress);
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
