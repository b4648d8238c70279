import { useState } from 'react';
import type { CsvMapping, DuplicateChoice } from '@kodbok/contracts';
import { useCommitImport, usePreviewImport } from '../api/create-import';

export interface Progress {
  sent: number;
  total: number;
}

/**
 * The import flow: choose files → preview (upload, then the server reads them) → optionally
 * remap CSV columns (a new preview) → confirm (the same files again, stored in one transaction).
 */
export function useImport(projectId: string) {
  const [files, setFiles] = useState<File[]>([]);
  const [mapping, setMapping] = useState<CsvMapping | undefined>();
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('skip');
  const [progress, setProgress] = useState<Progress | null>(null);
  const onProgress = (sent: number, total: number) => setProgress({ sent, total });
  const preview = usePreviewImport(projectId, onProgress);
  const commit = useCommitImport(projectId, onProgress);

  function choose(chosen: File[]) {
    if (chosen.length === 0) return;
    setFiles(chosen);
    setMapping(undefined);
    setProgress(null);
    commit.reset();
    preview.mutate({ files: chosen });
  }
  function remap(next: CsvMapping) {
    setMapping(next);
    setProgress(null);
    preview.mutate({ files, mapping: next });
  }
  function confirm() {
    setProgress(null);
    commit.mutate({ files, mapping, duplicates });
  }
  function reset() {
    setFiles([]);
    setMapping(undefined);
    setProgress(null);
    preview.reset();
    commit.reset();
  }
  const busy = preview.isPending || commit.isPending;
  return {
    files,
    duplicates,
    setDuplicates,
    progress,
    preview,
    commit,
    busy,
    choose,
    remap,
    confirm,
    reset,
  };
}
export type ImportFlow = ReturnType<typeof useImport>;
