CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `complaints` ADD `classification` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `jenis` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `darwas` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `category` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `sanctions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `satisfaction` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `next_due_at` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `next_due_kind` text;--> statement-breakpoint
CREATE INDEX `complaints_status_due` ON `complaints` (`status`,`next_due_at`);--> statement-breakpoint
CREATE INDEX `complaints_next_due` ON `complaints` (`next_due_at`);