import type { CopyReport } from '@kodbok/db';

/** "1 users, 2 projects, …": what a copy holds, for its maker to recognise it. */
export const describeCounts = (counts: CopyReport['counts']) =>
  Object.entries(counts)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ');

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Scripts fail loudly: the reason on stderr, and a non-zero exit. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
