CREATE TABLE `attributes` (
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text DEFAULT 'text' NOT NULL,
	PRIMARY KEY(`project_id`, `name`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `studies` ADD `volume` text;--> statement-breakpoint
ALTER TABLE `studies` ADD `issue` text;--> statement-breakpoint
ALTER TABLE `studies` ADD `pages` text;