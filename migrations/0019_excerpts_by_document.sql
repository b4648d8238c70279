DROP INDEX `highlights_project_document_idx`;--> statement-breakpoint
DROP INDEX `highlights_document_idx`;--> statement-breakpoint
CREATE INDEX `highlights_document_idx` ON `highlights` (`document_id`,`start`,`id`,`coder_id`);--> statement-breakpoint
DROP INDEX `documents_project_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_project_idx` ON `documents` (`project_id`,`id`);