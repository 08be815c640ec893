// Migration 0003 builds the full-text index from the complaints already saved: problem, content
// and reporter, the reporter left empty for anonymous and rahasia complaints.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../../db/open';
import { complaintId, complaintRow, databaseAt, migrateTo } from './old-database';

const open: OpenDatabase[] = [];
afterEach(() => open.splice(0).forEach((d) => d.close()));

describe('migration 0003_search', () => {
  it('indexes every complaint saved before it, never a protected reporter', () => {
    const old = databaseAt('0002_drafts_attachments');
    old.insert('complaints', complaintRow(1, { reporter_name: 'Siti Rahmawati', reporter_institution: 'CV Sinar Buton' }));
    old.insert('complaints', complaintRow(2, { form: 'B', channel: 'kotak_pengaduan', problem: null, content: 'Lampu ruang tunggu mati sejak Senin.', reporter_name: 'Wa Ode Nur', reporter_institution: null, anonymous: 1 }));
    old.insert('complaints', complaintRow(3, { reporter_name: 'Hasanuddin Baso', reporter_institution: 'Koperasi Nelayan Lakansai', confidential: 1 }));
    old.insert('complaints', complaintRow(4, { reporter_name: null, reporter_institution: null }));

    const db = migrateTo(old, '0003_search');
    open.push(db);
    const rows = db.sqlite
      .prepare('SELECT c.id, f.problem, f.content, f.reporter FROM complaints c JOIN complaints_fts f ON f.rowid = c.rowid ORDER BY c.id')
      .all() as { id: string; problem: string; content: string; reporter: string }[];
    expect(rows).toEqual([
      { id: complaintId(1), problem: 'Izin usaha nomor 1 belum terbit', content: 'Permohonan izin usaha mikro nomor 1 belum terbit melewati SOP.', reporter: 'Siti Rahmawati CV Sinar Buton' },
      { id: complaintId(2), problem: '', content: 'Lampu ruang tunggu mati sejak Senin.', reporter: '' },
      { id: complaintId(3), problem: 'Izin usaha nomor 3 belum terbit', content: 'Permohonan izin usaha mikro nomor 3 belum terbit melewati SOP.', reporter: '' },
      { id: complaintId(4), problem: 'Izin usaha nomor 4 belum terbit', content: 'Permohonan izin usaha mikro nomor 4 belum terbit melewati SOP.', reporter: '' },
    ]);
    const match = (q: string) => db.sqlite.prepare('SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?').pluck().get(q);
    expect(match('Sinar')).toBe(1);
    expect(match('"Wa Ode"')).toBe(0);
    expect(match('Hasanuddin')).toBe(0);
    expect(match('lampu')).toBe(1);
  });
});
