import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QdpxImportResult, QdpxPreview } from '@kodbok/contracts';
import { apiUpload } from '../../../lib/api-client';

const form = (file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
};

/** POST /api/projects/from-qdpx?mode=preview — what the file holds and what it would create. */
export function previewProjectImport(file: File) {
  return apiUpload<QdpxPreview>('/api/projects/from-qdpx?mode=preview', form(file));
}

/** POST /api/projects/from-qdpx?mode=commit — a new project, owned by the caller. */
export function importProject(file: File) {
  return apiUpload<QdpxImportResult>('/api/projects/from-qdpx?mode=commit', form(file));
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
