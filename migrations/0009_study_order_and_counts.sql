CREATE TABLE `document_counts` (
	`document_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL,
	PRIMARY KEY(`document_id`, `coder_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `documents_study_idx`;--> statement-breakpoint
CREATE INDEX `documents_study_idx` ON `documents` (`study_id`,`created_at`,`id`,`kind`,`length`);--> statement-breakpoint
DROP INDEX `analysis_counts_study_idx`;--> statement-breakpoint
CREATE INDEX `analysis_counts_study_idx` ON `analysis_counts` (`study_id`,`code_id`,`highlights`);--> statement-breakpoint
-- Hand-edited: WITHOUT ROWID as for analysis_counts (the key is the table), and the citation
-- index's json_extract, which drizzle-kit split at its comma. kodbok_sortkey is registered on
-- every connection (packages/db/src/connection.ts) before migrations run.
CREATE INDEX `studies_title_order_idx` ON `studies` (`project_id`,kodbok_sortkey("title"),`title`);--> statement-breakpoint
CREATE INDEX `studies_citation_order_idx` ON `studies` (`project_id`,kodbok_sortkey(json_extract("authors", '$[0]')),`year`,kodbok_sortkey("title"),`id`);--> statement-breakpoint
-- Hand-written below: document_counts follows highlights (issue 13), as highlight_counts does.
CREATE TRIGGER `document_counts_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO `document_counts` (`document_id`, `coder_id`, `highlights`)
  VALUES (new.document_id, new.coder_id, 1)
  ON CONFLICT (`document_id`, `coder_id`) DO UPDATE SET highlights = highlights + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `document_counts_ad` AFTER DELETE ON `highlights` BEGIN
  UPDATE `document_counts` SET highlights = highlights - 1
  WHERE document_id = old.document_id AND coder_id = old.coder_id;
END;
--> statement-breakpoint
INSERT INTO `document_counts` (`document_id`, `coder_id`, `highlights`)
SELECT document_id, coder_id, count(*) FROM `highlights` GROUP BY document_id, coder_id;
