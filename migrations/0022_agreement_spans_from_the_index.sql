DROP INDEX `highlights_document_idx`;--> statement-breakpoint
CREATE INDEX `highlights_document_idx` ON `highlights` (`document_id`,`start`,`id`,`coder_id`,`end`);