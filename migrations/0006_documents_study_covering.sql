DROP INDEX `documents_study_idx`;--> statement-breakpoint
CREATE INDEX `documents_study_idx` ON `documents` (`study_id`,`created_at`,`id`,`length`);