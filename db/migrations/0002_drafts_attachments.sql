CREATE TABLE `complaint_attachments` (
	`complaint_id` text NOT NULL,
	`sha256` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_attachments_pk` ON `complaint_attachments` (`complaint_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`form` text NOT NULL,
	`data` text NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drafts_form_updated` ON `drafts` (`form`,`updated_at`);--> statement-breakpoint
CREATE INDEX `complaints_created_at` ON `complaints` (`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_channel_received_at` ON `complaints` (`channel`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_reporter_phone` ON `complaints` (`reporter_phone`);--> statement-breakpoint
CREATE INDEX `complaints_reporter_email` ON `complaints` (`reporter_email`);