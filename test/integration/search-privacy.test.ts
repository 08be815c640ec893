// A reporter protected after being indexed (rahasia or anonim set at verification) must be gone
// from the bytes of the database file, not only unsearchable: an FTS5 delete normally leaves the old
// terms in the index's data pages (behind a delete marker) and SQLite leaves freed pages as they
// were. These tests read the real file after a checkpoint and look at which pages hold the name.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate';
import { DB_FILE } from '../../db/open';
import { coresClosedAfterEach, formA, migrationsUpTo, tempDir } from '../helpers';

const newCore = coresClosedAfterEach();
const clock = () => new Date('2026-11-24T03:00:00Z');

/** Where a page's bytes may legitimately hold a protected reporter's name: the case file itself. */
const CASE_FILE = new Set(['complaints', 'complaints_reporter_name_lower']);

/**
 * The owners of the pages holding `needle` (case-insensitive) in the checkpointed file; 'free' for a
 * page no table or index owns (the freelist). The file is encrypted, so its pages are read as
 * SQLite decrypts them (every page of the file, free ones too): what a thief with the key would
 * find, or what a plain copy would hold.
 */
function ownersHolding(sqlite: Database.Database, file: string, needle: string): string[] {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const owner = new Map((sqlite.prepare('SELECT pageno, name FROM dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
  const bytes = sqlite.serialize();
  expect(bytes.length).toBe(fs.statSync(file).size);
  const found = new Set<string>();
  for (let p = 0; p * pageSize < bytes.length; p++) {
    if (bytes.subarray(p * pageSize, (p + 1) * pageSize).toString('latin1').toLowerCase().includes(needle.toLowerCase())) found.add(owner.get(p + 1) ?? 'free');
  }
  return [...found].sort();
}
const leaks = (owners: string[]) => owners.filter((o) => !CASE_FILE.has(o));

function vocabulary(sqlite: Database.Database): string[] {
  sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, complaints_fts, row)');
  return sqlite.prepare('SELECT term FROM temp.fts_terms').pluck().all() as string[];
}

const verifyAs = (input: Record<string, unknown>) => ({ classification: 'pengaduan', jenis: 'd', darwas: false, category: '02 Pelayanan masyarakat', ...input });

describe('a reporter protected after indexing leaves the search index', () => {
  it('is absent from the FTS shadow tables, the freelist and fts5vocab of a real file', async () => {
    const c = newCore(undefined, { now: clock });
    const created = await c.dispatch('complaints.create', formA({ reporterName: 'Zulkarnain Qwertyuiop', reporterInstitution: 'Koperasi Asdfghjkl' }));
    if (!created.ok) throw new Error(created.error.message);
    for (let i = 0; i < 40; i++) {
      await c.dispatch('complaints.create', formA({ reporterName: `Pelapor Lain ${i}`, problem: `Masalah nomor ${i}`, content: `Uraian pengaduan yang lain, nomor ${i}, tentang antrean.` }));
    }
    const { id } = created.value as { id: string };
    expect(((await c.dispatch('complaints.list', { q: 'Qwertyuiop' })) as { value: { total: number } }).value.total).toBe(1);
    expect(vocabulary(c.database.sqlite)).toContain('qwertyuiop');

    const verified = await c.dispatch('complaints.transition', { id, action: 'verifikasi', input: verifyAs({ confidential: true }) });
    expect(verified.ok).toBe(true);

    expect(((await c.dispatch('complaints.list', { q: 'Qwertyuiop' })) as { value: { total: number } }).value.total).toBe(0);
    expect(vocabulary(c.database.sqlite)).not.toContain('qwertyuiop');
    expect(vocabulary(c.database.sqlite)).not.toContain('asdfghjkl');
    // The case file still holds the name (the team may read it); nothing else does.
    expect(ownersHolding(c.database.sqlite, c.database.file, 'Qwertyuiop')).toContain('complaints');
    expect(leaks(ownersHolding(c.database.sqlite, c.database.file, 'Qwertyuiop'))).toEqual([]);
    expect(leaks(ownersHolding(c.database.sqlite, c.database.file, 'Asdfghjkl'))).toEqual([]);
  });

  it('is purged by the migration from a database an earlier version wrote', async () => {
    // The app as it was before the purge: the migrations up to the draft lease, no secure delete.
    const oldMigrations = migrationsUpTo('0009_draft_lease');

    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    applyMigrations(old, oldMigrations);
    const insert = old.prepare(
      `INSERT INTO complaints (id, registration_no, form, channel, received_at, problem, content, reporter_name, reporter_institution, created_at, updated_at)
       VALUES (?, ?, 'A', 'tatap_muka', '2026-11-20T02:00:00.000Z', ?, ?, ?, ?, '2026-11-20T02:05:00.000Z', '2026-11-20T02:05:00.000Z')`,
    );
    old.transaction(() => {
      for (let i = 0; i < 300; i++) {
        const name = i === 7 ? 'Zulkarnain Qwertyuiop' : i === 150 ? 'Hasanuddin Zxcvbnm' : `Pelapor Lama ${i}`;
        insert.run(`01930000-0000-7000-8000-${String(i).padStart(12, '0')}`, `ADU/2026/${String(i + 1).padStart(6, '0')}`, `Masalah ${i}`, `Uraian pengaduan lama nomor ${i} tentang pelayanan perizinan.`, name, 'Koperasi Nelayan');
      }
    })();
    old.pragma('wal_checkpoint(TRUNCATE)');
    // Protected at verification; the FTS index is then merged, which frees the pages that held the
    // first name (their bytes stay in the file), while the second stays behind a delete marker.
    old.prepare("UPDATE complaints SET confidential = 1 WHERE reporter_name = 'Zulkarnain Qwertyuiop'").run();
    old.exec("INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')");
    old.prepare("UPDATE complaints SET anonymous = 1 WHERE reporter_name = 'Hasanuddin Zxcvbnm'").run();
    // What the earlier version left behind, so this test can fail.
    expect(leaks(ownersHolding(old, file, 'Qwertyuiop'))).not.toEqual([]);
    expect(leaks(ownersHolding(old, file, 'Zxcvbnm'))).not.toEqual([]);
    old.close();

    const c = newCore(dir, { now: clock });
    expect(leaks(ownersHolding(c.database.sqlite, file, 'Qwertyuiop'))).toEqual([]);
    expect(leaks(ownersHolding(c.database.sqlite, file, 'Zxcvbnm'))).toEqual([]);
    expect(vocabulary(c.database.sqlite)).not.toContain('zxcvbnm');
    // The rebuilt index still finds what it should.
    expect(((await c.dispatch('complaints.list', { q: 'Pelapor Lama 123' })) as { value: { total: number } }).value.total).toBe(1);
    expect(((await c.dispatch('complaints.list', { q: 'Zxcvbnm' })) as { value: { total: number } }).value.total).toBe(0);
    expect(c.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
