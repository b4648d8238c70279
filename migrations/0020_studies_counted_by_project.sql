DROP INDEX `studies_project_idx`;--> statement-breakpoint
CREATE INDEX `studies_project_idx` ON `studies` (`project_id`);