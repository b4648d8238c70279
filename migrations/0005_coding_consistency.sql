CREATE TABLE `assignments` (
	`project_id` text NOT NULL,
	`study_id` text NOT NULL,
	`user_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`done_at` text,
	PRIMARY KEY(`study_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignments_project_user_idx` ON `assignments` (`project_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `disagreement_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`document_id` text NOT NULL,
	`code_id` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`user_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disagreement_comments_document_idx` ON `disagreement_comments` (`document_id`,`code_id`,`start`);--> statement-breakpoint
CREATE TABLE `reconciliations` (
	`study_id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reconciled_at` text NOT NULL,
	FOREIGN KEY (`study_id`) REFERENCES `studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `resolutions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`document_id` text NOT NULL,
	`code_id` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`coders` text NOT NULL,
	`accepted` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resolutions_document_idx` ON `resolutions` (`document_id`,`code_id`,`start`);--> statement-breakpoint
ALTER TABLE `projects` ADD `independent_coding` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand-added: the consensus coding's coder (docs/decisions/011). No password and disabled, so it
-- can never sign in; highlights with this coder_id are the project's agreed coding.
INSERT OR IGNORE INTO `users` (`id`, `email`, `name`, `password_hash`, `is_instance_owner`, `disabled`, `created_at`) VALUES ('consensus', 'consensus@kodbok.invalid', 'Consensus', NULL, 0, 1, '2026-11-28T00:00:00.000Z');
