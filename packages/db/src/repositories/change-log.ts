import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../connection';

/**
 * The logs the read worker's in-memory copies follow (docs/decisions/020, 025): rows numbered by
 * AUTOINCREMENT, hence rising and without gaps, so a copy can tell whether every change since
 * its own is still logged.
 */
export type ChangeLog = 'counts_log' | 'highlights_log';

/** The last change's number ever given (0: none), whether or not its row was pruned. */
export function lastChange(db: Db, log: ChangeLog): number {
  return (
    db.get<{ seq: number }>(sql`SELECT seq FROM sqlite_sequence WHERE name = ${log}`)?.seq ?? 0
  );
}

/** The oldest change still logged (null: the log is empty). */
export function oldestChange(db: Db, log: ChangeLog): number | null {
  return (
    db.get<{ seq: number | null }>(sql`SELECT min(seq) AS seq FROM ${sql.identifier(log)}`)?.seq ??
    null
  );
}

/**
 * The oldest and newest change logged. Two subqueries: SQLite reads a lone min() or max() off the
 * key's ends, but `SELECT min(seq), max(seq)` scans the whole log (0.35–0.45 s at two million
 * rows, on the API thread every 2 s, after a large import).
 */
export const logSpan = (log: ChangeLog): SQL =>
  sql`SELECT (SELECT min(seq) FROM ${sql.identifier(log)}) AS oldest,
  (SELECT max(seq) FROM ${sql.identifier(log)}) AS newest`;

/**
 * Deletes logged changes up to `through` (null: all), and in any case all but the newest
 * `maxBacklog`, at most `chunk` rows at a time (a short write on the API thread). Reads first, so
 * a log with nothing to prune costs no write lock. A copy older than what is left is read again.
 */
export function pruneLog(
  db: Db,
  log: ChangeLog,
  limits: { through: number | null; maxBacklog: number; chunk: number },
): number {
  const span = db.get<{ oldest: number | null; newest: number | null }>(logSpan(log));
  if (!span?.oldest || !span.newest) return 0;
  const wanted = Math.max(limits.through ?? span.newest, span.newest - limits.maxBacklog);
  const upTo = Math.min(wanted, span.oldest + limits.chunk - 1);
  if (upTo < span.oldest) return 0;
  return db.run(sql`DELETE FROM ${sql.identifier(log)} WHERE seq <= ${upTo}`).changes;
}
