CREATE TABLE `local_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `restores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`restored_at` text NOT NULL,
	`backup_file` text NOT NULL,
	`backup_taken_at` text NOT NULL,
	`backup_app_version` text NOT NULL,
	`requeued` integer NOT NULL,
	`counters` text NOT NULL
);
