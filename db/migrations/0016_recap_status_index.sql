-- The steps that moved a case (a transition, or a save answered at the counter: their data has a
-- `to`), with what db/recaps.ts reads of them, in a partial covering index. A recap takes the status
-- each complaint had at the end of its period from one range scan of this index over the period's
-- complaint ids, instead of a correlated subquery into each case's whole history. Written by hand:
-- drizzle-kit cannot declare an index on an expression.
CREATE INDEX `complaint_events_moves` ON `complaint_events` (`complaint_id`, `seq`, `at`, `type`, json_extract(`data`, '$.to'))
WHERE json_extract(`data`, '$.to') IS NOT NULL;
