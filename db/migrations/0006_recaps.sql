CREATE TABLE `monev` (
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`rows` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monev_year_quarter` ON `monev` (`year`,`quarter`);--> statement-breakpoint
ALTER TABLE `complaints` ADD `reported_party` text;