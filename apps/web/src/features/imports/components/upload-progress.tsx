import type { Progress } from '../hooks/use-import';

/** Upload progress, then a busy bar while the server reads (or stores) what it received. */
export function UploadProgress({
  progress,
  storing,
}: {
  progress: Progress | null;
  storing: boolean;
}) {
  const uploaded = progress && progress.total > 0 && progress.sent >= progress.total;
  const label =
    uploaded || !progress
      ? storing
        ? 'Importing the studies…'
        : 'Reading the records…'
      : `Uploading… ${formatSize(progress.sent)} of ${formatSize(progress.total)}`;
  return (
    <div className="upload-progress" role="status" aria-live="polite">
      <span id="upload-progress-label">{label}</span>
      {progress && !uploaded ? (
        <progress
          aria-labelledby="upload-progress-label"
          max={progress.total || 1}
          value={progress.sent}
        />
      ) : (
        // No value: an indeterminate bar, since the server does not report its own progress.
        <progress aria-labelledby="upload-progress-label" />
      )}
    </div>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
