-- Hand-written (issue 13, decision 028): analysis_totals keyed by the rowids of its code and
-- coder, as analysis_counts is since 0025, with 0 for every coder but the consensus (was '*').
-- Its triggers run for every count written (twice a highlight: its code and its theme), and
-- under text ids each looked the code and the coder up by rowid, then searched a key of two
-- UUIDs and the table behind it: 30–40 µs of a highlight's 170–190 µs of SQL in process. The
-- project's totals are its codes' (code IN the project's codes); no foreign keys: a code's totals
-- go with its counts, whose delete trigger drops a row that reaches zero.
DROP TRIGGER `analysis_counts_ai`;--> statement-breakpoint
DROP TRIGGER `analysis_counts_ad`;--> statement-breakpoint
DROP TRIGGER `analysis_counts_au`;--> statement-breakpoint
CREATE TABLE `__new_analysis_totals` (
	`code` integer NOT NULL,
	`coder` integer NOT NULL,
	`highlights` integer NOT NULL,
	`documents` integer NOT NULL,
	`studies` integer NOT NULL,
	PRIMARY KEY(`code`, `coder`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_analysis_totals` (`code`, `coder`, `highlights`, `documents`, `studies`)
SELECT c.rowid, CASE WHEN t.coder_id = '*' THEN 0 ELSE u.rowid END, t.highlights, t.documents,
  t.studies
FROM `analysis_totals` t JOIN `codes` c ON c.id = t.code_id LEFT JOIN `users` u ON u.id = t.coder_id
WHERE t.coder_id = '*' OR u.rowid IS NOT NULL;--> statement-breakpoint
DROP TABLE `analysis_totals`;--> statement-breakpoint
ALTER TABLE `__new_analysis_totals` RENAME TO `analysis_totals`;--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `analysis_totals` (`code`, `coder`, `highlights`, `documents`, `studies`)
  VALUES (new.code, new.coder, new.highlights, 1,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND a.coder = new.coder AND a.document <> new.document))
  ON CONFLICT (`code`, `coder`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + 1, studies = studies + excluded.studies;
  INSERT INTO `analysis_totals` (`code`, `coder`, `highlights`, `documents`, `studies`)
  SELECT new.code, 0, new.highlights,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND a.document = new.document AND a.coder <> new.coder AND a.coder <> k.rowid),
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND NOT (a.document = new.document AND a.coder = new.coder) AND a.coder <> k.rowid)
  FROM `users` k WHERE k.id = 'consensus' AND new.coder <> k.rowid
  ON CONFLICT (`code`, `coder`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + excluded.documents, studies = studies + excluded.studies;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ad` AFTER DELETE ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights, documents = documents - 1,
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.coder = old.coder)
  WHERE code = old.code AND coder = old.coder;
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights,
    documents = documents - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.document = old.document
      AND a.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus')),
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus'))
  WHERE code = old.code AND coder = 0
    AND old.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus');
  DELETE FROM `analysis_totals` WHERE code = old.code AND highlights <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights + new.highlights - old.highlights
  WHERE code = new.code AND (coder = new.coder
    OR (coder = 0 AND new.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus')));
END;
