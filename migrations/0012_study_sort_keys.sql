-- The two study orders of 0009 were indexes on kodbok_sortkey(…), a function only Kodbok's
-- connections know: `sqlite3 kodbok.sqlite 'PRAGMA integrity_check'` and any write to studies
-- from another tool then failed. The keys are stored columns instead, written by the study
-- repository; filled here by the same function (registered on the migrating connection).
DROP INDEX `studies_title_order_idx`;--> statement-breakpoint
DROP INDEX `studies_citation_order_idx`;--> statement-breakpoint
ALTER TABLE `studies` ADD `title_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `studies` ADD `author_key` text;--> statement-breakpoint
UPDATE `studies` SET `title_key` = kodbok_sortkey(`title`),
  `author_key` = kodbok_sortkey(json_extract(`authors`, '$[0]'));--> statement-breakpoint
CREATE INDEX `studies_title_order_idx` ON `studies` (`project_id`,`title_key`,`title`);--> statement-breakpoint
CREATE INDEX `studies_citation_order_idx` ON `studies` (`project_id`,`author_key`,`year`,`title_key`,`id`);
