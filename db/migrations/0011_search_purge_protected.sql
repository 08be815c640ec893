-- The search index forgets protected reporters for good, and knows registration numbers.
--
-- A plain FTS5 delete leaves the old terms in the index's data pages behind a delete marker until a
-- merge, and SQLite leaves freed pages and cells as they were, so the name of a reporter made
-- rahasia/anonim after being indexed stayed readable in the file. From now on the connection runs
-- with PRAGMA secure_delete (db/open.ts: freed pages and cells are zeroed) and the index with FTS5's
-- secure-delete option (a delete removes the terms from the data pages at once).
--
-- What existing files already hold is purged here: the index is dropped (its pages are zeroed as they
-- are freed) and rebuilt from the complaints, and every page already on the freelist, freed earlier
-- without zeroing, is overwritten with zeros by a scratch table that takes them all and gives them
-- back.
--
-- The new `registration` column holds the registration number and its counter without leading
-- zeros ("ADU/2026/000501 501"), so the tail of a number finds it through the index.
DROP TRIGGER IF EXISTS `complaints_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `complaints_fts_update`;
--> statement-breakpoint
DROP TABLE `complaints_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `complaints_fts` USING fts5(
	`problem`, `content`, `reporter`, `registration`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `complaints_fts` (`complaints_fts`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`, `registration`)
SELECT rowid, coalesce(`problem`, ''), `content`,
	CASE WHEN `anonymous` OR `confidential` THEN '' ELSE trim(coalesce(`reporter_name`, '') || ' ' || coalesce(`reporter_institution`, '')) END,
	`registration_no` || ' ' || ltrim(substr(`registration_no`, length(rtrim(`registration_no`, '0123456789')) + 1), '0')
FROM `complaints`;
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_insert` AFTER INSERT ON `complaints` BEGIN
	INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`, `registration`) VALUES (
		new.rowid, coalesce(new.`problem`, ''), new.`content`,
		CASE WHEN new.`anonymous` OR new.`confidential` THEN '' ELSE trim(coalesce(new.`reporter_name`, '') || ' ' || coalesce(new.`reporter_institution`, '')) END,
		new.`registration_no` || ' ' || ltrim(substr(new.`registration_no`, length(rtrim(new.`registration_no`, '0123456789')) + 1), '0'));
END;
--> statement-breakpoint
-- Only when an indexed value changes: a transition rewrites the whole row, and a secure delete costs
-- a rewrite of the index pages.
CREATE TRIGGER `complaints_fts_update` AFTER UPDATE OF `problem`, `content`, `reporter_name`, `reporter_institution`, `anonymous`, `confidential`, `registration_no` ON `complaints`
WHEN old.`problem` IS NOT new.`problem` OR old.`content` IS NOT new.`content` OR old.`reporter_name` IS NOT new.`reporter_name`
	OR old.`reporter_institution` IS NOT new.`reporter_institution` OR old.`anonymous` IS NOT new.`anonymous`
	OR old.`confidential` IS NOT new.`confidential` OR old.`registration_no` IS NOT new.`registration_no`
BEGIN
	DELETE FROM `complaints_fts` WHERE rowid = old.rowid;
	INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`, `registration`) VALUES (
		new.rowid, coalesce(new.`problem`, ''), new.`content`,
		CASE WHEN new.`anonymous` OR new.`confidential` THEN '' ELSE trim(coalesce(new.`reporter_name`, '') || ' ' || coalesce(new.`reporter_institution`, '')) END,
		new.`registration_no` || ' ' || ltrim(substr(new.`registration_no`, length(rtrim(new.`registration_no`, '0123456789')) + 1), '0'));
END;
--> statement-breakpoint
CREATE TABLE `freelist_scrub` (`b` blob);
--> statement-breakpoint
INSERT INTO `freelist_scrub` SELECT zeroblob((SELECT `freelist_count` FROM pragma_freelist_count()) * (SELECT `page_size` FROM pragma_page_size()));
--> statement-breakpoint
DROP TABLE `freelist_scrub`;
