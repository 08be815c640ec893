-- Full-text search over problem, description and reporter. The reporter column is left empty for
-- anonymous and confidential complaints, so searching a name never reveals that such a person
-- complained. Kept in step by triggers; rowid is the complaint's rowid.
CREATE VIRTUAL TABLE `complaints_fts` USING fts5(
	`problem`, `content`, `reporter`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`)
SELECT rowid, coalesce(`problem`, ''), `content`,
	CASE WHEN `anonymous` OR `confidential` THEN '' ELSE trim(coalesce(`reporter_name`, '') || ' ' || coalesce(`reporter_institution`, '')) END
FROM `complaints`;
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_insert` AFTER INSERT ON `complaints` BEGIN
	INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`) VALUES (
		new.rowid, coalesce(new.`problem`, ''), new.`content`,
		CASE WHEN new.`anonymous` OR new.`confidential` THEN '' ELSE trim(coalesce(new.`reporter_name`, '') || ' ' || coalesce(new.`reporter_institution`, '')) END);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_update` AFTER UPDATE OF `problem`, `content`, `reporter_name`, `reporter_institution`, `anonymous`, `confidential` ON `complaints` BEGIN
	DELETE FROM `complaints_fts` WHERE rowid = old.rowid;
	INSERT INTO `complaints_fts` (rowid, `problem`, `content`, `reporter`) VALUES (
		new.rowid, coalesce(new.`problem`, ''), new.`content`,
		CASE WHEN new.`anonymous` OR new.`confidential` THEN '' ELSE trim(coalesce(new.`reporter_name`, '') || ' ' || coalesce(new.`reporter_institution`, '')) END);
END;
