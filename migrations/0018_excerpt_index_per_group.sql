-- Hand-edited (issue 13): a group commit of new highlights adds them to the excerpt search's
-- index (highlights_fts) in one statement at its end, instead of the trigger adding each one:
-- FTS5 writes out its pending terms at every statement that may need undoing, so row by row the
-- index gained a new segment per highlight. While the group's row is in highlights_fts_deferred
-- (inside its transaction only), the insert trigger leaves new highlights to it.
CREATE TABLE `highlights_fts_deferred` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `highlights_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ai` AFTER INSERT ON `highlights`
WHEN NOT EXISTS (SELECT 1 FROM `highlights_fts_deferred`) BEGIN
  INSERT INTO `highlights_fts` (rowid, quote, memo, scope) VALUES (new.rowid, new.quote, coalesce(new.memo, ''),
    'p' || replace(new.project_id, '-', '') || ' c' || replace(new.coder_id, '-', ''));
END;
