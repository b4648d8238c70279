-- Hand-written (issue 13, docs/decisions/020): the excerpt search's index gains a `scope` column of
-- two tokens per highlight, its project and its coder ('p' and 'c' and the id without hyphens), so
-- that a search's total in a project, for its coders, is counted inside the full-text index
-- (milliseconds) instead of by looking up every matching highlight (0.5–1 s at 135,000 matches).
-- The content is a view over highlights that derives the tokens, so 'rebuild' and
-- 'integrity-check' work as before.
DROP TRIGGER `highlights_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `highlights_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `highlights_fts_au`;
--> statement-breakpoint
DROP TABLE `highlights_fts`;
--> statement-breakpoint
CREATE VIEW `highlights_search` AS SELECT rowid AS rid, quote, coalesce(memo, '') AS memo,
  'p' || replace(project_id, '-', '') || ' c' || replace(coder_id, '-', '') AS scope
  FROM `highlights`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `highlights_fts` USING fts5(quote, memo, scope, content='highlights_search', content_rowid='rid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (rowid, quote, memo, scope) VALUES (new.rowid, new.quote, coalesce(new.memo, ''),
    'p' || replace(new.project_id, '-', '') || ' c' || replace(new.coder_id, '-', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ad` AFTER DELETE ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (`highlights_fts`, rowid, quote, memo, scope) VALUES ('delete', old.rowid, old.quote, coalesce(old.memo, ''),
    'p' || replace(old.project_id, '-', '') || ' c' || replace(old.coder_id, '-', ''));
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_au` AFTER UPDATE OF `quote`, `memo`, `project_id`, `coder_id` ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (`highlights_fts`, rowid, quote, memo, scope) VALUES ('delete', old.rowid, old.quote, coalesce(old.memo, ''),
    'p' || replace(old.project_id, '-', '') || ' c' || replace(old.coder_id, '-', ''));
  INSERT INTO `highlights_fts` (rowid, quote, memo, scope) VALUES (new.rowid, new.quote, coalesce(new.memo, ''),
    'p' || replace(new.project_id, '-', '') || ' c' || replace(new.coder_id, '-', ''));
END;
--> statement-breakpoint
INSERT INTO `highlights_fts` (`highlights_fts`) VALUES ('rebuild');
