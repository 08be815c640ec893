// Migration 0012: an open Formulir A saved with E. Penyelesaian by an earlier version had the
// same-day answer as its next deadline, which that text already met. Its next deadline is
// forgotten (start-up recomputes it, db/workflow.ts recomputeOpenDeadlines); nothing else moves.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../../db/open';
import { complaintId, complaintRow, databaseAt, migrateTo } from './old-database';

const open: OpenDatabase[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

const due = { next_due_at: '2026-11-16T16:59:59.999Z', next_due_kind: 'jawaban_awal' };

describe('migration 0012_counter_answer_deadlines', () => {
  it('forgets the next deadline of open walk-ins answered at the counter, and only theirs', () => {
    const old = databaseAt('0011_search_purge_protected');
    // Open, with E. Penyelesaian: its stored same-day deadline was met by that answer.
    old.insert('complaints', complaintRow(1, { resolution: 'Dijelaskan alur perizinan di loket.', ...due }));
    old.insert('complaints', complaintRow(2, { resolution: 'Dijelaskan sebagian; menunggu berkas.', status: 'menunggu_kelengkapan', next_due_at: '2026-11-30T16:59:59.999Z', next_due_kind: 'kelengkapan' }));
    // Closed with E. Penyelesaian, open without it, another form: untouched.
    old.insert('complaints', complaintRow(3, { resolution: 'Dijawab di loket.', status: 'dijawab_langsung', next_due_at: null, next_due_kind: null }));
    old.insert('complaints', complaintRow(4, { resolution: 'Selesai.', status: 'selesai', ...due }));
    old.insert('complaints', complaintRow(5, { resolution: null, ...due }));
    old.insert('complaints', complaintRow(6, { form: 'C', channel: 'surel', resolution: null, next_due_at: '2026-11-17T06:00:00.000Z', next_due_kind: 'jawaban_awal' }));
    const before = old.sqlite.prepare('SELECT id, status, version, resolution, updated_at FROM complaints ORDER BY id').all();

    const db = migrateTo(old, '0012_counter_answer_deadlines');
    open.push(db);
    expect(db.sqlite.prepare('SELECT id, next_due_at, next_due_kind FROM complaints ORDER BY id').raw().all()).toEqual([
      [complaintId(1), null, null],
      [complaintId(2), null, null],
      [complaintId(3), null, null],
      [complaintId(4), due.next_due_at, due.next_due_kind],
      [complaintId(5), due.next_due_at, due.next_due_kind],
      [complaintId(6), '2026-11-17T06:00:00.000Z', 'jawaban_awal'],
    ]);
    // Status, version (so nothing is queued again) and the text stay as they were.
    expect(db.sqlite.prepare('SELECT id, status, version, resolution, updated_at FROM complaints ORDER BY id').all()).toEqual(before);
  });
});
