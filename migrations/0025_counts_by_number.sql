-- Hand-written (issue 13, decision 028): analysis_counts keyed by the rowids of its code, study,
-- document and coder instead of their text ids. Four UUIDs made a key of some 150 bytes: at a
-- million highlights the table was a b-tree seven levels deep over 400 MB, and a highlight's
-- two counts were the largest part of its write (about 50 µs of the group commit's 210 in
-- process). As integers the key is a dozen bytes: four levels, 36 MB. counts_log names the same
-- rowids. analysis_totals keeps its text ids (a few hundred rows a project): its triggers find
-- them by rowid. Nothing here runs VACUUM, which may renumber rowids.
--
-- The foreign key from the counts to codes cannot point at a rowid: a code's counts now go in a
-- trigger before the code (so their own triggers still find it for the totals and the log), a
-- study's before the study (a study's documents go by cascade after their study, when their
-- trigger could no longer find its rowid), and a document's after it, as before.
DROP TRIGGER `analysis_counts_ai`;--> statement-breakpoint
DROP TRIGGER `analysis_counts_ad`;--> statement-breakpoint
DROP TRIGGER `analysis_counts_au`;--> statement-breakpoint
DROP TRIGGER `counts_log_ai`;--> statement-breakpoint
DROP TRIGGER `counts_log_ad`;--> statement-breakpoint
DROP TRIGGER `counts_log_au`;--> statement-breakpoint
DROP TRIGGER `analysis_counts_document_ad`;--> statement-breakpoint
CREATE TABLE `__new_analysis_counts` (
	`code` integer NOT NULL,
	`study` integer NOT NULL,
	`document` integer NOT NULL,
	`coder` integer NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`code`, `study`, `document`, `coder`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_analysis_counts` (`code`, `study`, `document`, `coder`, `highlights`)
SELECT c.rowid, s.rowid, d.rowid, u.rowid, a.highlights FROM `analysis_counts` a
JOIN `codes` c ON c.id = a.code_id JOIN `studies` s ON s.id = a.study_id
JOIN `documents` d ON d.id = a.document_id JOIN `users` u ON u.id = a.coder_id
ORDER BY 1, 2, 3, 4;--> statement-breakpoint
DROP TABLE `analysis_counts`;--> statement-breakpoint
ALTER TABLE `__new_analysis_counts` RENAME TO `analysis_counts`;--> statement-breakpoint
-- The log's rows are only what the read worker has not read yet, and a server that starts has
-- no worker yet: they go, and the numbering goes on where it was.
CREATE TABLE `__new_counts_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`code` integer NOT NULL,
	`study` integer NOT NULL,
	`document` integer NOT NULL,
	`coder` integer NOT NULL,
	`highlights` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq)
SELECT '__new_counts_log', seq FROM sqlite_sequence WHERE name = 'counts_log';--> statement-breakpoint
DROP TABLE `counts_log`;--> statement-breakpoint
ALTER TABLE `__new_counts_log` RENAME TO `counts_log`;--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  SELECT c.project_id, c.id, u.id, new.highlights, 1,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND a.coder = new.coder AND a.document <> new.document)
  FROM `codes` c, `users` u WHERE c.rowid = new.code AND u.rowid = new.coder
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + 1, studies = studies + excluded.studies;
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  SELECT c.project_id, c.id, '*', new.highlights,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND a.document = new.document AND a.coder <> new.coder AND a.coder <> k.rowid),
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = new.code AND a.study = new.study
      AND NOT (a.document = new.document AND a.coder = new.coder) AND a.coder <> k.rowid)
  FROM `codes` c, `users` k WHERE c.rowid = new.code AND k.id = 'consensus' AND new.coder <> k.rowid
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + excluded.documents, studies = studies + excluded.studies;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ad` AFTER DELETE ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights, documents = documents - 1,
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.coder = old.coder)
  WHERE code_id = (SELECT id FROM `codes` WHERE rowid = old.code)
    AND coder_id = (SELECT id FROM `users` WHERE rowid = old.coder);
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights,
    documents = documents - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.document = old.document
      AND a.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus')),
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code = old.code
      AND a.study = old.study AND a.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus'))
  WHERE code_id = (SELECT id FROM `codes` WHERE rowid = old.code) AND coder_id = '*'
    AND old.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus');
  DELETE FROM `analysis_totals`
  WHERE code_id = (SELECT id FROM `codes` WHERE rowid = old.code) AND highlights <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights + new.highlights - old.highlights
  WHERE code_id = (SELECT id FROM `codes` WHERE rowid = new.code)
    AND (coder_id = (SELECT id FROM `users` WHERE rowid = new.coder)
      OR (coder_id = '*' AND new.coder <> (SELECT rowid FROM `users` WHERE id = 'consensus')));
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code`, `study`, `document`, `coder`, `highlights`)
  SELECT project_id, new.code, new.study, new.document, new.coder, new.highlights
  FROM `codes` WHERE rowid = new.code;
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_ad` AFTER DELETE ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code`, `study`, `document`, `coder`, `highlights`)
  SELECT project_id, old.code, old.study, old.document, old.coder, 0
  FROM `codes` WHERE rowid = old.code;
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code`, `study`, `document`, `coder`, `highlights`)
  SELECT project_id, new.code, new.study, new.document, new.coder, new.highlights
  FROM `codes` WHERE rowid = new.code;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_code_bd` BEFORE DELETE ON `codes` BEGIN
  DELETE FROM `analysis_counts` WHERE code = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_study_bd` BEFORE DELETE ON `studies` BEGIN
  DELETE FROM `analysis_counts`
  WHERE code IN (SELECT rowid FROM `codes` WHERE project_id = old.project_id) AND study = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_document_ad` AFTER DELETE ON `documents` BEGIN
  DELETE FROM `analysis_counts`
  WHERE code IN (SELECT rowid FROM `codes` WHERE project_id = old.project_id)
    AND study = (SELECT rowid FROM `studies` WHERE id = old.study_id) AND document = old.rowid;
END;
