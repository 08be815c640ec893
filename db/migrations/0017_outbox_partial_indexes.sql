DROP INDEX `outbox_state_queued`;--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`queued_at`,`complaint_id`) WHERE state = 'queued';--> statement-breakpoint
CREATE INDEX `outbox_retry` ON `outbox` (`next_attempt_at`) WHERE state = 'queued' AND next_attempt_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_sending` ON `outbox` (`queued_at`,`complaint_id`) WHERE state = 'sending';--> statement-breakpoint
CREATE INDEX `outbox_rejected` ON `outbox` (`queued_at`,`complaint_id`) WHERE state = 'rejected';