import { useMutation, useQueryClient } from '@tanstack/react-query';
import { refiEndpoints, type QdpxImportResult, type QdpxPreview } from '@kodbok/contracts';
import { apiUpload, urlOf } from '../../../lib/api-client';

const form = (file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
};

const path = (mode: 'preview' | 'commit') =>
  urlOf(refiEndpoints.importProjectQdpx, { query: { mode } });

/** What a .qdpx holds and what importing it would create. */
export function previewProjectImport(file: File) {
  return apiUpload<QdpxPreview>(path('preview'), form(file));
}

/** A new project, owned by the caller, from a .qdpx. */
export function importProject(file: File) {
  return apiUpload<QdpxImportResult>(path('commit'), form(file));
}

export function usePreviewProjectImport() {
  return useMutation({ mutationFn: previewProjectImport });
}

export function useImportProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['projects'], exact: true }),
  });
}
