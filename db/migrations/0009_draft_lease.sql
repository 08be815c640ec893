ALTER TABLE `drafts` ADD `holder` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `held_until` text;