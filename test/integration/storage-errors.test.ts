// A full disk, a read-only data folder and a database that cannot be opened are told in plain
// Indonesian (what happened, that nothing saved was lost, what to do) as a STORAGE error, never as
// "coba lagi"; nothing saved is lost and no temporary file is left behind.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../db/open';
import { REPO_ROOT } from '../../server/paths';
import { coresClosedAfterEach, formA, makeCore, tempDir } from '../helpers';
import { canMountPrivately, runStorageScenario } from '../storage';

const newCore = coresClosedAfterEach();
const clock = new Date('2026-11-20T03:00:00Z');
const DISK_FULL = { ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^Disk penuh.*tetap aman.*Kosongkan ruang disk/) } };
const READ_ONLY = { ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^Folder data tidak dapat ditulisi.*tetap aman.*izin tulis/) } };

describe('disk full (the database)', () => {
  it('answers STORAGE in plain Indonesian, loses nothing, and saves again once there is room', async () => {
    const c = newCore(undefined, { now: () => clock });
    expect((await c.dispatch('complaints.create', formA())).ok).toBe(true);
    // SQLite's own ceiling on the file: the next page it needs is refused as SQLITE_FULL, as on a full disk.
    c.database.sqlite.pragma(`max_page_count = ${c.database.sqlite.pragma('page_count', { simple: true }) as number}`);
    const full = await c.dispatch('complaints.create', formA({ reporterName: 'Budi', problem: 'Lain', content: 'Uraian panjang. '.repeat(1200) }));
    expect(full).toMatchObject(DISK_FULL);
    const draft = await c.dispatch('drafts.save', { id: '0190a0e0-0000-7000-8000-000000000001', form: 'A', data: { content: 'x'.repeat(19_000) } });
    expect(draft).toMatchObject(DISK_FULL);
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    expect(c.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    c.database.sqlite.pragma('max_page_count = 1073741823');
    expect(await c.dispatch('complaints.create', formA({ reporterName: 'Budi', problem: 'Lain' }))).toMatchObject({ ok: true, value: { registrationNo: 'ADU/2026/000002' } });
  });
});

describe('a database that cannot be opened', () => {
  it('stops start-up with a plain Indonesian message and leaves the file exactly as it was', () => {
    const dir = tempDir();
    const garbage = Buffer.from('Ini bukan basis data. '.repeat(500));
    fs.writeFileSync(path.join(dir, DB_FILE), garbage);
    expect(() => makeCore(dir)).toThrow(/^Basis data tidak dapat dibuka.*tidak diubah.*cadangan/s);
    expect(fs.readFileSync(path.join(dir, DB_FILE)).equals(garbage)).toBe(true);
  });

  it('says so from the command line too, and exits', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), Buffer.from('Ini bukan basis data. '.repeat(500)));
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli.ts'), '--browser', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Basis data tidak dapat dibuka/);
  }, 40_000);
});

describe('temporary attachment files', () => {
  it('sweeps the old partial files a crash left in the attachments folder at start', () => {
    const dir = tempDir();
    const store = path.join(dir, 'attachments');
    fs.mkdirSync(store, { recursive: true });
    const stale = `${'a'.repeat(64)}.4242.0badcafe.tmp`;
    const fresh = `${'c'.repeat(64)}.4243.0badcafe.tmp`; // another process may be writing it now
    for (const name of [stale, fresh, 'b'.repeat(64)]) fs.writeFileSync(path.join(store, name), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(path.join(store, stale), twoHoursAgo, twoHoursAgo);
    newCore(dir);
    expect(fs.readdirSync(store).sort()).toEqual(['b'.repeat(64), fresh]);
  });
});

describe.skipIf(!canMountPrivately)('on a real filesystem (own mount namespace)', () => {
  it('disk full while storing an attachment: STORAGE, no temporary file left, a small one fits afterwards', () => {
    const out = runStorageScenario('attachments-full', tempDir());
    expect(out.big).toMatchObject(DISK_FULL);
    expect(out.files).toEqual([]);
    expect(out.small).toMatchObject({ ok: true, value: { contentType: 'image/png', size: 4000 } });
  }, 60_000);

  it('a data folder that turned read-only: STORAGE for an attachment, reading still works, start-up explains, nothing lost', () => {
    const out = runStorageScenario('read-only', tempDir());
    expect(out.before).toMatchObject({ ok: true });
    expect(out.upload).toMatchObject(READ_ONLY);
    expect(out.list).toMatchObject({ ok: true, value: { total: 1 } });
    expect(out.startUp).toMatch(/^Folder data tidak dapat ditulisi.*tetap aman.*izin tulis.*Folder data: \//s);
    expect(out.after).toBe(1);
    expect(out.integrity).toBe('ok');
  }, 60_000);
});
