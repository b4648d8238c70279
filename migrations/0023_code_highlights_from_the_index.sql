DROP INDEX `highlight_codes_code_idx`;--> statement-breakpoint
CREATE INDEX `highlight_codes_code_idx` ON `highlight_codes` (`code_id`,`highlight_id`);