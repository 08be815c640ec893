-- Complaints are never hard-deleted and their history is append-only; the database itself refuses,
-- so no future code path can do it by accident.
CREATE TRIGGER `complaints_no_delete` BEFORE DELETE ON `complaints`
BEGIN SELECT RAISE(ABORT, 'complaints are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `complaint_events_no_update` BEFORE UPDATE ON `complaint_events`
BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaint_events_no_delete` BEFORE DELETE ON `complaint_events`
BEGIN SELECT RAISE(ABORT, 'complaint events are append-only'); END;
