// Migration 0008 makes the database write the outbox itself, and queues every complaint saved
// before the outbox existed: each at its newest version, queued since it was saved. A row the
// outbox already held keeps its receipt.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../../db/open';
import { complaintId, complaintRow, databaseAt, migrateTo } from './old-database';

const open: OpenDatabase[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

describe('migration 0008_outbox_triggers', () => {
  it('queues the complaints saved before it at their newest version, and keeps rows already there', () => {
    const old = databaseAt('0007_sync_outbox');
    old.insert('complaints', complaintRow(1));
    // Handled and corrected twice before the upgrade: version 3 is the one owed upstream.
    old.insert('complaints', complaintRow(2, { version: 3, status: 'terverifikasi', classification: 'pengaduan', jenis: 'a', darwas: 0, category: '02 Pelayanan masyarakat', updated_at: '2026-11-18T04:00:00.000Z' }));
    old.insert('complaints', complaintRow(3, { form: 'B', channel: 'kotak_pengaduan', reporter_name: null, anonymous: 1 }));
    old.insert('complaints', complaintRow(4));
    old.insert('outbox', { complaint_id: complaintId(4), version: 1, state: 'sent', queued_at: '2026-11-16T04:06:00.000Z', attempts: 0, sent_version: 1, outcome: 'created', tracking_id: '2611000004', sent_at: '2026-11-16T04:07:00.000Z' });

    const db = migrateTo(old, '0008_outbox_triggers');
    open.push(db);
    const outbox = () =>
      db.sqlite.prepare('SELECT complaint_id AS id, version, state, queued_at AS queuedAt, attempts, tracking_id AS trackingId FROM outbox ORDER BY complaint_id').all();
    expect(outbox()).toEqual([
      { id: complaintId(1), version: 1, state: 'queued', queuedAt: complaintRow(1).created_at, attempts: 0, trackingId: null },
      { id: complaintId(2), version: 3, state: 'queued', queuedAt: complaintRow(2).created_at, attempts: 0, trackingId: null },
      { id: complaintId(3), version: 1, state: 'queued', queuedAt: complaintRow(3).created_at, attempts: 0, trackingId: null },
      { id: complaintId(4), version: 1, state: 'sent', queuedAt: '2026-11-16T04:06:00.000Z', attempts: 0, trackingId: '2611000004' },
    ]);

    // From now on the database queues by itself: a new complaint, and a change to a sent one.
    db.sqlite.prepare('INSERT INTO complaints (id, registration_no, form, channel, received_at, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      complaintId(5), 'ADU/2026/000005', 'C', 'telepon', '2026-11-19T02:00:00.000Z', 'Antrean terlalu lama.', '2026-11-19T02:05:00.000Z', '2026-11-19T02:05:00.000Z',
    );
    db.sqlite.prepare('UPDATE complaints SET version = 2 WHERE id = ?').run(complaintId(4));
    expect(db.sqlite.prepare('SELECT complaint_id, version, state, tracking_id FROM outbox WHERE complaint_id IN (?, ?) ORDER BY complaint_id').raw().all(complaintId(4), complaintId(5))).toEqual([
      [complaintId(4), 2, 'queued', '2611000004'],
      [complaintId(5), 1, 'queued', null],
    ]);
  });
});
