/**
 * Files dropped on a page before it could take them (while the session is still loading, the
 * shell shows a placeholder in its place) are held here for that page: the studies page takes
 * them when it mounts, so the drop is not lost. Held only for the page they were dropped on, and
 * only briefly: a drop must not turn into an import minutes later somewhere else.
 */
const HOLD_MS = 30_000;

let held: { path: string; files: File[]; at: number } | null = null;

export function holdDroppedFiles(path: string, files: File[], now = Date.now()): void {
  held = { path, files, at: now };
}

/** The files dropped on `path` before it was shown, once (null: none, too old, or elsewhere). */
export function takeDroppedFiles(path: string, now = Date.now()): File[] | null {
  const h = held;
  held = null;
  if (!h || h.path !== path || now - h.at > HOLD_MS) return null;
  return h.files;
}

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Keeps the browser from opening a file dropped where no page takes it (the header, a page
 * without an import): it would replace Kodbok in the tab. A page that takes files has already
 * accepted the drag when this runs (React's handlers run first); elsewhere the drop is refused.
 */
export function guardFileDrops(target: Window): void {
  target.addEventListener('dragover', (e) => {
    if (!carriesFiles(e) || e.defaultPrevented) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'none';
  });
  target.addEventListener('drop', (e) => {
    if (carriesFiles(e)) e.preventDefault();
  });
}
