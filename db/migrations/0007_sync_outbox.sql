CREATE TABLE `outbox` (
	`complaint_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`state` text NOT NULL,
	`queued_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`field_errors` text,
	`sent_version` integer,
	`outcome` text,
	`tracking_id` text,
	`sent_at` text,
	`upstream_status` text,
	`upstream_status_at` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_state_queued` ON `outbox` (`state`,`queued_at`,`complaint_id`);--> statement-breakpoint
CREATE TABLE `sync_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`sent` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`pulled` integer NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `sync_runs_started` ON `sync_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `upstream_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`uploaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `upstream_updates` (
	`client_id` text NOT NULL,
	`seq` integer NOT NULL,
	`tracking_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`note` text,
	`by` text,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upstream_updates_client_seq` ON `upstream_updates` (`client_id`,`seq`);