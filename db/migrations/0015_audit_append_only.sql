-- The audit log is append-only and accounts are never deleted (only deactivated), so every row of
-- the log and of the history keeps naming a real account; the database itself refuses, so no code
-- path can do it by accident. Someone editing the file with other tools bypasses these: the hash
-- chain (db/audit.ts, `npm run audit -- verify`) shows where.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `accounts_no_delete` BEFORE DELETE ON `accounts`
BEGIN SELECT RAISE(ABORT, 'accounts are never deleted, only deactivated'); END;
