-- The transactional outbox is written by the database itself: every new complaint and every
-- version bump queues the newest version inside the very transaction that made it, whichever code
-- path wrote it. A queued, rejected or sent row is re-queued with its counters cleared; the
-- upstream's receipt (tracking id, sent version) is kept.
CREATE TRIGGER `outbox_on_insert` AFTER INSERT ON `complaints`
BEGIN
  INSERT OR IGNORE INTO `outbox` (`complaint_id`, `version`, `state`, `queued_at`, `attempts`)
  VALUES (NEW.`id`, NEW.`version`, 'queued', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0);
END;
--> statement-breakpoint
CREATE TRIGGER `outbox_on_version` AFTER UPDATE OF `version` ON `complaints` WHEN NEW.`version` <> OLD.`version`
BEGIN
  UPDATE `outbox` SET `version` = NEW.`version`, `state` = 'queued', `queued_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    `attempts` = 0, `next_attempt_at` = NULL, `last_error` = NULL, `field_errors` = NULL
  WHERE `complaint_id` = NEW.`id`;
  INSERT OR IGNORE INTO `outbox` (`complaint_id`, `version`, `state`, `queued_at`, `attempts`)
  VALUES (NEW.`id`, NEW.`version`, 'queued', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 0);
END;
--> statement-breakpoint
-- Complaints saved before the outbox existed are owed to the upstream too.
INSERT OR IGNORE INTO `outbox` (`complaint_id`, `version`, `state`, `queued_at`, `attempts`)
SELECT `id`, `version`, 'queued', `created_at`, 0 FROM `complaints`;
