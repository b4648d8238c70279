CREATE TABLE `analysis_counts` (
	`project_id` text NOT NULL,
	`code_id` text NOT NULL,
	`study_id` text NOT NULL,
	`document_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`code_id`, `study_id`, `document_id`, `coder_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `analysis_counts_study_idx` ON `analysis_counts` (`study_id`,`code_id`);--> statement-breakpoint
CREATE TABLE `analysis_totals` (
	`project_id` text NOT NULL,
	`code_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL,
	`documents` integer NOT NULL,
	`studies` integer NOT NULL,
	PRIMARY KEY(`code_id`, `coder_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `analysis_totals_project_idx` ON `analysis_totals` (`project_id`,`coder_id`);--> statement-breakpoint
CREATE TABLE `code_closure` (
	`project_id` text NOT NULL,
	`ancestor_id` text NOT NULL,
	`descendant_id` text NOT NULL,
	PRIMARY KEY(`ancestor_id`, `descendant_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ancestor_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`descendant_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `code_closure_descendant_idx` ON `code_closure` (`descendant_id`,`ancestor_id`);--> statement-breakpoint
CREATE INDEX `code_closure_project_idx` ON `code_closure` (`project_id`);--> statement-breakpoint
CREATE TABLE `highlight_counts` (
	`project_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`project_id`, `coder_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `highlights_project_document_idx` ON `highlights` (`project_id`,`document_id`,`start`,`id`);--> statement-breakpoint
-- Hand-written below (drizzle-kit cannot express triggers or FTS5); see docs/decisions/007.
-- analysis_totals follows analysis_counts through triggers, so every path that changes counts
-- (highlight writes, rebuilds, cascading deletes of documents, studies and codes) keeps it exact.
CREATE TRIGGER `analysis_counts_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  VALUES (new.project_id, new.code_id, new.coder_id, new.highlights, 1,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.coder_id = new.coder_id AND a.document_id <> new.document_id))
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + 1, studies = studies + excluded.studies;
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  VALUES (new.project_id, new.code_id, '*', new.highlights,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.document_id = new.document_id AND a.coder_id <> new.coder_id),
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND NOT (a.document_id = new.document_id AND a.coder_id = new.coder_id)))
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + excluded.documents, studies = studies + excluded.studies;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights + new.highlights - old.highlights
  WHERE code_id = new.code_id AND coder_id IN (new.coder_id, '*');
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ad` AFTER DELETE ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights, documents = documents - 1,
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.coder_id = old.coder_id)
  WHERE code_id = old.code_id AND coder_id = old.coder_id;
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights,
    documents = documents - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.document_id = old.document_id),
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id)
  WHERE code_id = old.code_id AND coder_id = '*';
  DELETE FROM `analysis_totals` WHERE code_id = old.code_id AND highlights <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_document_ad` AFTER DELETE ON `documents` BEGIN
  DELETE FROM `analysis_counts` WHERE study_id = old.study_id AND document_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `highlight_counts_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO `highlight_counts` (`project_id`, `coder_id`, `highlights`) VALUES (new.project_id, new.coder_id, 1)
  ON CONFLICT (`project_id`, `coder_id`) DO UPDATE SET highlights = highlights + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `highlight_counts_ad` AFTER DELETE ON `highlights` BEGIN
  UPDATE `highlight_counts` SET highlights = highlights - 1
  WHERE project_id = old.project_id AND coder_id = old.coder_id;
END;
--> statement-breakpoint
-- Full-text search over excerpts (quote and memo) and documents. External content: the text is
-- stored once, in highlights and documents; the index follows them through triggers.
CREATE VIRTUAL TABLE `highlights_fts` USING fts5(quote, memo, content='highlights', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (rowid, quote, memo) VALUES (new.rowid, new.quote, coalesce(new.memo, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_ad` AFTER DELETE ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (`highlights_fts`, rowid, quote, memo) VALUES ('delete', old.rowid, old.quote, coalesce(old.memo, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_fts_au` AFTER UPDATE OF `quote`, `memo` ON `highlights` BEGIN
  INSERT INTO `highlights_fts` (`highlights_fts`, rowid, quote, memo) VALUES ('delete', old.rowid, old.quote, coalesce(old.memo, ''));
  INSERT INTO `highlights_fts` (rowid, quote, memo) VALUES (new.rowid, new.quote, coalesce(new.memo, ''));
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `documents_fts` USING fts5(text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `documents_fts_ai` AFTER INSERT ON `documents` BEGIN
  INSERT INTO `documents_fts` (rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_ad` AFTER DELETE ON `documents` BEGIN
  INSERT INTO `documents_fts` (`documents_fts`, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_au` AFTER UPDATE OF `text` ON `documents` BEGIN
  INSERT INTO `documents_fts` (`documents_fts`, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO `documents_fts` (rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
-- Existing data: index it and derive the analysis tables once.
INSERT INTO `highlights_fts` (`highlights_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `documents_fts` (`documents_fts`) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO `highlight_counts` (`project_id`, `coder_id`, `highlights`)
SELECT project_id, coder_id, count(*) FROM `highlights` GROUP BY project_id, coder_id;
--> statement-breakpoint
INSERT INTO `code_closure` (`project_id`, `ancestor_id`, `descendant_id`)
WITH RECURSIVE up(project_id, ancestor_id, descendant_id) AS (
  SELECT project_id, id, id FROM `codes`
  UNION
  SELECT up.project_id, c.parent_id, up.descendant_id FROM up JOIN `codes` c ON c.id = up.ancestor_id
  WHERE c.parent_id IS NOT NULL
)
SELECT project_id, ancestor_id, descendant_id FROM up;
--> statement-breakpoint
INSERT INTO `analysis_counts` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
SELECT h.project_id, cc.ancestor_id, d.study_id, h.document_id, h.coder_id, count(DISTINCT h.id)
FROM `highlights` h
JOIN `documents` d ON d.id = h.document_id
JOIN `highlight_codes` hc ON hc.highlight_id = h.id
JOIN `code_closure` cc ON cc.descendant_id = hc.code_id
GROUP BY cc.ancestor_id, h.document_id, h.coder_id;
