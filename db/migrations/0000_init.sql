CREATE TABLE `complaint_events` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` text NOT NULL,
	`actor` text,
	`note` text,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_events_complaint_seq` ON `complaint_events` (`complaint_id`,`seq`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`form_version` integer DEFAULT 1 NOT NULL,
	`registration_no` text NOT NULL,
	`form` text NOT NULL,
	`channel` text NOT NULL,
	`received_at` text NOT NULL,
	`slip_date` text,
	`problem` text,
	`content` text NOT NULL,
	`resolution` text,
	`reporter_name` text,
	`reporter_institution` text,
	`reporter_address` text,
	`reporter_phone` text,
	`reporter_email` text,
	`reporter_gender` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`confidential` integer DEFAULT false NOT NULL,
	`officer` text,
	`status` text DEFAULT 'diterima' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_registration_no` ON `complaints` (`registration_no`);--> statement-breakpoint
CREATE INDEX `complaints_received_at` ON `complaints` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_form_received_at` ON `complaints` (`form`,`received_at`);--> statement-breakpoint
CREATE TABLE `registration_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
