// The restore drill: back up a populated data folder while saves go on, wipe the folder (and its key),
// restore, and compare every table and every attachment with the original. And a restore on another
// folder (another PC) with nothing but the backup file and its password.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../db/open';
import { restoreBackup } from '../../server/backup/restore';
import { browserKeyStore, dataKeysFor, defaultKeyFile } from '../../server/keys';
import { MIGRATIONS_DIR } from '../../server/paths';
import { configureBackups, expectNoLeftovers, PASSWORD, populate, tableRows } from '../backup-helpers';
import { coresClosedAfterEach, formA, openDataDb, tempDir } from '../helpers';

const newCore = coresClosedAfterEach();
const clock = () => new Date('2026-11-24T09:30:00Z'); // Tuesday 16.30 WIB

/**
 * Tables not compared row by row: those a restore changes on purpose (db/restore-fixups.ts,
 * checked by their own rules below) and the full-text index's b-tree pages, which later saves
 * merge and rewrite (its rows are checked by FTS5's integrity-check and by searching instead).
 */
const CHANGED_BY_RESTORE = new Set(['outbox', 'registration_counters', 'restores', 'local_state', 'sqlite_sequence', 'complaints_fts_data', 'complaints_fts_idx']);

async function restoreInto(file: string, dir: string) {
  const keys = dataKeysFor(dir, browserKeyStore(dir));
  return restoreBackup({ from: file, password: PASSWORD, target: dir, mode: 'new-folder', keys, migrationsFolder: MIGRATIONS_DIR, now: new Date('2026-11-25T01:00:00Z') });
}

describe('restore drill', () => {
  it('backs up while saves continue, restores into the wiped folder, and every table and attachment is the same', async () => {
    const dataDir = tempDir('loket-drill-');
    const folder = tempDir('loket-drill-usb-');
    const core = newCore(dataDir, { now: clock });
    await populate(core, 60);
    await configureBackups(core, folder);
    const before = new Set(core.database.sqlite.prepare('SELECT id FROM complaints').pluck().all() as string[]);

    // Saves go on while the backup runs; the snapshot holds those committed before it was taken.
    const backup = core.backups.runNow();
    let finished = false;
    void backup.finally(() => (finished = true));
    const during: string[] = [];
    for (let i = 0; !finished && i < 100; i++) {
      const saved = await core.dispatch('complaints.create', formA({ reporterName: `Saat Cadangan ${i}`, problem: `Saat cadangan ${i}` }));
      if (saved.ok) during.push((saved.value as { id: string }).id);
    }
    const written = await backup;
    expect(during.length).toBeGreaterThan(0);

    // The original as it is now (the backup's own record of itself included), and its attachments.
    const original = tableRows(core.database.sqlite);
    const files = new Map(core.attachments.list().map((sha) => [sha, core.attachments.read(sha)]));
    await core.close();

    // The PC's disk dies: the data folder and its key are gone.
    fs.rmSync(dataDir, { recursive: true });
    fs.rmSync(defaultKeyFile(dataDir));
    const summary = await restoreInto(written.file, dataDir);
    expectNoLeftovers(dataDir);

    const restored = openDataDb(dataDir);
    restored.exec("INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')");
    const rows = tableRows(restored);
    const ids = new Set(restored.prepare('SELECT id FROM complaints').pluck().all() as string[]);
    restored.close();

    // Every complaint saved before the backup is there; the ones saved meanwhile are either in the
    // snapshot or not, and what is there is exactly what the original holds.
    for (const id of before) expect(ids.has(id)).toBe(true);
    for (const id of ids) expect(before.has(id) || during.includes(id)).toBe(true);
    expect(ids.size).toBe(written.manifest.complaints);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(original).sort());
    for (const [table, list] of Object.entries(rows)) {
      if (CHANGED_BY_RESTORE.has(table)) continue;
      const all = new Set(original[table]);
      const missing = list.filter((r) => !all.has(r));
      expect(missing, `${table}: rows that differ from the original`).toEqual([]);
      // Rows the original has beyond the snapshot are those of complaints saved after it.
      if (!['complaints', 'complaint_events', 'complaints_fts_content', 'complaints_fts_docsize'].includes(table)) {
        expect(list.length, table).toBe(original[table]!.length);
      }
    }
    // The restore's own changes: unconfirmed reports queued again, counters past any printed number.
    expect(summary.counters).toContainEqual({ year: 2026, before: ids.size, after: Math.ceil((ids.size + 1000) / 1000) * 1000 });
    expect(summary.requeued).toBe(ids.size); // no upstream here: none was confirmed
    // Every attachment, byte for byte.
    const { AttachmentStore } = await import('../../server/attachment-store');
    const secret = browserKeyStore(dataDir).read()!;
    const { deriveKeys } = await import('../../server/keys');
    const store = new AttachmentStore(dataDir, deriveKeys(secret).attachments);
    expect(store.list()).toEqual(written.manifest.attachments);
    for (const sha of store.list()) expect(store.read(sha).equals(files.get(sha)!), sha).toBe(true);

    // The app starts on it, and the next number is past the jump.
    const again = newCore(dataDir, { now: clock });
    const next = await again.dispatch('complaints.create', formA({ reporterName: 'Sesudah Pemulihan', problem: 'Sesudah pemulihan' }));
    expect(next).toMatchObject({ ok: true, value: { registrationNo: `ADU/2026/${String(summary.counters.find((c) => c.year === 2026)!.after + 1).padStart(6, '0')}` } });
    expect(await again.dispatch('backup.status', {})).toMatchObject({ ok: true, value: { lastRestore: { backupTakenAt: written.manifest.takenAt, requeued: ids.size } } });
  }, 120_000);

  it('restores on another PC (another folder) with only the backup file and its password', async () => {
    const dataDir = tempDir('loket-old-pc-');
    const folder = tempDir('loket-usb-');
    const core = newCore(dataDir, { now: clock });
    await populate(core, 12, 'Kantor Lama');
    await configureBackups(core, folder);
    const written = await core.backups.runNow();
    const original = tableRows(core.database.sqlite);
    await core.close();
    // Only the file travels (on the USB disk): the old PC, its folder and its key are gone.
    const usb = tempDir('loket-usb-elsewhere-');
    const file = path.join(usb, path.basename(written.file));
    fs.copyFileSync(written.file, file);
    fs.rmSync(dataDir, { recursive: true });
    fs.rmSync(defaultKeyFile(dataDir));
    fs.rmSync(folder, { recursive: true });

    const newPc = path.join(tempDir('loket-new-pc-'), 'Loket Aduan');
    const summary = await restoreInto(file, newPc);
    expect(summary).toMatchObject({ complaints: 12, attachments: 4, folder: newPc });
    expect(fs.existsSync(path.join(newPc, DB_FILE))).toBe(true);
    expect(fs.statSync(defaultKeyFile(newPc)).mode & 0o777).toBe(0o600);

    const c = newCore(newPc, { now: clock });
    const rows = tableRows(c.database.sqlite);
    for (const table of Object.keys(original)) {
      if (CHANGED_BY_RESTORE.has(table)) continue;
      expect(rows[table], table).toEqual(original[table]);
    }
    const list = (await c.dispatch('complaints.list', { q: 'Masalah Kantor Lama 11' })) as { ok: true; value: { total: number } };
    expect(list.value.total).toBe(1);
  }, 60_000);
});
