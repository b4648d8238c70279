CREATE TABLE `highlights_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`highlight` integer NOT NULL
);
--> statement-breakpoint
-- Hand-written below: every change to a highlight's document, coder, position or codes is logged
-- for the read worker's copy of the project's highlights (docs/decisions/025). Cascades from a
-- deleted code, study or document fire these too.
CREATE TRIGGER `highlights_log_ai` AFTER INSERT ON `highlights` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`) VALUES (new.project_id, new.rowid);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_log_au` AFTER UPDATE OF `document_id`, `coder_id`, `start`, `end` ON `highlights` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`) VALUES (new.project_id, new.rowid);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_log_ad` AFTER DELETE ON `highlights` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`) VALUES (old.project_id, old.rowid);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_log_codes_ai` AFTER INSERT ON `highlight_codes` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`)
  SELECT project_id, rowid FROM `highlights` WHERE id = new.highlight_id;
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_log_codes_au` AFTER UPDATE ON `highlight_codes` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`)
  SELECT project_id, rowid FROM `highlights` WHERE id IN (old.highlight_id, new.highlight_id);
END;
--> statement-breakpoint
CREATE TRIGGER `highlights_log_codes_ad` AFTER DELETE ON `highlight_codes` BEGIN
  INSERT INTO `highlights_log` (`project_id`, `highlight`)
  SELECT project_id, rowid FROM `highlights` WHERE id = old.highlight_id;
END;
