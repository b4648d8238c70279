-- Hand-edited (issue 13): analysis_counts loses its index in study order and its foreign key to
-- studies, which without that index would make every study deleted search the whole table. Each
-- new count wrote a random page of the index beside one of the table (twice a highlight: the code
-- and its theme), 10 % of the highlights a second at a million highlights (decision 022, stop 22).
-- A study's counts now go with its documents, through the trigger on documents, which finds them
-- by the key (the project's codes × the study and document). The table is rebuilt (SQLite cannot
-- drop a foreign key), WITHOUT ROWID as before; its triggers, and the trigger on documents that
-- names it, are dropped first and made again as they were, so the rename meets no trigger naming
-- a missing table.
DROP TRIGGER `analysis_counts_document_ad`;
--> statement-breakpoint
CREATE TABLE `__new_analysis_counts` (
	`project_id` text NOT NULL,
	`code_id` text NOT NULL,
	`study_id` text NOT NULL,
	`document_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`code_id`, `study_id`, `document_id`, `coder_id`),
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_analysis_counts`("project_id", "code_id", "study_id", "document_id", "coder_id", "highlights") SELECT "project_id", "code_id", "study_id", "document_id", "coder_id", "highlights" FROM `analysis_counts`;--> statement-breakpoint
DROP TABLE `analysis_counts`;--> statement-breakpoint
ALTER TABLE `__new_analysis_counts` RENAME TO `analysis_counts`;--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ad` AFTER DELETE ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights, documents = documents - 1,
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.coder_id = old.coder_id)
  WHERE code_id = old.code_id AND coder_id = old.coder_id;
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights,
    documents = documents - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.document_id = old.document_id AND a.coder_id <> 'consensus'),
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.coder_id <> 'consensus')
  WHERE code_id = old.code_id AND coder_id = '*' AND old.coder_id <> 'consensus';
  DELETE FROM `analysis_totals` WHERE code_id = old.code_id AND highlights <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  VALUES (new.project_id, new.code_id, new.coder_id, new.highlights, 1,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.coder_id = new.coder_id AND a.document_id <> new.document_id))
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + 1, studies = studies + excluded.studies;
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  SELECT new.project_id, new.code_id, '*', new.highlights,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.document_id = new.document_id AND a.coder_id <> new.coder_id AND a.coder_id <> 'consensus'),
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND NOT (a.document_id = new.document_id AND a.coder_id = new.coder_id) AND a.coder_id <> 'consensus')
  WHERE new.coder_id <> 'consensus'
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + excluded.documents, studies = studies + excluded.studies;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights + new.highlights - old.highlights
  WHERE code_id = new.code_id
    AND (coder_id = new.coder_id OR (coder_id = '*' AND new.coder_id <> 'consensus'));
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_document_ad` AFTER DELETE ON `documents` BEGIN
  DELETE FROM `analysis_counts` WHERE code_id IN (SELECT id FROM `codes` WHERE project_id = old.project_id)
    AND study_id = old.study_id AND document_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_ad` AFTER DELETE ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (old.project_id, old.code_id, old.study_id, old.document_id, old.coder_id, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (new.project_id, new.code_id, new.study_id, new.document_id, new.coder_id, new.highlights);
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (new.project_id, new.code_id, new.study_id, new.document_id, new.coder_id, new.highlights);
END;
