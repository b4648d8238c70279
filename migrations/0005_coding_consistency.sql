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
--> statement-breakpoint
-- Hand-written: the all-coders totals (coder_id '*') leave out the consensus coding, which is a
-- version of the coders' work, not more of it. Same triggers as 0003 with that one condition.
DROP TRIGGER `analysis_counts_ai`;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ai` AFTER INSERT ON `analysis_counts` BEGIN
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  VALUES (new.project_id, new.code_id, new.coder_id, new.highlights, 1,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.coder_id = new.coder_id AND a.document_id <> new.document_id))
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + 1, studies = studies + excluded.studies;
  INSERT INTO `analysis_totals` (`project_id`, `code_id`, `coder_id`, `highlights`, `documents`, `studies`)
  SELECT new.project_id, new.code_id, '*', new.highlights,
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND a.document_id = new.document_id AND a.coder_id <> new.coder_id AND a.coder_id <> 'consensus'),
    NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = new.code_id AND a.study_id = new.study_id
      AND NOT (a.document_id = new.document_id AND a.coder_id = new.coder_id) AND a.coder_id <> 'consensus')
  WHERE new.coder_id <> 'consensus'
  ON CONFLICT (`code_id`, `coder_id`) DO UPDATE SET highlights = highlights + excluded.highlights,
    documents = documents + excluded.documents, studies = studies + excluded.studies;
END;
--> statement-breakpoint
DROP TRIGGER `analysis_counts_au`;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_au` AFTER UPDATE OF `highlights` ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights + new.highlights - old.highlights
  WHERE code_id = new.code_id
    AND (coder_id = new.coder_id OR (coder_id = '*' AND new.coder_id <> 'consensus'));
END;
--> statement-breakpoint
DROP TRIGGER `analysis_counts_ad`;
--> statement-breakpoint
CREATE TRIGGER `analysis_counts_ad` AFTER DELETE ON `analysis_counts` BEGIN
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights, documents = documents - 1,
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.coder_id = old.coder_id)
  WHERE code_id = old.code_id AND coder_id = old.coder_id;
  UPDATE `analysis_totals` SET highlights = highlights - old.highlights,
    documents = documents - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.document_id = old.document_id AND a.coder_id <> 'consensus'),
    studies = studies - NOT EXISTS (SELECT 1 FROM `analysis_counts` a WHERE a.code_id = old.code_id
      AND a.study_id = old.study_id AND a.coder_id <> 'consensus')
  WHERE code_id = old.code_id AND coder_id = '*' AND old.coder_id <> 'consensus';
  DELETE FROM `analysis_totals` WHERE code_id = old.code_id AND highlights <= 0;
END;
