-- Formulir A's E. Penyelesaian is the answer given at the counter (forms/workflow.ts
-- answeredAtCounter): a form saved with it is now answered at the counter when saved.
--
-- Complaints saved with it by earlier versions keep their status: under the earlier rule the text
-- did not close the case, so clerks may have written a partial answer there, and only a person may
-- decide the case is done (the team still verifies them, or records "Dijawab langsung di loket").
-- Their answer does count as the same-day answer (forms/deadlines.ts), so the next deadline they
-- stored, that same-day answer, is forgotten here and recomputed at start-up (db/workflow.ts
-- recomputeOpenDeadlines) instead of showing them late.
UPDATE `complaints` SET `next_due_at` = NULL, `next_due_kind` = NULL
WHERE `form` = 'A' AND `resolution` IS NOT NULL AND `status` NOT IN ('selesai', 'dijawab_langsung', 'diarsipkan');
