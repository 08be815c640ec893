CREATE TABLE `official_calendars` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`fingerprint` text NOT NULL,
	`applied_at` text NOT NULL
);
