// Migration 0011 rebuilds the search index with the registration number (and its counter without
// the zeros), forgets for good the reporters made protected after they were indexed, and zeroes
// the pages earlier versions freed without wiping. (That the name is gone from every page of a
// larger file, through the app, is search-privacy.test.ts.)
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../../db/open';
import { complaintId, complaintRow, databaseAt, migrateTo } from './old-database';

const open: OpenDatabase[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

const terms = (db: OpenDatabase) => {
  db.sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, complaints_fts, row)');
  return db.sqlite.prepare('SELECT term FROM temp.fts_terms').pluck().all() as string[];
};

describe('migration 0011_search_purge_protected', () => {
  it('rebuilds the index with registration numbers, keeps protected reporters out and wipes freed pages', () => {
    const old = databaseAt('0010_official_calendars');
    old.insert('complaints', complaintRow(1, { reporter_name: 'Siti Rahmawati' }));
    old.insert('complaints', complaintRow(501, { reporter_name: 'Zulkarnain Qwertyuiop' }));
    old.insert('complaints', complaintRow(1200, { reporter_name: 'Wa Ode Nur', anonymous: 1 }));
    // Made rahasia at verification after it was indexed: the old index kept the terms behind a
    // delete marker.
    old.sqlite.prepare('UPDATE complaints SET confidential = 1 WHERE id = ?').run(complaintId(501));
    // A long draft typed and discarded: its overflow pages went to the freelist unwiped.
    const long = `${'Uraian panjang. '.repeat(1500)}Pelapor Xylofonius Mbeliau`;
    old.insert('drafts', { id: complaintId(9000), form: 'A', data: JSON.stringify({ content: long }), attachments: '[]', created_at: '2026-11-20T01:00:00.000Z', updated_at: '2026-11-20T01:00:00.000Z' });
    old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    old.sqlite.prepare('DELETE FROM drafts').run();
    old.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // What the earlier version left behind, so this test can fail.
    expect(fs.readFileSync(old.file).toString('latin1')).toContain('Xylofonius');
    expect(old.sqlite.prepare("SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH 'qwertyuiop'").pluck().get()).toBe(0);

    const db = migrateTo(old, '0011_search_purge_protected');
    open.push(db);
    expect(db.sqlite.prepare('SELECT c.id, f.reporter, f.registration FROM complaints c JOIN complaints_fts f ON f.rowid = c.rowid ORDER BY c.id').raw().all()).toEqual([
      [complaintId(1), 'Siti Rahmawati CV Sinar Buton', 'ADU/2026/000001 1'],
      [complaintId(501), '', 'ADU/2026/000501 501'],
      [complaintId(1200), '', 'ADU/2026/001200 1200'],
    ]);
    expect(terms(db)).not.toContain('qwertyuiop');
    expect(terms(db)).not.toContain('ode');
    expect(terms(db)).toContain('501');
    // The index deletes for good from now on.
    expect(db.sqlite.prepare("SELECT v FROM complaints_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(db.file).toString('latin1')).not.toContain('Xylofonius');
  });
});
