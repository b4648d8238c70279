CREATE TABLE `memos` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`target` text NOT NULL,
	`study_id` text,
	`document_id` text,
	`code_id` text,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memos_target_user_idx` ON `memos` (`project_id`,`target`,`user_id`);--> statement-breakpoint
CREATE INDEX `memos_study_idx` ON `memos` (`study_id`);--> statement-breakpoint
CREATE INDEX `memos_document_idx` ON `memos` (`document_id`);--> statement-breakpoint
CREATE INDEX `memos_code_idx` ON `memos` (`code_id`);