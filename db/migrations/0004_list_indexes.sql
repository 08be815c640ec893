DROP INDEX `complaints_received_at`;--> statement-breakpoint
CREATE INDEX `complaints_received_at_id` ON `complaints` (`received_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_reporter_name_lower` ON `complaints` (lower("reporter_name"));