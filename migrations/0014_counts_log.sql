CREATE TABLE `counts_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`code_id` text NOT NULL,
	`study_id` text NOT NULL,
	`document_id` text NOT NULL,
	`coder_id` text NOT NULL,
	`highlights` integer NOT NULL
);
--> statement-breakpoint
-- Hand-written below: every change to analysis_counts is logged for the read worker's copy
-- (docs/decisions/020). A cascade from a deleted code, study or document fires these too.
CREATE TRIGGER `counts_log_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (new.project_id, new.code_id, new.study_id, new.document_id, new.coder_id, new.highlights);
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (new.project_id, new.code_id, new.study_id, new.document_id, new.coder_id, new.highlights);
END;
--> statement-breakpoint
CREATE TRIGGER `counts_log_ad` AFTER DELETE ON `analysis_counts` BEGIN
  INSERT INTO `counts_log` (`project_id`, `code_id`, `study_id`, `document_id`, `coder_id`, `highlights`)
  VALUES (old.project_id, old.code_id, old.study_id, old.document_id, old.coder_id, 0);
END;
